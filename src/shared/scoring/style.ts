/**
 * Handwriting style, measured on a grey image (values 0..1, row-major, width × height), the same way for the
 * card, the player's decodes and the classroom server (Digits on demand):
 *   stroke width = ink mass / skeleton length   (ink mass Σ pixels; skeleton: Zhang–Suen thinning of ink ≥ ½)
 *   slant        = atan(−μ₁₁ / μ₀₂) in degrees  (second central moments of the ink; + leans right, as italics)
 * A thin 1 and a thin 8 have the same stroke width though the 8 has more ink: the skeleton's length divides
 * the shape out. The slant is the shear that would make the ink's principal axis upright (y grows downwards,
 * so ink whose top sits to the right has μ₁₁ < 0).
 */
import { INK_THRESHOLD } from './pixels';

export interface Style {
  /** Pixels across a stroke, on average. */
  strokeWidth: number;
  /** Degrees; positive leans right. */
  slant: number;
}

/** How far two styles may differ and still count as the same hand (Digits on demand's style match). */
export const STYLE_TOLERANCE = { strokeWidth: 1, slant: 20 } as const;

function checkImage(image: ArrayLike<number>, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 3 || height < 3)
    throw new RangeError(`An image needs a width and height of at least 3 (got ${width}x${height}).`);
  if (image.length !== width * height)
    throw new RangeError(`Expected ${width * height} pixels for ${width}x${height}, got ${image.length}.`);
}

/** Zhang–Suen thinning of the ink (≥ INK_THRESHOLD): a one-pixel-wide skeleton, 1 where it runs. */
export function skeleton(image: ArrayLike<number>, width: number, height: number): Uint8Array {
  checkImage(image, width, height);
  const on = new Uint8Array(width * height);
  for (let i = 0; i < on.length; i++) on[i] = image[i] >= INK_THRESHOLD ? 1 : 0;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= width || y >= height ? 0 : on[y * width + x]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const pass of [0, 1]) {
      const remove: number[] = [];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (!on[y * width + x]) continue;
          // Neighbours P2..P9 clockwise from north.
          const p = [
            at(x, y - 1),
            at(x + 1, y - 1),
            at(x + 1, y),
            at(x + 1, y + 1),
            at(x, y + 1),
            at(x - 1, y + 1),
            at(x - 1, y),
            at(x - 1, y - 1),
          ];
          const b = p.reduce((s, v) => s + v, 0);
          if (b < 2 || b > 6) continue;
          let a = 0;
          for (let k = 0; k < 8; k++) if (p[k] === 0 && p[(k + 1) % 8] === 1) a++;
          if (a !== 1) continue;
          const [p2, , p4, , p6, , p8] = p;
          const keep = pass === 0 ? p2 * p4 * p6 !== 0 || p4 * p6 * p8 !== 0 : p2 * p4 * p8 !== 0 || p2 * p6 * p8 !== 0;
          if (!keep) remove.push(y * width + x);
        }
      }
      for (const i of remove) on[i] = 0;
      if (remove.length > 0) changed = true;
    }
  }
  return on;
}

/** Ink mass over skeleton length: pixels across a stroke (0 for an empty image). */
export function strokeWidth(image: ArrayLike<number>, width: number, height: number): number {
  const skel = skeleton(image, width, height);
  let length = 0;
  for (const v of skel) length += v;
  if (length === 0) return 0;
  let mass = 0;
  for (let i = 0; i < image.length; i++) mass += Math.max(0, image[i]);
  return mass / length;
}

/** Slant in degrees from the ink's second central moments (0 for an empty image or a flat stroke). */
export function slant(image: ArrayLike<number>, width: number, height: number): number {
  checkImage(image, width, height);
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = Math.max(0, image[y * width + x]);
      m += v;
      sx += v * x;
      sy += v * y;
    }
  if (m === 0) return 0;
  const cx = sx / m;
  const cy = sy / m;
  let mu11 = 0;
  let mu02 = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = Math.max(0, image[y * width + x]);
      mu11 += v * (x - cx) * (y - cy);
      mu02 += v * (y - cy) * (y - cy);
    }
  if (mu02 === 0) return 0;
  return (Math.atan(-mu11 / mu02) * 180) / Math.PI;
}

export function styleOf(image: ArrayLike<number>, width: number, height: number): Style {
  return { strokeWidth: strokeWidth(image, width, height), slant: slant(image, width, height) };
}

/**
 * How well `style` matches `target`, 0..100: 100 when equal, falling linearly to 0 at the tolerance, taking the
 * worse of stroke width and slant (a digit in the right slant but twice as bold is not the same hand).
 */
export function styleMatchPercent(style: Style, target: Style, tolerance = STYLE_TOLERANCE): number {
  const width = Math.abs(style.strokeWidth - target.strokeWidth) / tolerance.strokeWidth;
  const lean = Math.abs(style.slant - target.slant) / tolerance.slant;
  return 100 * Math.max(0, 1 - Math.max(width, lean));
}
