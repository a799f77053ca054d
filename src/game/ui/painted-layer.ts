/**
 * A picture a widget paints with the 2D canvas API into its own canvas texture, shown as one Image. For drawings
 * with many shapes that change rarely (the latent map's 1,000 dots): a Phaser Graphics object replays every shape
 * on every drawn frame (Canvas renderer) or re-tessellates them (WebGL), while this paints them once per change
 * and each frame draws a single image. `invalidate()` asks for a paint just before the scene next draws, so
 * several changes in one frame (bounds, points, shown, enabled) paint once.
 */
import * as Phaser from 'phaser';
import { timed } from '../render-timing';
import type { Rect } from './theme';

let layerSeq = 0;

export type Painter = (ctx: CanvasRenderingContext2D, origin: { x: number; y: number }) => void;

export class PaintedLayer {
  /** The texture's key (the test hook's `texturePixel` reads it). */
  readonly key = `painted-layer-${++layerSeq}`;
  readonly image: Phaser.GameObjects.Image;
  private texture: Phaser.Textures.CanvasTexture | null = null;
  private rect: Rect = { x: 0, y: 0, width: 1, height: 1 };
  private pending = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly painter: Painter,
  ) {
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
  }

  /**
   * Where the picture goes, in game pixels, with `pad` pixels of room around it for shapes that reach past its
   * edge (a new size makes a new texture); paints before the next draw.
   */
  place(rect: Rect, pad = 0): this {
    const width = Math.max(1, Math.ceil(rect.width + 2 * pad));
    const height = Math.max(1, Math.ceil(rect.height + 2 * pad));
    this.rect = { x: Math.floor(rect.x - pad), y: Math.floor(rect.y - pad), width, height };
    if (!this.texture || this.texture.width !== width || this.texture.height !== height) {
      if (this.texture) this.scene.textures.remove(this.key);
      this.texture = this.scene.textures.createCanvas(this.key, width, height);
      this.image.setTexture(this.key);
    }
    this.image.setPosition(this.rect.x, this.rect.y);
    return this.invalidate();
  }

  /** The picture changed: paint it once, just before the scene next draws. */
  invalidate(): this {
    if (this.pending) return this;
    this.pending = true;
    this.scene.events.once(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
    return this;
  }

  /** Paints now if a paint is pending (a caller that needs the picture before the next frame). */
  flush(): void {
    this.paintNow();
  }

  destroy(): void {
    this.pending = false;
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
    if (this.texture) this.scene.textures.remove(this.key);
    this.texture = null;
  }

  private paintNow(): void {
    if (!this.pending) return;
    this.pending = false;
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
    const texture = this.texture;
    if (!texture) return;
    timed('paint:layer', () => {
      const ctx = texture.getContext();
      ctx.clearRect(0, 0, texture.width, texture.height);
      ctx.save();
      this.painter(ctx, { x: this.rect.x, y: this.rect.y });
      ctx.restore();
      texture.refresh();
    });
  }
}

/** A rounded rectangle's path (a plain one where the canvas has no roundRect). */
export function roundedRectPath(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): void {
  ctx.beginPath();
  if (typeof ctx.roundRect === 'function') ctx.roundRect(x, y, width, height, radius);
  else ctx.rect(x, y, width, height);
}
