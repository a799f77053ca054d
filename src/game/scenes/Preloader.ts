import * as Phaser from 'phaser';
import { LOGO_PAINT_SCALE } from '../assets';
import { t } from '../../shared/messages';
import { TEXT } from '../ui/theme';
import { startFirstScreen, warmEngineForFirstScreen } from './first-screen';
import { markStartup } from '../startup-marks';

/**
 * On a deep link (a level, the Lab, a shared setup): starts the engine at once (so it is warm for the first
 * Train) and shows the logo while that screen's chunk loads, then starts it.
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    markStartup('pre-create');
    warmEngineForFirstScreen(this);

    const { width, height } = this.scale;
    const cx = width / 2;
    const cy = height / 2;
    this.add.image(cx, cy - 110, 'logo').setScale(1 / LOGO_PAINT_SCALE);
    this.add.text(cx, cy - 40, t('preloader.title'), { ...TEXT.title, fontSize: '40px' }).setOrigin(0.5, 0.5);
    this.add.text(cx, cy + 6, t('preloader.tagline'), TEXT.bodyMuted).setOrigin(0.5, 0.5);
    // goTo shows its thin loading bar here while the deep link's chunk loads (scene-loader.ts).
    startFirstScreen(this);
  }
}
