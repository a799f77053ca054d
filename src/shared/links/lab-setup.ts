/**
 * A Lab setup as a link carries it: the model, the data it trains on (the spec's dataset), the training
 * settings that change the result, and one seed for both the weights and the batches. zod checks the shape
 * (strict objects, bounded lists); the worker's own checks (model-spec-validation.ts) check the ranges, so a
 * link can never describe a model the Lab could not build.
 */
import { z } from 'zod';
import { GLYPH_CHARS } from '../glyphs';
import {
  ACTIVATIONS,
  DATASET_NAMES,
  SPEC_LIMITS,
  validateModelSpec,
  validateTrainConfig,
  validateTrainConfigFor,
} from '../model-spec-validation';
import { MODEL_KINDS, type DatasetName, type ModelSpec, type TrainConfig } from '../worker-api';

/** The training settings a link restores (job ids, progress and checkpoint timing are the Lab's own business). */
export type LabTraining = Pick<
  TrainConfig,
  | 'epochs'
  | 'steps'
  | 'batchSize'
  | 'optimizer'
  | 'learningRate'
  | 'loss'
  | 'split'
  | 'limit'
  | 'excludeLabels'
  | 'noisyCopies'
>;

export interface LabSetup {
  kind: 'lab';
  /** The model without its seed (the setup's `seed` is used). The dataset is `spec.dataset`. */
  spec: Omit<ModelSpec, 'seed'>;
  training: LabTraining;
  /** Seeds both the initial weights and the batch order / noise. */
  seed: number;
}

/** What a teacher can hide in the Lab with `&hide=`: the names of the fields the Lab's controls set. */
export const LAB_HIDEABLE = [
  'kind',
  'dataset',
  'hidden',
  'bottleneck',
  'activation',
  'linear',
  'filters',
  'noise',
  'beta',
  'sparsity',
  'k',
  'epochs',
  'steps',
  'batchSize',
  'optimizer',
  'learningRate',
  'loss',
  'split',
  'limit',
  'excludeLabels',
  'noisyCopies',
  'seed',
] as const;

const int = z.number().int();
const finite = z.number();
const simpleNoise = [
  z.strictObject({ type: z.literal('gaussian'), sigma: finite }),
  z.strictObject({ type: z.literal('saltPepper'), amount: finite }),
  z.strictObject({ type: z.literal('masking'), fraction: finite }),
  z.strictObject({ type: z.literal('block'), size: int }),
] as const;
const NoiseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  ...simpleNoise,
  z.strictObject({ type: z.literal('mixed'), kinds: z.array(z.discriminatedUnion('type', [...simpleNoise])).max(8) }),
]);

export const LabSpecSchema = z.strictObject({
  kind: z.enum(MODEL_KINDS),
  dataset: z.enum(DATASET_NAMES),
  hidden: z.array(int).max(SPEC_LIMITS.hiddenLayersMax),
  bottleneck: int,
  activation: z.enum(ACTIVATIONS),
  linear: z.boolean().optional(),
  filters: z.array(int).max(SPEC_LIMITS.convLayersMax).optional(),
  noise: NoiseSchema.optional(),
  beta: finite.optional(),
  sparsity: z.strictObject({ rho: finite, weight: finite }).optional(),
  k: int.optional(),
  vq: z.strictObject({ codebookSize: int, slots: int, codeDim: int }).optional(),
});

export const LabTrainingSchema = z.strictObject({
  epochs: int.optional(),
  steps: int.optional(),
  batchSize: int,
  optimizer: z.enum(['adam', 'sgd']),
  learningRate: finite,
  loss: z.enum(['mse', 'bce']),
  split: z.enum(['train', 'test', 'all']).optional(),
  limit: int.optional(),
  excludeLabels: z.array(int).max(SPEC_LIMITS.excludeLabelsMax).optional(),
  noisyCopies: int.optional(),
});

const CLASSES: Record<DatasetName, number> = { mnist: 10, glyphs: GLYPH_CHARS.length, glyphs28: GLYPH_CHARS.length };

/** The worker's own range checks on a structurally valid setup: readable problems, [] when it can train. */
export function labSetupProblems(setup: LabSetup): string[] {
  const spec: ModelSpec = { ...setup.spec, seed: setup.seed };
  const config: TrainConfig = { ...setup.training, seed: setup.seed, jobId: 'link' };
  try {
    validateModelSpec(spec);
    validateTrainConfig(config);
    validateTrainConfigFor(config, spec, CLASSES[spec.dataset]);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
