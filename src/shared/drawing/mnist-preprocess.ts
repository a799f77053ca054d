/**
 * A free drawing made to look like an MNIST digit before it reaches a model trained on MNIST, the way LeCun et
 * al. prepared the originals: "normalized to fit in a 20x20 pixel box while preserving their aspect ratio"
 * (anti-aliased, hence grey levels), then "centered in a 28x28 image by computing the center of mass of the
 * pixels, and translating the image so as to position this point at the center of the 28x28 field".
 * Pure and deterministic: strokes or a grey bitmap of any size in, 784 values in [0, 1] out.
 */
import { MNIST_SIDE } from '../mnist-format';
import { rasterizeStrokes, resampleArea, type PixelBox } from './raster';
import type { GreyBitmap, Stroke } from './types';

/** The box the digit's longer side is scaled to. */
export const MNIST_BOX = 20;
/** Where the centre of mass goes, in pixel indices (see preprocessBitmap). */
export const MNIST_CENTRE = 14;
/** Strokes are first rendered 4x finer than the 20x20 box, so the area downscale anti-aliases them. */
const STROKE_SUPERSAMPLE = 4;
/** A bitmap whose darkest pixel is fainter than this holds no drawing (stray anti-aliasing, sensor noise). */
export const MIN_PEAK_INK = 0.1;

export type PreprocessResult =
  | {
      ok: true;
      /** 28x28, row-major, in [0, 1], darkest pixel 1. */
      image: Float32Array;
      /** The whole-pixel translation that put the centre of mass in the middle (inside the 28x28 frame). */
      shift: { x: number; y: number };
      /** Source pixels per output pixel's inverse: how much the ink box was scaled to fit 20x20. */
      scale: number;
    }
  /** Nothing drawn (or too faint to be ink): show `drawing.empty`, never feed the model. */
  | { ok: false; problem: 'empty' };

export interface PreprocessOptions {
  /** Pixels above this count as ink when finding the digit's box (default 0: any ink at all). */
  inkThreshold?: number;
}

/** The centre of mass of a `width`-wide image in pixel-index coordinates (pixel centres at whole numbers). */
export function centreOfMass(image: ArrayLike<number>, width: number): { x: number; y: number; mass: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < image.length; i++) {
    const v = image[i];
    if (!(v > 0)) continue;
    mass += v;
    sx += v * (i % width);
    sy += v * Math.floor(i / width);
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass, mass } : { x: NaN, y: NaN, mass: 0 };
}

function checkBitmap(bitmap: GreyBitmap): void {
  const { width, height, data } = bitmap;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0))
    throw new RangeError(`A bitmap needs a whole positive size (got ${width}x${height}).`);
  if (data.length !== width * height)
    throw new RangeError(`A ${width}x${height} bitmap has ${width * height} values, not ${data.length}.`);
}

/** Finite values clamped into [0, 1], so NaN or out-of-range input cannot spread into the model. */
function cleanInk(data: ArrayLike<number>): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    out[i] = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
  }
  return out;
}

/** The box of pixels above `threshold` and the peak ink, or null when nothing is there. */
function inkBox(bitmap: GreyBitmap, threshold: number): { box: PixelBox; peak: number } | null {
  let x0 = bitmap.width;
  let y0 = bitmap.height;
  let x1 = -1;
  let y1 = -1;
  let peak = 0;
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const v = bitmap.data[y * bitmap.width + x];
      if (!(v > threshold)) continue;
      peak = Math.max(peak, v);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return null;
  return { box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, peak };
}

/** A grey bitmap (ink 1 on background 0, any size) prepared as an MNIST digit. */
export function preprocessBitmap(bitmap: GreyBitmap, options: PreprocessOptions = {}): PreprocessResult {
  checkBitmap(bitmap);
  const clean: GreyBitmap = { width: bitmap.width, height: bitmap.height, data: cleanInk(bitmap.data) };
  const found = inkBox(clean, Math.max(0, options.inkThreshold ?? 0));
  if (!found || found.peak < MIN_PEAK_INK) return { ok: false, problem: 'empty' };
  const { box } = found;

  // Fit: the longer side becomes exactly 20 pixels; the shorter one keeps the aspect ratio and starts on a
  // whole pixel, so an already-normalised digit is copied without resampling blur.
  const scale = MNIST_BOX / Math.max(box.width, box.height);
  const w = box.width * scale;
  const h = box.height * scale;
  const fitted = resampleArea(
    clean,
    box,
    { x: Math.floor((MNIST_BOX - w) / 2), y: Math.floor((MNIST_BOX - h) / 2), width: w, height: h },
    MNIST_BOX,
    MNIST_BOX,
  );

  // Centre: a whole-pixel translation putting the centre of mass nearest pixel (14, 14), clamped so the 20x20
  // box (and so every bit of ink) stays inside the 28x28 frame. Pixel 14, not the geometric 13.5: every one of
  // the 10,000 digits in our MNIST asset has its centre of mass within [13.5, 14.5] on both axes (mean 14.00).
  const com = centreOfMass(fitted, MNIST_BOX);
  if (!(com.mass > 0)) return { ok: false, problem: 'empty' };
  const centre = MNIST_CENTRE;
  const room = MNIST_SIDE - MNIST_BOX;
  const shiftX = Math.min(room, Math.max(0, Math.round(centre - com.x)));
  const shiftY = Math.min(room, Math.max(0, Math.round(centre - com.y)));

  // Normalise: the darkest pixel becomes 1, as MNIST's strokes reach full intensity.
  let max = 0;
  for (const v of fitted) max = Math.max(max, v);
  const image = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < MNIST_BOX; y++) {
    for (let x = 0; x < MNIST_BOX; x++) {
      image[(y + shiftY) * MNIST_SIDE + x + shiftX] = Math.min(1, fitted[y * MNIST_BOX + x] / max);
    }
  }
  return { ok: true, image, shift: { x: shiftX, y: shiftY }, scale };
}

/** Strokes from the drawing pad (any canvas size, any brush) prepared as an MNIST digit. */
export function preprocessStrokes(strokes: readonly Stroke[]): PreprocessResult {
  const bitmap = rasterizeStrokes(strokes, MNIST_BOX * STROKE_SUPERSAMPLE);
  return bitmap ? preprocessBitmap(bitmap) : { ok: false, problem: 'empty' };
}
