/**
 * Trained levels: the numbers `level.measures` asks for, taken on a trained model from the level's held-out
 * recipe with the shared pure metrics. measurements.ts says what each number is; this is the one place that
 * takes them, for the game, the solver bots and the classroom server alike, so a score means the same
 * everywhere.
 */
import { GLYPH_HEIGHT, GLYPH_PIXELS, GLYPH_WIDTH } from '../../glyphs';
import { corruptSliced } from '../../noise';
import { maskedMse, mse, wrongPixelsPerImage } from '../../scoring';
import type { MlWorkerApi, TrainConfig, TrainResult } from '../../worker-api';
import { resolveControlValues } from '../controls';
import { measurePriorDigitCounts } from './prior-digits';
import { corruptionMaskSliced, heldOutLetters, randomGlyphPatterns, type HeldOutImages } from '../harness';
import type { Evaluation, MeasurementId } from '../measurements';
import type { ControlValue, HeldOutRecipe, LevelDefinition, LevelScore, TrainedSetup } from '../types';

/**
 * What measuring a trained model needs of the engine. Arrays passed in may be detached (the game's bridge
 * transfers them to the worker), so every call gets its own copy.
 */
export type TrainedMeasureEngine = Pick<
  MlWorkerApi,
  'loadDataset' | 'getImages' | 'reconstruct' | 'evaluate' | 'pca' | 'decode' | 'classify'
>;

/** Training a level's model from scratch as well (the solver bots, the classroom server: the engine itself). */
export type TrainingEngine = TrainedMeasureEngine & Pick<MlWorkerApi, 'createModel' | 'disposeModel' | 'train'>;

/** The first few held-out images and their reconstructions, as measured (the game's "after training" rows). */
export interface HeldOutPreview {
  width: number;
  height: number;
  count: number;
  /** The clean images. */
  inputs: Float32Array;
  /** What the model was given, when that differs from the clean images. */
  corrupted?: Float32Array;
  outputs: Float32Array;
}

export interface TrainedMeasurement {
  /** Exactly the measurements `level.measures` lists. */
  evaluation: Evaluation;
  /** null unless a preview was asked for (and some reconstruction was needed anyway). */
  preview: HeldOutPreview | null;
  /** The identity trap: the first random patterns and what the model made of them (when a preview was asked for). */
  patterns?: HeldOutPreview | null;
}

export interface MeasureOptions {
  /** Held-out images to return in `preview` (0: none). */
  previewCount?: number;
}

type LettersRecipe = Extract<HeldOutRecipe, { source: 'letters' }>;
type DigitsRecipe = Extract<HeldOutRecipe, { source: 'mnistTest' }>;

export function trainedSetupOf(level: LevelDefinition): TrainedSetup {
  if (level.setup.kind !== 'trained') throw new Error(`Level "${level.id}" is not a trained level.`);
  return level.setup;
}

/**
 * Takes every measurement `level.measures` lists on model `modelId` (code size `bottleneck`), from the level's
 * held-out recipe. Only what is listed is computed; a listed measurement the recipe cannot give is an error.
 */
export async function measureTrained(
  engine: TrainedMeasureEngine,
  level: LevelDefinition,
  modelId: string,
  bottleneck: number,
  options: MeasureOptions = {},
): Promise<TrainedMeasurement> {
  const recipe = trainedSetupOf(level).heldOut;
  const needs = new Set<MeasurementId>(level.measures);
  const previewCount = options.previewCount ?? 0;
  const measured =
    recipe.source === 'letters'
      ? await measureLetters(engine, recipe, needs, modelId, previewCount)
      : await measureDigits(engine, recipe, needs, modelId, bottleneck, previewCount);
  for (const id of needs) {
    if (measured.evaluation[id] === undefined)
      throw new Error(`${level.id}: measurement "${id}" cannot be taken from this level's held-out recipe and model.`);
  }
  return measured;
}

