/**
 * The faint "latent space" backdrop behind the Level and Lab scenes and the meta screens.
 *
 * Its texture is a canvas its points were painted on once at boot (assets.ts, ui/backdrop-art.ts). It used to be a
 * loaded SVG image, and the Canvas renderer's drawImage replayed its ~260 translucent circles through a
 * full-screen alpha layer on every drawn frame: ~14 ms of a Level frame's ~16 ms raster at load 5 in the bench's
 * headless Chromium, ~2.5 ms from a bitmap (session 8 drew a bitmap copy; the painted canvas is that bitmap).
 */
import type * as Phaser from 'phaser';

/** The painted backdrop (src/game/assets.ts). */
export const BACKDROP_KEY = 'backdrop';

/** The backdrop at the top-left corner with `alpha`, behind everything the scene adds later (null: not painted). */
export function addBackdrop(scene: Phaser.Scene, alpha: number): Phaser.GameObjects.Image | null {
  return scene.textures.exists(BACKDROP_KEY)
    ? scene.add.image(0, 0, BACKDROP_KEY).setOrigin(0, 0).setAlpha(alpha)
    : null;
}
