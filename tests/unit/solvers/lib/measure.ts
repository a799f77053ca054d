/**
 * Measures a trained level exactly as the game does: the level's own `plan` turns control values into a model
 * and a training config, the engine trains it, the level's held-out recipe (src/shared/levels/harness.ts)
 * builds the test inputs, the shared pure metrics (src/shared/scoring) take the level's `measures`, and the
 * level's own `score` turns them into stars. Nothing here knows a level by name.
 */
import { corrupt, type NoiseSpec } from '../../../../src/shared/noise';
import { corruptionMask, heldOutLetters, randomGlyphPatterns, resolveControlValues } from '../../../../src/shared/levels';
import type { ControlValue, Evaluation, LevelDefinition, LevelScore, MeasurementId, TrainedSetup } from '../../../../src/shared/levels';
import { maskedMse, mse, wrongPixelsPerImage } from '../../../../src/shared/scoring';
import type { MlWorkerApi, TrainConfig } from '../../../../src/shared/worker-api';

/** The engine calls a measurement needs: the worker API subset, so the game's worker proxy fits too. */
export type MeasuringEngine = Pick<MlWorkerApi, 'createModel' | 'disposeModel' | 'train' | 'reconstruct' | 'evaluate' | 'pca' | 'getImages' | 'loadDataset'>;

export interface TrainedAttempt {
  values: Record<string, ControlValue>;
  evaluation: Evaluation;
  result: LevelScore;
  /** Wall-clock training seconds reported by the engine (TrainResult.elapsedMs). */
  trainSeconds: number;
  /**
   * CPU seconds this process spent training (user + system, process.cpuUsage): what the run costs on one free
   * core, whatever else the machine is doing. tfjs WASM runs single-threaded, so on an idle machine it is
   * close to trainSeconds; on a shared one trainSeconds grows with the load and this does not.
   */
  trainCpuSeconds: number;
  /** Training + measuring seconds. */
  totalSeconds: number;
  trainEnd: string;
}

const MNIST = { width: 28, height: 28 } as const;
const GLYPH_PIXELS = 35;
const MNIST_PIXELS = 784;

let jobCounter = 0;

function trainedSetup(level: LevelDefinition): TrainedSetup {
  if (level.setup.kind !== 'trained') throw new Error(`Level "${level.id}" is not a trained level.`);
  return level.setup;
}

/** Plays `values` (missing controls take their defaults) on a trained level and scores it with level.score. */
export async function playTrained(engine: MeasuringEngine, level: LevelDefinition, values: Record<string, ControlValue> = {}, seed?: number): Promise<TrainedAttempt> {
  const setup = trainedSetup(level);
  const started = performance.now();
  const full = resolveControlValues(level.controls, values);
  const plan = setup.plan(full, seed ?? setup.seed);
  const config: TrainConfig = {
    ...plan.config,
    jobId: `solver-${level.id}-${++jobCounter}`,
    progressIntervalMs: 1_000,
    previewCount: 0,
    // Storm: a fixed pool of noisy copies per letter instead of fresh noise every batch.
    ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}),
  };
  const model = await engine.createModel(plan.spec);
  try {
    const cpuBefore = process.cpuUsage();
    const trained = await engine.train(model.modelId, config);
    const cpu = process.cpuUsage(cpuBefore);
    const evaluation = await measure(engine, level, model.modelId, plan.spec.bottleneck);
    const result = level.score({ kind: 'hyperparameters', values: full }, evaluation);
    return {
      values: full,
      evaluation,
      result,
      trainSeconds: trained.elapsedMs / 1000,
      trainCpuSeconds: (cpu.user + cpu.system) / 1e6,
      totalSeconds: (performance.now() - started) / 1000,
      trainEnd: trained.reason,
    };
  } finally {
    await engine.disposeModel(model.modelId);
  }
}

/** Takes every measurement the level lists, from its held-out recipe. */
export async function measure(engine: MeasuringEngine, level: LevelDefinition, modelId: string, bottleneck: number): Promise<Evaluation> {
  const setup = trainedSetup(level);
  const needs = new Set<MeasurementId>(level.measures);
  const evaluation: Record<string, unknown> = {};
  const recipe = setup.heldOut;
  if (recipe.source === 'letters') {
    const set = heldOutLetters(recipe);
    const outputs = await engine.reconstruct(modelId, set.inputs);
    const wrong = wrongPixelsPerImage(set.targets, outputs, GLYPH_PIXELS);
    if (needs.has('glyphWrongPixels')) {
      if (recipe.copies !== 1 || recipe.noise) throw new Error(`${level.id}: glyphWrongPixels needs one clean copy of each letter.`);
      evaluation.glyphWrongPixels = wrong;
    }
    if (needs.has('noisyGlyphWrongPixels')) evaluation.noisyGlyphWrongPixels = wrong;
    if (needs.has('heldOutMse')) evaluation.heldOutMse = mse(outputs, set.targets);
    if (needs.has('randomPatternWrongPixels')) {
      const r = recipe.randomPatterns;
      if (!r) throw new Error(`${level.id}: randomPatternWrongPixels needs the recipe's randomPatterns.`);
      const patterns = randomGlyphPatterns(r.count, r.inkFraction, r.seed);
      evaluation.randomPatternWrongPixels = wrongPixelsPerImage(patterns, await engine.reconstruct(modelId, patterns), GLYPH_PIXELS);
    }
  } else {
    await engine.loadDataset('mnist');
    const clean = (await engine.getImages('mnist', 'test', 0, recipe.limit)).images;
    const count = clean.length / MNIST_PIXELS;
    if (needs.has('heldOutMse')) {
      if (recipe.noises.length > 0) throw new Error(`${level.id}: heldOutMse is measured on clean digits.`);
      evaluation.heldOutMse = mse(await engine.reconstruct(modelId, clean), clean);
    }
    if (needs.has('noiseKindMse') || needs.has('holeMse')) {
      const perKind: number[] = [];
      for (let i = 0; i < recipe.noises.length; i++) {
        const noise: NoiseSpec = recipe.noises[i];
        const outputs = await engine.reconstruct(modelId, corrupt(clean, MNIST, noise, recipe.noiseSeed + i));
        perKind.push(mse(outputs, clean));
        if (needs.has('holeMse') && (noise.type === 'block' || noise.type === 'masking')) {
          evaluation.holeMse = maskedMse(outputs, clean, corruptionMask(count, MNIST, noise, recipe.noiseSeed + i));
        }
      }
      if (needs.has('noiseKindMse')) evaluation.noiseKindMse = perKind;
    }
    if (needs.has('pcaMse')) evaluation.pcaMse = (await engine.pca('mnist', bottleneck)).testMse;
    if (needs.has('heldOutKl')) {
      const terms = await engine.evaluate(modelId, 'test', 'bce', recipe.limit);
      if (terms.loss.kl === undefined) throw new Error(`${level.id}: heldOutKl needs a variational model.`);
      evaluation.heldOutKl = terms.loss.kl;
    }
  }
  for (const id of needs) if (evaluation[id] === undefined) throw new Error(`${level.id}: measurement "${id}" is not taken by the trained-level harness.`);
  return evaluation as Evaluation;
}
