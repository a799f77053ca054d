/**
 * From the lab controls to a model spec and a training config: pure, so the defaults are unit-tested.
 * Budgets are picked so pressing Train shows progress at once and finishes in about a minute on WASM.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { MNIST_SIDE } from '../../shared/mnist-format';
import type { NoiseSpec } from '../../shared/noise';
import type { ModelSpec } from '../../shared/worker-api';
import { datasetName } from './own-data';
import type { TrainOptions } from './bridge';
import { hiddenWidths } from '../state/lab-hyper';
import { validateModelSpec, validateTrainConfig, validateTrainConfigFor } from '../../shared/model-spec-validation';
import type { DatasetChoice, NoiseType, LabConfig } from '../state/types';

export interface RunPlan {
  spec: ModelSpec;
  train: TrainOptions & { steps: number };
}

/** Same controls, same result: a fixed seed makes runs comparable. */
export const RUN_SEED = 42;
export const PREVIEW_COUNT = 8;

const GLYPH_SIZE = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT };
const MNIST_SIZE = { width: MNIST_SIDE, height: MNIST_SIDE };
const DATASET_SIZE: Record<DatasetChoice, { width: number; height: number }> = {
  glyphs: GLYPH_SIZE,
  myGlyphs: GLYPH_SIZE,
  mnist: MNIST_SIZE,
  mnistMine: MNIST_SIZE,
};

export { datasetName };

/** The noise level slider (0..1) as the parameter of each noise type. */
export function noiseSpec(type: NoiseType, level: number, dataset: DatasetChoice): NoiseSpec {
  switch (type) {
    case 'gaussian':
      return { type: 'gaussian', sigma: level };
    case 'saltPepper':
      return { type: 'saltPepper', amount: level };
    case 'masking':
      return { type: 'masking', fraction: level };
    case 'block': {
      const { width, height } = DATASET_SIZE[dataset];
      return { type: 'block', size: Math.max(1, Math.round(level * Math.min(width, height))) };
    }
  }
}

export function planRun(config: LabConfig): RunPlan {
  const dataset = datasetName(config.dataset);
  const spec: ModelSpec = {
    kind: config.kind,
    dataset,
    hidden: hiddenWidths(config.hiddenWidth, config.depth),
    bottleneck: config.bottleneck,
    activation: config.activation,
    seed: RUN_SEED,
  };
  switch (config.kind) {
    case 'conv':
      spec.filters = [16, 8];
      break;
    case 'denoising':
      spec.noise = noiseSpec(config.noiseType, config.noiseLevel, config.dataset);
      break;
    case 'vae':
    case 'cvae':
      spec.beta = config.beta;
      break;
    case 'sparse':
      spec.sparsity = { rho: config.rho, weight: config.sparsityWeight };
      break;
    case 'ksparse':
      spec.k = Math.max(1, Math.min(config.k, config.bottleneck));
      break;
    case 'vqvae': {
      // slots × codeDim numbers: the code size is split over the slots (at least one number each).
      const codeDim = Math.max(1, Math.floor(config.bottleneck / config.slots));
      spec.bottleneck = config.slots * codeDim;
      spec.vq = { codebookSize: config.codebookSize, slots: config.slots, codeDim };
      break;
    }
    case 'dense':
      break;
  }
  return {
    spec,
    train: {
      steps: config.steps,
      batchSize: config.batchSize,
      optimizer: 'adam',
      learningRate: config.learningRate,
      loss: config.loss,
      seed: RUN_SEED,
      split: 'train',
      progressIntervalMs: 100,
      previewCount: PREVIEW_COUNT,
    },
  };
}

/** What the worker's shared checks would refuse in this plan (a sentence), or null when it can train. */
export function planProblem(plan: RunPlan): string | null {
  try {
    validateModelSpec({ ...plan.spec });
    const config = { ...plan.train, jobId: 'lab' };
    validateTrainConfig(config);
    validateTrainConfigFor(config, plan.spec, plan.spec.dataset === 'glyphs' ? 26 : 10);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
