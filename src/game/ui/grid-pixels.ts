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

/** The platform stores a 32-bit word's lowest byte first (every browser we know of): RGBA is written as one word. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `r, g, b` opaque as one 32-bit word in the platform's byte order (the bytes R, G, B, A in memory). */
function rgbaWord(r: number, g: number, b: number): number {
  return LITTLE_ENDIAN
    ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** COLORMAP as words: entry k (value round(v · 255)) → its opaque RGBA. */
const COLORMAP_WORDS = Uint32Array.from({ length: 256 }, (_, k) =>
  rgbaWord(COLORMAP[k * 3], COLORMAP[k * 3 + 1], COLORMAP[k * 3 + 2]),
);

/**
 * Writes the grid into `out` (width · height · 4 bytes, RGBA); what no cell covers is left transparent. Written
 * a pixel (one 32-bit word) at a time; each image row is scaled once and copied down for the rest of its scale.
 */
export function paintGridPixels(out: Uint8ClampedArray, p: GridPicture): void {
  const { width: W, height: H } = p;
  const px = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
  px.fill(0);
  const empty = rgbaWord((p.empty >> 16) & 255, (p.empty >> 8) & 255, p.empty & 255);
  const imgs = p.images;
  const size = imgs ? imgs.width * imgs.height : 0;
  for (let i = 0; i < p.columns * p.rows; i++) {
    const c = cellPlace(p, i);
    const x0 = Math.max(0, c.x);
    const x1 = Math.min(W, c.x + Math.round(p.cellWidth));
    const y1 = Math.min(H, c.y + Math.round(p.cellHeight));
    if (x0 < x1) for (let y = Math.max(0, c.y); y < y1; y++) px.fill(empty, y * W + x0, y * W + x1);
    if (!imgs || i >= imgs.count || imgs.pixels.length < (i + 1) * size) continue;
    const base = i * size;
    const s = c.scale;
    // The image's columns on the canvas: [xa, xb) after clipping.
    const xa = Math.max(0, c.ox);
    const xb = Math.min(W, c.ox + imgs.width * s);
    if (xa >= xb) continue;
    for (let sy = 0; sy < imgs.height; sy++) {
      const top = c.oy + sy * s;
      const ya = Math.max(0, top);
      const yb = Math.min(H, top + s);
      if (ya >= yb) continue;
      const row = ya * W;
      const src = base + sy * imgs.width;
      for (let sx = 0; sx < imgs.width; sx++) {
        const v = imgs.pixels[src + sx];
        const word = COLORMAP_WORDS[Math.round(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * 255)];
        const left = c.ox + sx * s;
        for (let x = Math.max(xa, left), end = Math.min(xb, left + s); x < end; x++) px[row + x] = word;
      }
      for (let y = ya + 1; y < yb; y++) px.copyWithin(y * W + xa, row + xa, row + xb);
    }
  }
}
