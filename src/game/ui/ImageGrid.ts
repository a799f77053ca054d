import * as Phaser from 'phaser';
import { timed } from '../render-timing';
import { COLORS, type Rect } from './theme';
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

/** Dark navy → steel blue → near white: readable digits on the dark theme, 0 still visible as "off". */
function buildColormap(): Uint8ClampedArray {
  const stops = [
    [0, [14, 20, 36]],
    [0.5, [62, 112, 168]],
    [1, [236, 246, 255]],
  ] as const;
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const v = i / 255;
    const [a, b] = v <= 0.5 ? [stops[0], stops[1]] : [stops[1], stops[2]];
    const f = (v - a[0]) / (b[0] - a[0]);
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = a[1][c] + (b[1][c] - a[1][c]) * f;
  }
  return lut;
}

const COLORMAP = buildColormap();
const hex = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;
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
  private scratch: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; data: ImageData } | null = null;

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
    this.paintPending = false;
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.paintNow, this);
    this.paint();
  }

  private scratchFor(width: number, height: number): NonNullable<ImageGrid['scratch']> {
    if (!this.scratch || this.scratch.canvas.width !== width || this.scratch.canvas.height !== height) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('2D canvas unavailable');
      this.scratch = { canvas, ctx, data: ctx.createImageData(width, height) };
    }
    return this.scratch;
  }

  private paint(): void {
    const texture = this.texture;
    if (!texture) return;
    const ctx = texture.getContext();
    const W = texture.width;
    const H = texture.height;
    ctx.clearRect(0, 0, W, H);
    const cell = this.cellSize();
    const imgs = this.images;
    const size = imgs ? imgs.width * imgs.height : 0;
    // Whole-number scale so every source pixel becomes the same number of screen pixels.
    const scale = imgs ? Math.max(1, Math.floor(Math.min(cell.width / imgs.width, cell.height / imgs.height))) : 1;
    for (let i = 0; i < this.columns * this.rows; i++) {
      const cx = Math.round((i % this.columns) * (cell.width + this.gap));
      const cy = Math.round(Math.floor(i / this.columns) * (cell.height + this.gap));
      ctx.fillStyle = hex(COLORS.imageEmpty);
      ctx.fillRect(cx, cy, Math.round(cell.width), Math.round(cell.height));
      if (!imgs || i >= imgs.count || imgs.pixels.length < (i + 1) * size) continue;
      const s = this.scratchFor(imgs.width, imgs.height);
      const d = s.data.data;
      for (let p = 0; p < size; p++) {
        const v = imgs.pixels[i * size + p];
        const idx = Math.round(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * 255) * 3;
        d[p * 4] = COLORMAP[idx];
        d[p * 4 + 1] = COLORMAP[idx + 1];
        d[p * 4 + 2] = COLORMAP[idx + 2];
        d[p * 4 + 3] = 255;
      }
      s.ctx.putImageData(s.data, 0, 0);
      const dw = imgs.width * scale;
      const dh = imgs.height * scale;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(
        s.canvas,
        0,
        0,
        imgs.width,
        imgs.height,
        cx + Math.floor((cell.width - dw) / 2),
        cy + Math.floor((cell.height - dh) / 2),
        dw,
        dh,
      );
      this.paintOverlay(ctx, i, cx + Math.floor((cell.width - dw) / 2), cy + Math.floor((cell.height - dh) / 2), scale);
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
    ctx.strokeStyle = hex(COLORS.danger);
    for (const p of overlay.marks?.[i] ?? []) {
      const px = p % imgs.width;
      const py = Math.floor(p / imgs.width);
      ctx.strokeRect(ox + px * scale + line / 2, oy + py * scale + line / 2, scale - line, scale - line);
    }
    const box = overlay.boxes?.[i];
    if (box) {
      const w = Math.max(2, Math.round(scale / 4));
      ctx.lineWidth = w;
      ctx.strokeStyle = hex(COLORS.warning);
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
