import * as Phaser from 'phaser';
import { addUiTextures } from '../assets';
import { localeReady } from '../locale-sync';
import { firstScreenIsTitle, startFirstScreen } from './first-screen';
import { markStartup } from '../startup-marks';

/**
 * Paints the UI drawings into textures (no loader round: issue 15, title interactive within 500 ms), waits for
 * the chosen language's texts, then starts the Title; a deep link (a level, the
 * Lab, a shared setup) goes through the Preloader, whose logo stays up while that screen's chunk loads.
 */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    markStartup('boot-create');
    const title = firstScreenIsTitle();
    addUiTextures(this.textures);
    markStartup('textures');
    // The chosen language's texts (locale-load.ts; usually here already, fetched since startGame).
    void localeReady().then(() => {
      if (title) startFirstScreen(this);
      else this.scene.start('Preloader');
    });
  }
}
