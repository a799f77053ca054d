/**
 * Corruption for denoising: pure functions on flat [0, 1] images, seeded, never touching the clean input.
 */
import { createRng, type Rng } from './random';
import { yieldToEventLoop } from './yield';

export type NoiseSpec =
  | { type: 'none' }
  /** Adds N(0, sigma^2) to every pixel, clipped to [0, 1]. */
  | { type: 'gaussian'; sigma: number }
  /** Each pixel with probability `amount` becomes 0 or 1 (half each). */
  | { type: 'saltPepper'; amount: number }
  /** Each pixel with probability `fraction` is zeroed (dropout-style). */
  | { type: 'masking'; fraction: number }
  /** One size x size square per image, at a random place, is zeroed. */
  | { type: 'block'; size: number }
  /** Each image gets one of the listed kinds, chosen at random. */
  | { type: 'mixed'; kinds: Exclude<NoiseSpec, { type: 'mixed' } | { type: 'none' }>[] };

export interface ImageShape {
  width: number;
  height: number;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

function corruptOne(
  src: Float32Array,
  dst: Float32Array,
  offset: number,
  shape: ImageShape,
  spec: NoiseSpec,
  rng: Rng,
): void {
  const size = shape.width * shape.height;
  switch (spec.type) {
    case 'none':
      for (let i = 0; i < size; i++) dst[offset + i] = src[offset + i];
      return;
    case 'gaussian':
      for (let i = 0; i < size; i++) dst[offset + i] = clamp01(src[offset + i] + spec.sigma * rng.normal());
      return;
    case 'saltPepper':
      for (let i = 0; i < size; i++) {
        dst[offset + i] = rng.next() < spec.amount ? (rng.next() < 0.5 ? 0 : 1) : src[offset + i];
      }
      return;
    case 'masking':
      for (let i = 0; i < size; i++) dst[offset + i] = rng.next() < spec.fraction ? 0 : src[offset + i];
      return;
    case 'block': {
      const s = Math.min(spec.size, shape.width, shape.height);
      const x0 = rng.int(shape.width - s + 1);
      const y0 = rng.int(shape.height - s + 1);
      for (let i = 0; i < size; i++) dst[offset + i] = src[offset + i];
      for (let y = y0; y < y0 + s; y++) for (let x = x0; x < x0 + s; x++) dst[offset + y * shape.width + x] = 0;
      return;
    }
    case 'mixed': {
      const kind = spec.kinds[rng.int(spec.kinds.length)];
      corruptOne(src, dst, offset, shape, kind, rng);
      return;
    }
  }
}

/** Corrupts `count` images of `shape` from `images` into a new array; `images` is not modified. */
export function corrupt(images: Float32Array, shape: ImageShape, spec: NoiseSpec, seed: number | Rng): Float32Array {
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  const size = shape.width * shape.height;
  const out = new Float32Array(images.length);
  const count = Math.floor(images.length / size);
  for (let n = 0; n < count; n++) corruptOne(images, out, n * size, shape, spec, rng);
  return out;
}

/**
 * `corrupt` in slices: the same images (the same random draws in the same order), but it hands the thread back
 * whenever `budgetMs` of work has passed. Measuring a denoising level corrupts 1,000 held-out digits on the game's
 * main thread (~47 ms in one piece on this machine: a 50–67 ms frame gap in the bench, issue 15).
 */
export async function corruptSliced(
  images: Float32Array,
  shape: ImageShape,
  spec: NoiseSpec,
  seed: number | Rng,
  options: { budgetMs?: number; yieldFn?: () => Promise<void> } = {},
): Promise<Float32Array> {
  const { budgetMs = 8, yieldFn = yieldToEventLoop } = options;
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  const size = shape.width * shape.height;
  const out = new Float32Array(images.length);
  const count = Math.floor(images.length / size);
  let sliceStart = performance.now();
  for (let n = 0; n < count; n++) {
    corruptOne(images, out, n * size, shape, spec, rng);
    if (n < count - 1 && performance.now() - sliceStart >= budgetMs) {
      await yieldFn();
      sliceStart = performance.now();
    }
  }
  return out;
}

/** A readable check of a noise spec; returns an error sentence or null. */
export function describeNoiseProblem(spec: NoiseSpec): string | null {
  switch (spec.type) {
    case 'none':
      return null;
    case 'gaussian':
      return spec.sigma >= 0 && spec.sigma <= 2 ? null : 'Gaussian noise sigma must be between 0 and 2.';
    case 'saltPepper':
      return spec.amount >= 0 && spec.amount <= 1 ? null : 'Salt-and-pepper amount must be between 0 and 1.';
    case 'masking':
      return spec.fraction >= 0 && spec.fraction <= 1 ? null : 'Masking fraction must be between 0 and 1.';
    case 'block':
      return Number.isInteger(spec.size) && spec.size >= 1 && spec.size <= 28
        ? null
        : 'Block size must be a whole number from 1 to 28.';
    case 'mixed':
      if (spec.kinds.length === 0) return 'Mixed noise needs at least one kind.';
      for (const k of spec.kinds) {
        const p = describeNoiseProblem(k);
        if (p) return p;
      }
      return null;
  }
}
