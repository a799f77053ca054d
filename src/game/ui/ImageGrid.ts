import * as Phaser from 'phaser';
import { timed } from '../render-timing';
import { cellPlace, paintGridPixels, type GridPicture } from './grid-pixels';
import { COLORS, cssHex, type Rect } from './theme';
import { Widget } from './Widget';

export interface ImageGridConfig extends Rect {
  id: string;
  columns: number;
  rows?: number;
  gap?: number;
}

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Drawn over the images, in image pixels: pixels to mark (per image) and one box outlined on every image. */
export interface GridOverlay {
  /** Per image, the indices (row-major) of pixels to outline, e.g. the wrong ones. */
  marks?: readonly (readonly number[])[];
  /** Per image, a rectangle to outline, e.g. the square that was erased. */
  boxes?: readonly (PixelBox | null)[];
}

export interface GridImages {
  /** count * width * height values in [0, 1], row-major. */
  pixels: Float32Array;
  count: number;
  width: number;
  height: number;
}

let gridSeq = 0;

/**
 * Float32Array images drawn into one canvas texture: each image is written at its own size, then scaled up by
 * a whole factor with smoothing off, so pixels stay crisp on both the Canvas and the WebGL renderer.
 */
export class ImageGrid extends Widget {
  private readonly key = `image-grid-${++gridSeq}`;
  private texture: Phaser.Textures.CanvasTexture | null = null;
  private readonly image: Phaser.GameObjects.Image;
  private readonly columns: number;
  private readonly rows: number;
  private readonly gap: number;
  private images: GridImages | null = null;
  private overlay: GridOverlay | null = null;
  private paintPending = false;
  /** The whole picture's pixels, kept between paints (same size: no new allocation per progress event). */
  private frame: ImageData | null = null;

  constructor(scene: Phaser.Scene, config: ImageGridConfig) {
    super(scene, config.id, config);
    this.columns = config.columns;
    this.rows = config.rows ?? 1;
    this.gap = config.gap ?? 8;
    this.image = this.track(scene.add.image(config.x, config.y, '__DEFAULT').setOrigin(0, 0));
    this.redraw();
  }

  setImages(images: GridImages | null): this {
    const old = this.images;
    if (
      old === images ||
      (old &&
        images &&
        old.pixels === images.pixels &&
        old.count === images.count &&
        old.width === images.width &&
        old.height === images.height)
    )
      return this;
    this.images = images;
    this.schedulePaint();
    return this;
  }

  /** Marks drawn over the images (null: none); kept until replaced. */
  setOverlay(overlay: GridOverlay | null): this {
    if (overlay === this.overlay || (!overlay && !this.overlay)) return this;
    this.overlay = overlay;
    this.schedulePaint();
    return this;
  }

  /**
   * Paints once, just before the scene next draws: a view sets images and overlay one after the other, ~10 times a
   * second while a level trains, and only the last picture of a frame is ever seen.
   */
  private schedulePaint(): void {
    if (this.paintPending) return;
    this.paintPending = true;
    this.scene.events.once(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
  }

  private paintNow(): void {
    if (!this.paintPending) return;
    this.paintPending = false;
    timed('paint:grid', () => this.paint());
  }

  /** The size of one cell's image in game pixels (for lining up captions). */
  cellSize(): { width: number; height: number } {
    const { width, height } = this.rect;
    return {
      width: (width - this.gap * (this.columns - 1)) / this.columns,
      height: (height - this.gap * (this.rows - 1)) / this.rows,
    };
  }

  protected redraw(): void {
    const w = Math.max(1, Math.round(this.rect.width));
    const h = Math.max(1, Math.round(this.rect.height));
    const textures = this.scene.textures;
    if (!this.texture || this.texture.width !== w || this.texture.height !== h) {
      if (this.texture) textures.remove(this.key);
      this.texture = textures.createCanvas(this.key, w, h);
      this.texture?.setFilter(Phaser.Textures.FilterMode.NEAREST);
      this.image.setTexture(this.key);
    }
    this.image.setPosition(this.rect.x, this.rect.y);
    // Painted before the next draw, like new images: a layout and new images in one frame paint once.
    this.schedulePaint();
  }

  private paint(): void {
    const texture = this.texture;
    if (!texture) return;
    const ctx = texture.getContext();
    const W = texture.width;
    const H = texture.height;
    if (!this.frame || this.frame.width !== W || this.frame.height !== H) this.frame = ctx.createImageData(W, H);
    const cell = this.cellSize();
    const picture: GridPicture = {
      width: W,
      height: H,
      columns: this.columns,
      rows: this.rows,
      cellWidth: cell.width,
      cellHeight: cell.height,
      gap: this.gap,
      empty: COLORS.imageEmpty,
      images: this.images,
    };
    paintGridPixels(this.frame.data, picture);
    ctx.putImageData(this.frame, 0, 0);
    const imgs = this.images;
    if (this.overlay && imgs)
      for (let i = 0; i < Math.min(imgs.count, this.columns * this.rows); i++) {
        const c = cellPlace(picture, i);
        this.paintOverlay(ctx, i, c.ox, c.oy, c.scale);
      }
    texture.refresh();
  }

  /** The overlay of image `i`, drawn at (ox, oy) with `scale` screen pixels per image pixel. */
  private paintOverlay(ctx: CanvasRenderingContext2D, i: number, ox: number, oy: number, scale: number): void {
    const overlay = this.overlay;
    const imgs = this.images;
    if (!overlay || !imgs) return;
    const line = Math.max(1, Math.round(scale / 8));
    ctx.lineWidth = line;
    ctx.strokeStyle = cssHex(COLORS.danger);
    for (const p of overlay.marks?.[i] ?? []) {
      const px = p % imgs.width;
      const py = Math.floor(p / imgs.width);
      ctx.strokeRect(ox + px * scale + line / 2, oy + py * scale + line / 2, scale - line, scale - line);
    }
    const box = overlay.boxes?.[i];
    if (box) {
      const w = Math.max(2, Math.round(scale / 4));
      ctx.lineWidth = w;
      ctx.strokeStyle = cssHex(COLORS.warning);
      ctx.strokeRect(
        ox + box.x * scale + w / 2,
        oy + box.y * scale + w / 2,
        box.width * scale - w,
        box.height * scale - w,
      );
    }
  }

  override destroy(): void {
    this.paintPending = false;
    this.scene?.events.off(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
    super.destroy();
    if (this.texture) this.scene.textures.remove(this.key);
    this.texture = null;
  }
}
