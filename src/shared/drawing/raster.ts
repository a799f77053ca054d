/**
 * The two raster operations digit pre-processing needs: anti-aliased stroke rendering and exact area
 * resampling (each output pixel is the mean of the piecewise-constant source over its square), both pure.
 */
import type { GreyBitmap, Stroke } from './types';

/** A rectangle of whole source pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a source box lands in the destination: a rectangle in destination pixels (may be fractional). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Weight {
  src: number;
  w: number;
}

/**
 * For each destination pixel along one axis, the source pixels it overlaps and by how much (in destination
 * units, so a destination pixel fully inside one source pixel gets weight 1 from it).
 */
function axisWeights(srcStart: number, srcLength: number, dstStart: number, dstLength: number, dstSize: number) {
  const scale = dstLength / srcLength;
  const rows: Weight[][] = Array.from({ length: dstSize }, () => []);
  for (let j = 0; j < srcLength; j++) {
    const lo = dstStart + j * scale;
    const hi = lo + scale;
    for (let i = Math.max(0, Math.floor(lo)); i < Math.min(dstSize, Math.ceil(hi)); i++) {
      const w = Math.min(hi, i + 1) - Math.max(lo, i);
      if (w > 0) rows[i].push({ src: srcStart + j, w });
    }
  }
  return rows;
}

/** Resamples `box` of `src` onto `placement` in a new `width` x `height` image (the rest stays 0). */
export function resampleArea(
  src: GreyBitmap,
  box: PixelBox,
  placement: Placement,
  width: number,
  height: number,
): Float32Array {
  const wx = axisWeights(box.x, box.width, placement.x, placement.width, width);
  const wy = axisWeights(box.y, box.height, placement.y, placement.height, height);
  // Separable: columns first (source rows x destination columns), then rows.
  const tmp = new Float32Array(box.height * width);
  for (let r = 0; r < box.height; r++) {
    const rowStart = (box.y + r) * src.width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const { src: j, w } of wx[x]) sum += w * src.data[rowStart + j];
      tmp[r * width + x] = sum;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (const { src: k, w } of wy[y]) {
      const r = k - box.y;
      for (let x = 0; x < width; x++) out[y * width + x] += w * tmp[r * width + x];
    }
  }
  return out;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The canvas-space box around every stroke's ink (points ± half the brush), or null when nothing is drawn. */
export function strokeBounds(strokes: readonly Stroke[]): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of strokes) {
    const r = s.thickness / 2;
    if (!(r > 0) || !Number.isFinite(r)) continue;
    for (const p of s.points) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      x0 = Math.min(x0, p.x - r);
      y0 = Math.min(y0, p.y - r);
      x1 = Math.max(x1, p.x + r);
      y1 = Math.max(y1, p.y + r);
    }
  }
  return x0 < x1 && y0 < y1 ? { x0, y0, x1, y1 } : null;
}

/**
 * Renders strokes as round-capped lines into a bitmap whose longer side is `longSide` pixels and which spans
 * exactly the strokes' ink box; each pixel's ink is its coverage with a one-pixel anti-aliased edge. Where
 * strokes overlap the ink does not add up (a pen does not get darker by crossing its own line).
 */
export function rasterizeStrokes(strokes: readonly Stroke[], longSide: number): GreyBitmap | null {
  const bounds = strokeBounds(strokes);
  if (!bounds) return null;
  const k = longSide / Math.max(bounds.x1 - bounds.x0, bounds.y1 - bounds.y0);
  const width = Math.max(1, Math.ceil((bounds.x1 - bounds.x0) * k - 1e-9));
  const height = Math.max(1, Math.ceil((bounds.y1 - bounds.y0) * k - 1e-9));
  const data = new Float32Array(width * height);
  const toX = (x: number): number => (x - bounds.x0) * k;
  const toY = (y: number): number => (y - bounds.y0) * k;
  for (const s of strokes) {
    const r = (s.thickness / 2) * k;
    if (!(r > 0) || !Number.isFinite(r)) continue;
    const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    // A single point is a dot: a segment from the point to itself.
    for (let i = 0; i < pts.length - 1 || (i === 0 && pts.length === 1); i++) {
      const a = pts[i];
      const b = pts[Math.min(i + 1, pts.length - 1)];
      const ax = toX(a.x);
      const ay = toY(a.y);
      const bx = toX(b.x);
      const by = toY(b.y);
      const xs = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
      const xe = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + r + 1));
      const ys = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
      const ye = Math.min(height - 1, Math.ceil(Math.max(ay, by) + r + 1));
      for (let y = ys; y <= ye; y++) {
        for (let x = xs; x <= xe; x++) {
          const cover = Math.min(1, r + 0.5 - segmentDistance(x + 0.5, y + 0.5, ax, ay, bx, by));
          if (cover > data[y * width + x]) data[y * width + x] = cover;
        }
      }
    }
  }
  return { width, height, data };
}
