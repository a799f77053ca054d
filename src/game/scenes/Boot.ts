import * as Phaser from 'phaser';
import { BOOT_ASSETS } from '../assets';
import { localeReady } from '../locale-sync';

/** Loads only what the Preloader shows (the logo), then hands over. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    for (const a of BOOT_ASSETS) this.load.svg(a.key, a.url, { width: a.width, height: a.height });
  }

  create(): void {
    // The chosen language's texts first (locale-load.ts; usually here already, fetched since startGame).
    void localeReady().then(() => this.scene.start('Preloader'));
  }
}