async function measureLetters(
  engine: TrainedMeasureEngine,
  recipe: LettersRecipe,
  needs: Set<MeasurementId>,
  modelId: string,
  previewCount: number,
): Promise<TrainedMeasurement> {
  const evaluation: Evaluation = {};
  let preview: HeldOutPreview | null = null;
  const held = heldOutLetters(recipe);
  const reconstructed = new Map<HeldOutImages, Float32Array>();
  const outputsOf = async (set: HeldOutImages): Promise<Float32Array> => {
    let outputs = reconstructed.get(set);
    if (!outputs) {
      outputs = await engine.reconstruct(modelId, set.inputs.slice());
      reconstructed.set(set, outputs);
    }
    return outputs;
  };
  const glyphPreview = (
    images: Record<'inputs' | 'outputs', Float32Array> & { corrupted?: Float32Array },
  ): HeldOutPreview | null => {
    const count = Math.min(previewCount, images.inputs.length / GLYPH_PIXELS);
    if (count <= 0) return null;
    const first = (a: Float32Array): Float32Array => a.slice(0, count * GLYPH_PIXELS);
    return {
      width: GLYPH_WIDTH,
      height: GLYPH_HEIGHT,
      count,
      inputs: first(images.inputs),
      ...(images.corrupted ? { corrupted: first(images.corrupted) } : {}),
      outputs: first(images.outputs),
    };
  };

  if (needs.has('glyphWrongPixels')) {
    // One clean copy of each letter, whatever noise and copies the recipe has.
    const clean =
      recipe.noise || recipe.copies !== 1 ? heldOutLetters({ source: 'letters', copies: 1, noiseSeed: 0 }) : held;
    const outputs = await outputsOf(clean);
    evaluation.glyphWrongPixels = wrongPixelsPerImage(clean.targets, outputs, GLYPH_PIXELS);
    preview = glyphPreview({ inputs: clean.targets, outputs });
  }
  if (needs.has('noisyGlyphWrongPixels') || needs.has('heldOutMse')) {
    const outputs = await outputsOf(held);
    if (needs.has('noisyGlyphWrongPixels'))
      evaluation.noisyGlyphWrongPixels = wrongPixelsPerImage(held.targets, outputs, GLYPH_PIXELS);
    if (needs.has('heldOutMse')) evaluation.heldOutMse = mse(outputs, held.targets);
    // One copy of each of the first letters: A, B, C… rather than five noisy As.
    const firstCopies = (a: Float32Array): Float32Array => {
      const letters = held.count / recipe.copies;
      const picked = new Float32Array(letters * GLYPH_PIXELS);
      for (let i = 0; i < letters; i++)
        picked.set(
          a.subarray(i * recipe.copies * GLYPH_PIXELS, (i * recipe.copies + 1) * GLYPH_PIXELS),
          i * GLYPH_PIXELS,
        );
      return picked;
    };
    preview =
      glyphPreview({
        inputs: firstCopies(held.targets),
        corrupted: firstCopies(held.inputs),
        outputs: firstCopies(outputs),
      }) ?? preview;
  }
  if (needs.has('randomPatternWrongPixels') && recipe.randomPatterns) {
    const { count, inkFraction, seed } = recipe.randomPatterns;
    const patterns = randomGlyphPatterns(count, inkFraction, seed);
    const outputs = await engine.reconstruct(modelId, patterns.slice());
    evaluation.randomPatternWrongPixels = wrongPixelsPerImage(patterns, outputs, GLYPH_PIXELS);
    return { evaluation, preview, patterns: glyphPreview({ inputs: patterns, outputs }) };
  }
  return { evaluation, preview };
}

