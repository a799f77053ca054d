/**
 * From the lab controls to a model spec and a training config: pure, so the defaults are unit-tested.
 * Budgets are picked so pressing Train shows progress at once and finishes in about a minute on WASM.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { MNIST_SIDE } from '../../shared/mnist-format';
import type { NoiseSpec } from '../../shared/noise';
import type { DatasetName, ModelSpec } from '../../shared/worker-api';
import type { TrainOptions } from './bridge';
import type { DatasetChoice, NoiseType, LabConfig } from '../state/types';

export interface RunPlan {
  spec: ModelSpec;
  train: TrainOptions & { steps: number };
}

/** Same controls, same result: a fixed seed makes runs comparable. */
export const RUN_SEED = 42;
export const PREVIEW_COUNT = 8;

const DATASET_SIZE: Record<DatasetChoice, { width: number; height: number }> = {
  glyphs: { width: GLYPH_WIDTH, height: GLYPH_HEIGHT },
  mnist: { width: MNIST_SIDE, height: MNIST_SIDE },
};

export function datasetName(choice: DatasetChoice): DatasetName {
  return choice;
}

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
    hidden: [config.hiddenWidth],
    bottleneck: config.bottleneck,
    activation: 'relu',
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
      spec.beta = 1;
      break;
    case 'sparse':
      spec.sparsity = { rho: 0.05, weight: 0.1 };
      break;
    case 'ksparse':
      spec.k = Math.max(1, Math.round(config.bottleneck / 4));
      break;
    case 'dense':
      break;
  }
  const glyphs = config.dataset === 'glyphs';
  // Convolutions cost ~5x a dense step on WASM: fewer MNIST steps keep the run near a minute.
  const mnistSteps = config.kind === 'conv' ? 500 : 2000;
  return {
    spec,
    train: {
      steps: glyphs ? 1500 : mnistSteps,
      batchSize: glyphs ? 16 : 64,
      optimizer: 'adam',
      learningRate: glyphs ? 0.005 : 0.001,
      loss: 'bce',
      seed: RUN_SEED,
      split: 'train',
      progressIntervalMs: 100,
      previewCount: PREVIEW_COUNT,
    },
  };
}
