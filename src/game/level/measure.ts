/**
 * Takes the measurements a trained level's scorer asks for (`level.measures`), from the level's held-out recipe
 * and the shared pure metrics (src/shared/scoring), through a narrow slice of the ML bridge. How each number is
 * taken is documented in src/shared/levels/measurements.ts; this is the game's side of it.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { corruptionMask, heldOutLetters, randomGlyphPatterns } from '../../shared/levels/harness';
import type { Evaluation, MeasurementId } from '../../shared/levels/measurements';
import type { HeldOutRecipe } from '../../shared/levels/types';
import { corrupt } from '../../shared/noise';
import { maskedMse, mse, wrongPixelsPerImage } from '../../shared/scoring';
import type { DatasetName, EvaluateResult, ImageBatch, LossName, PcaResult, Split } from '../../shared/worker-api';

/** The engine calls measuring needs (MlBridge has all of them; tests may pass anything that does). */
export interface MeasureEngine {
  getImages(name: DatasetName, split: Split, offset: number, count: number): Promise<ImageBatch>;
  /** Images in, reconstructions out; `images` may be detached afterwards. */
  reconstruct(modelId: string, images: Float32Array): Promise<Float32Array>;
  evaluate(modelId: string, split: Split, loss?: LossName, limit?: number): Promise<EvaluateResult>;
  pca(dataset: DatasetName, k: number): Promise<PcaResult>;
}

/** A few held-out inputs and their reconstructions, for the "after training" image rows. */
export interface HeldOutPreview {
  width: number;
  height: number;
  count: number;
  inputs: Float32Array;
  corrupted?: Float32Array;
  outputs: Float32Array;
}

export interface MeasureResult {
  evaluation: Evaluation;
  preview: HeldOutPreview | null;
}

const GLYPH_SIZE = GLYPH_WIDTH * GLYPH_HEIGHT;
const MNIST_SHAPE = { width: 28, height: 28 };
const PREVIEW = 10;

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

function firstImages(images: Float32Array, size: number, count: number): Float32Array {
  return images.slice(0, Math.min(images.length, size * count));
}

/**
 * Measures `needs` on model `modelId` (code size `bottleneck`, trained on `dataset`) with `recipe`.
 * Only what is needed is computed (PCA is slow-ish; glyph levels never ask for it).
 */
export async function measureTrained(
  engine: MeasureEngine,
  modelId: string,
  recipe: HeldOutRecipe,
  needs: readonly MeasurementId[],
  dataset: DatasetName,
  bottleneck: number,
): Promise<MeasureResult> {
  const want = new Set(needs);
  const evaluation: Evaluation = {};
  let preview: HeldOutPreview | null = null;

  if (recipe.source === 'letters') {
    const held = heldOutLetters(recipe);
    if (want.has('glyphWrongPixels')) {
      const clean = recipe.noise || recipe.copies !== 1 ? heldOutLetters({ source: 'letters', copies: 1, noiseSeed: 0 }) : held;
      const out = await engine.reconstruct(modelId, clean.inputs.slice());
      evaluation.glyphWrongPixels = wrongPixelsPerImage(clean.targets, out, GLYPH_SIZE);
      preview = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, count: PREVIEW, inputs: firstImages(clean.targets, GLYPH_SIZE, PREVIEW), outputs: firstImages(out, GLYPH_SIZE, PREVIEW) };
    }
    if (want.has('noisyGlyphWrongPixels')) {
      const out = await engine.reconstruct(modelId, held.inputs.slice());
      evaluation.noisyGlyphWrongPixels = wrongPixelsPerImage(held.targets, out, GLYPH_SIZE);
      // One copy of each of the first letters: A, B, C… rather than five noisy As.
      const pick = (a: Float32Array): Float32Array => {
        const r = new Float32Array(PREVIEW * GLYPH_SIZE);
        for (let i = 0; i < PREVIEW; i++) r.set(a.subarray(i * recipe.copies * GLYPH_SIZE, (i * recipe.copies + 1) * GLYPH_SIZE), i * GLYPH_SIZE);
        return r;
      };
      preview = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, count: PREVIEW, inputs: pick(held.targets), corrupted: pick(held.inputs), outputs: pick(out) };
    }
    if (want.has('randomPatternWrongPixels') && recipe.randomPatterns) {
      const { count, inkFraction, seed } = recipe.randomPatterns;
      const patterns = randomGlyphPatterns(count, inkFraction, seed);
      const out = await engine.reconstruct(modelId, patterns.slice());
      evaluation.randomPatternWrongPixels = wrongPixelsPerImage(patterns, out, GLYPH_SIZE);
    }
    return { evaluation, preview };
  }

  // MNIST test split: the first `limit` images, once per noise kind (clean when there is none).
  const batch = await engine.getImages('mnist', 'test', 0, recipe.limit);
  const clean = batch.images;
  const size = batch.width * batch.height;
  if (recipe.noises.length === 0) {
    const out = await engine.reconstruct(modelId, clean.slice());
    evaluation.heldOutMse = mse(out, clean);
    preview = { width: batch.width, height: batch.height, count: PREVIEW, inputs: firstImages(clean, size, PREVIEW), outputs: firstImages(out, size, PREVIEW) };
  } else {
    const kinds: number[] = [];
    for (let i = 0; i < recipe.noises.length; i++) {
      const spec = recipe.noises[i];
      const noisy = corrupt(clean, MNIST_SHAPE, spec, recipe.noiseSeed + i);
      const out = await engine.reconstruct(modelId, noisy.slice());
      kinds.push(mse(out, clean));
      if (i === 0) {
        preview = {
          width: batch.width,
          height: batch.height,
          count: PREVIEW,
          inputs: firstImages(clean, size, PREVIEW),
          corrupted: firstImages(noisy, size, PREVIEW),
          outputs: firstImages(out, size, PREVIEW),
        };
        if (want.has('holeMse') && (spec.type === 'block' || spec.type === 'masking')) {
          const mask = corruptionMask(batch.count, MNIST_SHAPE, spec, recipe.noiseSeed + i);
          evaluation.holeMse = maskedMse(out, clean, mask);
        }
      }
    }
    evaluation.noiseKindMse = kinds;
    evaluation.heldOutMse = mean(kinds);
  }
  if (want.has('pcaMse')) evaluation.pcaMse = (await engine.pca(dataset, bottleneck)).testMse;
  if (want.has('heldOutKl')) {
    const result = await engine.evaluate(modelId, 'test', 'bce', recipe.limit);
    evaluation.heldOutKl = result.loss.kl ?? 0;
  }
  return { evaluation, preview };
}