async function measureDigits(
  engine: TrainedMeasureEngine,
  recipe: DigitsRecipe,
  needs: Set<MeasurementId>,
  modelId: string,
  bottleneck: number,
  previewCount: number,
): Promise<TrainedMeasurement> {
  const evaluation: Evaluation = {};
  let preview: HeldOutPreview | null = null;
  // The MNIST test split's first `limit` images, clean or once per noise kind of the recipe.
  await engine.loadDataset('mnist');
  const batch = await engine.getImages('mnist', 'test', 0, recipe.limit);
  const clean = batch.images;
  const shape = { width: batch.width, height: batch.height };
  const size = batch.width * batch.height;
  const digitPreview = (outputs: Float32Array, corrupted?: Float32Array): HeldOutPreview | null => {
    const count = Math.min(previewCount, batch.count);
    if (count <= 0) return null;
    const first = (a: Float32Array): Float32Array => a.slice(0, count * size);
    return {
      ...shape,
      count,
      inputs: first(clean),
      ...(corrupted ? { corrupted: first(corrupted) } : {}),
      outputs: first(outputs),
    };
  };

  if (recipe.noises.length === 0) {
    if (needs.has('heldOutMse')) {
      const outputs = await engine.reconstruct(modelId, clean.slice());
      evaluation.heldOutMse = mse(outputs, clean);
      preview = digitPreview(outputs);
    }
  } else if (needs.has('noiseKindMse') || needs.has('holeMse') || needs.has('heldOutMse')) {
    const perKind: number[] = [];
    for (let i = 0; i < recipe.noises.length; i++) {
      const noise = recipe.noises[i];
      // In slices: on the game's main thread this is 1,000 digits (noise.ts corruptSliced).
      const noisy = await corruptSliced(clean, shape, noise, recipe.noiseSeed + i);
      const outputs = await engine.reconstruct(modelId, noisy.slice());
      perKind.push(mse(outputs, clean));
      // Inside the erased squares of the recipe's first block (or masking) kind only.
      if (
        needs.has('holeMse') &&
        evaluation.holeMse === undefined &&
        (noise.type === 'block' || noise.type === 'masking')
      ) {
        const erased = await corruptionMaskSliced(batch.count, shape, noise, recipe.noiseSeed + i);
        evaluation.holeMse = maskedMse(outputs, clean, erased);
      }
      if (i === 0) preview = digitPreview(outputs, noisy);
    }
    if (needs.has('noiseKindMse')) evaluation.noiseKindMse = perKind;
    // With noise, heldOutMse is the reconstruction error averaged over the kinds.
    if (needs.has('heldOutMse')) evaluation.heldOutMse = perKind.reduce((a, b) => a + b, 0) / perKind.length;
  }
  if (needs.has('pcaMse')) evaluation.pcaMse = (await engine.pca('mnist', bottleneck)).testMse;
  if (needs.has('heldOutKl') || needs.has('heldOutReconNats')) {
    // A model without a KL term (not a VAE) leaves it missing, which measureTrained reports.
    const loss = (await engine.evaluate(modelId, 'test', 'bce', recipe.limit)).loss;
    if (needs.has('heldOutKl') && loss.kl !== undefined) evaluation.heldOutKl = loss.kl;
    // The engine's reconstruction term is the per-pixel mean BCE: × pixels is nats per image.
    if (needs.has('heldOutReconNats')) evaluation.heldOutReconNats = loss.reconstruction * size;
  }
  // Two forces: what the prior generates (the judge on decoded draws z ~ N(0, I)).
  if (needs.has('priorDigitCounts'))
    evaluation.priorDigitCounts = await measurePriorDigitCounts(engine, modelId, bottleneck);
  return { evaluation, preview };
}

export interface TrainingOptions {
  jobId: string;
  /** How often the engine reports progress nobody here reads (default 1 s). */
  progressIntervalMs?: number;
  /** Runs the training (default `engine.train`): lets the solver bots time it. */
  train?: (modelId: string, config: TrainConfig) => Promise<TrainResult>;
}

export interface TrainedRun {
  evaluation: Evaluation;
  training: TrainResult;
}

/**
 * Builds the model and training config with the level's `plan(values, seed)`, trains, measures, and frees the
 * model. `values` go to the plan as given (resolve them first).
 */
export async function trainAndMeasure(
  engine: TrainingEngine,
  level: LevelDefinition,
  values: Record<string, ControlValue>,
  seed: number,
  options: TrainingOptions,
): Promise<TrainedRun> {
  const plan = trainedSetupOf(level).plan(values, seed);
  const config: TrainConfig = {
    ...plan.config,
    jobId: options.jobId,
    progressIntervalMs: options.progressIntervalMs ?? 1_000,
    previewCount: 0,
    // Storm: a fixed pool of noisy copies per letter instead of fresh noise every batch.
    ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}),
  };
  const model = await engine.createModel(plan.spec);
  try {
    const training = await (options.train ?? ((id, c) => engine.train(id, c)))(model.modelId, config);
    const { evaluation } = await measureTrained(engine, level, model.modelId, plan.spec.bottleneck);
    return { evaluation, training };
  } finally {
    await engine.disposeModel(model.modelId);
  }
}

export interface TrainedPlay extends TrainedRun {
  /** Every control's value (missing ones took their defaults). */
  values: Record<string, ControlValue>;
  result: LevelScore;
}

let plays = 0;

/** Plays `values` on a trained level with `seed` (default: the level's) and scores it with `level.score`. */
export async function playTrained(
  engine: TrainingEngine,
  level: LevelDefinition,
  values: Record<string, ControlValue> = {},
  seed?: number,
  options: Partial<TrainingOptions> = {},
): Promise<TrainedPlay> {
  const full = resolveControlValues(level.controls, values);
  const run = await trainAndMeasure(engine, level, full, seed ?? trainedSetupOf(level).seed, {
    jobId: `play-${level.id}-${++plays}`,
    ...options,
  });
  return { ...run, values: full, result: level.score({ kind: 'hyperparameters', values: full }, run.evaluation) };
}
