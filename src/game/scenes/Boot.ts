import * as Phaser from 'phaser';
import { addUiTextures, uiArt } from '../assets';
import { localeReady } from '../locale-sync';
import { firstScreenIsTitle, startFirstScreen } from './first-screen';
import { markStartup } from '../startup-marks';

/**
 * Waits for the chosen language's texts and the backdrop's drawing, paints the UI drawings into textures (no
 * loader round: issue 15, title interactive within 500 ms), then starts the Title; a deep link (a level, the
 * Lab, a shared setup) goes through the Preloader, whose logo stays up while that screen's chunk loads.
 */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    markStartup('boot-create');
    const title = firstScreenIsTitle(this);
    // The chosen language's texts (locale-load.ts) and the backdrop's drawing (assets.ts): both usually here
    // already, fetched since the main chunk loaded.
    void Promise.all([localeReady(), uiArt()]).then(([, art]) => {
      addUiTextures(this.textures, art);
      markStartup('textures');
      if (title) startFirstScreen(this);
      else this.scene.start('Preloader');
    });
  }
}
