/**
 * Pure helpers the evaluation harness uses (the game, the solver bots and the classroom server alike), so the
 * inputs a level is measured on are built identically everywhere: held-out noisy letters, random patterns,
 * inpainting masks, reparameterised draws, linear combinations of codes, and the weight count of a dense AE.
 */
import { GLYPH_HEIGHT, GLYPH_PIXELS, GLYPH_WIDTH, glyphSet, LETTERS } from '../glyphs';
import { corrupt, corruptSliced, type ImageShape, type NoiseSpec } from '../noise';
import { createRng } from '../random';
import type { ModelSpec } from '../worker-api';
import type { HeldOutRecipe, LatentDraw, LinearTerm } from './types';

const GLYPH_SHAPE: ImageShape = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT };

export interface HeldOutImages {
  /** What the model is given (corrupted when the recipe has noise). */
  inputs: Float32Array;
  /** What it should give back (the clean images). */
  targets: Float32Array;
  count: number;
}

/** The letters recipe's held-out set: A..Z, `copies` times each (letter-major), corrupted with the recipe's noise. */
export function heldOutLetters(recipe: Extract<HeldOutRecipe, { source: 'letters' }>): HeldOutImages {
  const letters = glyphSet(LETTERS).images;
  const count = LETTERS.length * recipe.copies;
  const targets = new Float32Array(count * GLYPH_PIXELS);
  for (let l = 0; l < LETTERS.length; l++) {
    for (let c = 0; c < recipe.copies; c++)
      targets.set(letters.subarray(l * GLYPH_PIXELS, (l + 1) * GLYPH_PIXELS), (l * recipe.copies + c) * GLYPH_PIXELS);
  }
  const inputs = recipe.noise ? corrupt(targets, GLYPH_SHAPE, recipe.noise, recipe.noiseSeed) : targets.slice();
  return { inputs, targets, count };
}

/** `count` random 7x5 binary patterns, each pixel ink with probability `inkFraction` (letters have ~0.4). */
export function randomGlyphPatterns(count: number, inkFraction: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(count * GLYPH_PIXELS);
  for (let i = 0; i < out.length; i++) out[i] = rng.next() < inkFraction ? 1 : 0;
  return out;
}

/**
 * Which pixels a masking or block corruption erases (1 = erased), for `count` images: the same seed and spec
 * corrupt an all-ones batch, and the noise functions draw their positions independently of pixel values, so
 * the zeros are exactly the erased pixels of `corrupt(images, shape, spec, seed)`.
 */
export function corruptionMask(
  count: number,
  shape: ImageShape,
  spec: Extract<NoiseSpec, { type: 'block' | 'masking' }>,
  seed: number,
): Uint8Array {
  return erasedOf(corrupt(new Float32Array(count * shape.width * shape.height).fill(1), shape, spec, seed));
}

/**
 * `corruptionMask` in slices (noise.ts corruptSliced), for the 1,000 held-out digits a level is measured on: on
 * the game's main thread in one piece it was ~21 ms of a 52 ms task at the end of every Inpainting run.
 */
export async function corruptionMaskSliced(
  count: number,
  shape: ImageShape,
  spec: Extract<NoiseSpec, { type: 'block' | 'masking' }>,
  seed: number,
): Promise<Uint8Array> {
  const ones = new Float32Array(count * shape.width * shape.height).fill(1);
  return erasedOf(await corruptSliced(ones, shape, spec, seed));
}

/** 1 where a corrupted all-ones batch was zeroed. */
function erasedOf(corrupted: Float32Array): Uint8Array {
  // A plain loop: Uint8Array.from with a map function was a long task on the main thread at the end of every
  // Inpainting run (~400 k pixels through the iterator and a callback each, 100+ ms with its garbage).
  const mask = new Uint8Array(corrupted.length);
  for (let i = 0; i < corrupted.length; i++) mask[i] = corrupted[i] === 0 ? 1 : 0;
  return mask;
}

/**
 * The square each of the first `count` images lost to block noise (the bounding box of its corruptionMask), as
 * {x, y, width, height} in image pixels: what the screen outlines on the held-out rows.
 */
export function erasedSquares(
  count: number,
  shape: ImageShape,
  spec: Extract<NoiseSpec, { type: 'block' }>,
  seed: number,
): { x: number; y: number; width: number; height: number }[] {
  const mask = corruptionMask(count, shape, spec, seed);
  const size = shape.width * shape.height;
  const out: { x: number; y: number; width: number; height: number }[] = [];
  for (let n = 0; n < count; n++) {
    let x0 = shape.width;
    let y0 = shape.height;
    let x1 = -1;
    let y1 = -1;
    for (let p = 0; p < size; p++) {
      if (!mask[n * size + p]) continue;
      const x = p % shape.width;
      const y = Math.floor(p / shape.width);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    out.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
  return out;
}

/** z = μ + σ·ε with ε ~ N(0, I) from the draw's seed: the reparameterisation trick, reproducible anywhere. */
export function drawLatent(draw: LatentDraw): number[] {
  const rng = createRng(draw.seed);
  return draw.mu.map((m) => m + draw.sigma * rng.normal());
}

/** Σ w·code(card) for a linear expression over cards; `codeOf` returns each card's code (μ for a VAE). */
export function combineCodes(terms: readonly LinearTerm[], codeOf: (card: string) => ArrayLike<number>): Float32Array {
  if (terms.length === 0) throw new RangeError('An expression needs at least one term.');
  const first = codeOf(terms[0].card);
  const out = new Float32Array(first.length);
  for (const { card, weight } of terms) {
    const code = codeOf(card);
    if (code.length !== out.length)
      throw new RangeError(`Card "${card}" has a ${code.length}-D code, not ${out.length}-D.`);
    for (let i = 0; i < out.length; i++) out[i] += weight * code[i];
  }
  return out;
}

/** Box of the encoded training data, per latent dimension (stored with a map asset). */
export interface CodeBox {
  min: readonly number[];
  max: readonly number[];
}

/** A 'dataBox' point in [−1, 1]^d to latent coordinates: −1 → min, +1 → max of each dimension. */
export function fromDataBox(point: readonly number[], box: CodeBox): number[] {
  if (point.length !== box.min.length || point.length !== box.max.length)
    throw new RangeError('The point and the box differ in dimensions.');
  return point.map((p, i) => box.min[i] + ((p + 1) / 2) * (box.max[i] - box.min[i]));
}

/**
 * Trainable weights of a dense (or denoising) autoencoder, as the worker builds it: encoder in → hidden… →
 * code, decoder code → …hidden (mirrored) → in, each layer n·m weights + m biases. VAEs add a log-variance
 * head (same size as the μ head). Conv and conditional models are not counted here.
 */
export function denseParamCount(spec: Pick<ModelSpec, 'kind' | 'hidden' | 'bottleneck'>, inputSize: number): number {
  if (spec.kind === 'conv' || spec.kind === 'cvae')
    throw new RangeError(`denseParamCount does not count ${spec.kind} models.`);
  const sizes = [inputSize, ...spec.hidden, spec.bottleneck];
  let total = 0;
  // Encoder layer n → m has n·m + m; its decoder mirror m → n has m·n + n.
  for (let i = 0; i + 1 < sizes.length; i++) total += 2 * sizes[i] * sizes[i + 1] + sizes[i] + sizes[i + 1];
  if (spec.kind === 'vae') total += sizes[sizes.length - 2] * spec.bottleneck + spec.bottleneck;
  return total;
}
