import * as Phaser from 'phaser';
import { BOOT_ASSETS, PRELOAD_ASSETS } from '../assets';
import { localeReady } from '../locale-sync';

/**
 * Loads the logo the Preloader shows and, in the same round, the few small SVGs the first screens use (one
 * loader round instead of two before the title: issue 15, title interactive within 500 ms); then hands over.
 */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  preload(): void {
    for (const a of [...BOOT_ASSETS, ...PRELOAD_ASSETS])
      this.load.svg(a.key, a.url, { width: a.width, height: a.height });
  }

  create(): void {
    // The chosen language's texts first (locale-load.ts; usually here already, fetched since startGame).
    void localeReady().then(() => this.scene.start('Preloader'));
  }
}
