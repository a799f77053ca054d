/**
 * An image grid's picture as raw RGBA, written in one pass and put on the canvas once: each cell's backdrop, each
 * image scaled up by a whole factor (nearest neighbour, so pixels stay crisp) through the colormap. One
 * putImageData instead of a putImageData and a scaled drawImage per image: a grid repaints on every progress event
 * while a level trains. Pure (no DOM): unit-tested on plain arrays.
 */

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

/** 256 RGB entries: value v in [0, 1] → entry round(v · 255). */
export const COLORMAP = buildColormap();

export interface GridPicture {
  /** The picture's size in pixels (the texture's). */
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** One cell's size (may be fractional) and the gap between cells. */
  cellWidth: number;
  cellHeight: number;
  gap: number;
  /** The cells' backdrop, 0xRRGGBB. */
  empty: number;
  images: { pixels: Float32Array; count: number; width: number; height: number } | null;
}

/** Where image `i` sits and at what whole scale (the same rule the overlay's marks use). */
export interface CellPlace {
  /** The cell's top-left corner. */
  x: number;
  y: number;
  /** The image's top-left corner (centred in its cell). */
  ox: number;
  oy: number;
  scale: number;
}

export function cellPlace(p: GridPicture, i: number): CellPlace {
  const imgs = p.images;
  const scale = imgs ? Math.max(1, Math.floor(Math.min(p.cellWidth / imgs.width, p.cellHeight / imgs.height))) : 1;
  const x = Math.round((i % p.columns) * (p.cellWidth + p.gap));
  const y = Math.round(Math.floor(i / p.columns) * (p.cellHeight + p.gap));
  const dw = imgs ? imgs.width * scale : 0;
  const dh = imgs ? imgs.height * scale : 0;
  return {
    x,
    y,
    ox: x + Math.floor((p.cellWidth - dw) / 2),
    oy: y + Math.floor((p.cellHeight - dh) / 2),
    scale,
  };
}

/** Writes the grid into `out` (width · height · 4 bytes, RGBA); what no cell covers is left transparent. */
export function paintGridPixels(out: Uint8ClampedArray, p: GridPicture): void {
  const { width: W, height: H } = p;
  out.fill(0);
  const er = (p.empty >> 16) & 255;
  const eg = (p.empty >> 8) & 255;
  const eb = p.empty & 255;
  const imgs = p.images;
  const size = imgs ? imgs.width * imgs.height : 0;
  for (let i = 0; i < p.columns * p.rows; i++) {
    const c = cellPlace(p, i);
    const x1 = Math.min(W, c.x + Math.round(p.cellWidth));
    const y1 = Math.min(H, c.y + Math.round(p.cellHeight));
    for (let y = Math.max(0, c.y); y < y1; y++) {
      for (let x = Math.max(0, c.x), o = (y * W + x) * 4; x < x1; x++, o += 4) {
        out[o] = er;
        out[o + 1] = eg;
        out[o + 2] = eb;
        out[o + 3] = 255;
      }
    }
    if (!imgs || i >= imgs.count || imgs.pixels.length < (i + 1) * size) continue;
    const base = i * size;
    for (let sy = 0; sy < imgs.height; sy++) {
      for (let sx = 0; sx < imgs.width; sx++) {
        const v = imgs.pixels[base + sy * imgs.width + sx];
        const k = Math.round(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * 255) * 3;
        const r = COLORMAP[k];
        const g = COLORMAP[k + 1];
        const b = COLORMAP[k + 2];
        for (let dy = 0; dy < c.scale; dy++) {
          const y = c.oy + sy * c.scale + dy;
          if (y < 0 || y >= H) continue;
          for (let dx = 0; dx < c.scale; dx++) {
            const x = c.ox + sx * c.scale + dx;
            if (x < 0 || x >= W) continue;
            const o = (y * W + x) * 4;
            out[o] = r;
            out[o + 1] = g;
            out[o + 2] = b;
            out[o + 3] = 255;
          }
        }
      }
    }
  }
}
