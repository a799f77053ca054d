/**
 * The faint "latent space" backdrop behind the Level and Lab scenes, drawn from a bitmap copy of the SVG.
 *
 * The loaded texture's source is the SVG image itself: the Canvas renderer's drawImage replays its ~260 translucent
 * circles through a full-screen alpha layer on every drawn frame. Measured in the bench's headless Chromium (software
 * 2D canvas, rasterised on the main thread when the frame is flushed): ~14 ms of a Level frame's ~16 ms raster at
 * load 5, the same backdrop from a bitmap ~2.5 ms. The copy is made once, at the SVG's own size (the game's base
 * size: these scenes draw it unscaled at the origin), so the picture is the same.
 */
import type * as Phaser from 'phaser';

/** The loaded SVG (src/game/assets.ts). */
const SVG_KEY = 'backdrop';
/** Its bitmap copy, made on first use and kept for the game's life. */
export const BACKDROP_BITMAP_KEY = 'backdrop-bitmap';

/** The key of the backdrop's bitmap copy (made now if needed), or null when the backdrop did not load. */
export function backdropBitmap(textures: Phaser.Textures.TextureManager): string | null {
  if (textures.exists(BACKDROP_BITMAP_KEY)) return BACKDROP_BITMAP_KEY;
  if (!textures.exists(SVG_KEY)) return null;
  const source = textures.get(SVG_KEY).getSourceImage() as CanvasImageSource & { width: number; height: number };
  const copy = textures.createCanvas(BACKDROP_BITMAP_KEY, source.width, source.height);
  if (!copy) return SVG_KEY;
  copy.getContext().drawImage(source, 0, 0);
  copy.refresh();
  return BACKDROP_BITMAP_KEY;
}

/** The backdrop at the top-left corner with `alpha`, behind everything the scene adds later (null: not loaded). */
export function addBackdrop(scene: Phaser.Scene, alpha: number): Phaser.GameObjects.Image | null {
  const key = backdropBitmap(scene.textures);
  return key ? scene.add.image(0, 0, key).setOrigin(0, 0).setAlpha(alpha) : null;
}
