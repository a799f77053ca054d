/**
 * Pure checks of model specs and training configs, shared by the worker and (later) the classroom server that
 * re-scores submitted models. Each check throws an MlError whose message a player can read.
 */
import { MlError } from './errors';
import { t } from './messages';
import { VQ_LIMITS } from './vq';
import { describeNoiseProblem } from './noise';
import { MODEL_KINDS } from './worker-api';
import type { Activation, DatasetName, LossName, ModelSpec, OptimizerName, Split, TrainConfig } from './worker-api';

export const DATASET_NAMES: readonly DatasetName[] = ['glyphs', 'glyphs28', 'mnist'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'elu', 'linear'];
export const LOSSES: readonly LossName[] = ['mse', 'bce'];
const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'sgd'];
export const SPLITS: readonly Split[] = ['train', 'test', 'all'];

/** Limits that keep one model small enough for a browser tab. */
export const SPEC_LIMITS = {
  bottleneckMin: 1,
  bottleneckMax: 64,
  hiddenLayersMax: 6,
  widthMax: 2048,
  convLayersMax: 3,
  filtersMax: 64,
  betaMax: 1000,
  batchSizeMax: 4096,
  learningRateMax: 100,
  epochsMax: 100_000,
  stepsMax: 10_000_000,
  previewMax: 64,
  noisyCopiesMax: 100,
  excludeLabelsMax: 64,
  /** TrainConfig.own: at most this many own images, each repeated at most ownRepeatMax times. */
  ownMax: 256,
  ownRepeatMax: 100,
} as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const intIn = (v: unknown, min: number, max: number): boolean => isInt(v) && v >= min && v <= max;

function spec(ok: boolean, message: string): asserts ok {
  if (!ok) throw new MlError('INVALID_SPEC', message);
}

function config(ok: boolean, message: string): asserts ok {
  if (!ok) throw new MlError('INVALID_CONFIG', message);
}

export function isDatasetName(name: unknown): name is DatasetName {
  return typeof name === 'string' && (DATASET_NAMES as readonly string[]).includes(name);
}

export function checkDatasetName(name: unknown): asserts name is DatasetName {
  if (!isDatasetName(name)) {
    throw new MlError(
      'UNKNOWN_DATASET',
      `There is no dataset called "${String(name)}". Pick one of: ${DATASET_NAMES.join(', ')}.`,
    );
  }
}

/** Throws INVALID_SPEC (or UNKNOWN_DATASET) unless `s` is a model the worker can build. */
export function validateModelSpec(s: ModelSpec): void {
  spec(typeof s === 'object' && s !== null, 'The model description is missing.');
  spec(
    (MODEL_KINDS as readonly string[]).includes(s.kind),
    `"${String(s.kind)}" is not a model type. Pick one of: ${MODEL_KINDS.join(', ')}.`,
  );
  checkDatasetName(s.dataset);
  spec(
    intIn(s.bottleneck, SPEC_LIMITS.bottleneckMin, SPEC_LIMITS.bottleneckMax),
    `The bottleneck must be a whole number from ${SPEC_LIMITS.bottleneckMin} to ${SPEC_LIMITS.bottleneckMax} (got ${String(s.bottleneck)}).`,
  );
  spec(Array.isArray(s.hidden), 'Hidden layer widths must be a list of numbers.');
  spec(s.hidden.length <= SPEC_LIMITS.hiddenLayersMax, `At most ${SPEC_LIMITS.hiddenLayersMax} hidden layers, please.`);
  for (const w of s.hidden) {
    spec(
      intIn(w, 1, SPEC_LIMITS.widthMax),
      `Every hidden width must be a whole number from 1 to ${SPEC_LIMITS.widthMax} (got ${String(w)}).`,
    );
  }
  spec(
    (ACTIVATIONS as readonly string[]).includes(s.activation),
    `"${String(s.activation)}" is not an activation. Pick one of: ${ACTIVATIONS.join(', ')}.`,
  );
  spec(isInt(s.seed), 'The seed must be a whole number.');
  if (s.linear)
    spec(
      s.kind === 'dense' || s.kind === 'denoising',
      'The linear option applies to dense and denoising autoencoders only.',
    );

  if (s.kind === 'conv') {
    const f = s.filters ?? [];
    spec(
      f.length >= 1 && f.length <= SPEC_LIMITS.convLayersMax,
      `A convolutional model needs 1 to ${SPEC_LIMITS.convLayersMax} conv layers (filters).`,
    );
    for (const n of f)
      spec(
        intIn(n, 1, SPEC_LIMITS.filtersMax),
        `Filters per conv layer must be whole numbers from 1 to ${SPEC_LIMITS.filtersMax}.`,
      );
  }
  if (s.kind === 'denoising') spec(s.noise !== undefined, 'A denoising model needs a noise setting.');
  if (s.noise !== undefined) {
    const problem = describeNoiseProblem(s.noise);
    spec(problem === null, problem ?? '');
  }
  const variational = s.kind === 'vae' || s.kind === 'cvae';
  if (s.reparameterize !== undefined)
    spec(variational && typeof s.reparameterize === 'boolean', t('spec.reparameterize'));
  if (variational) {
    const beta = s.beta ?? 1;
    spec(
      isFiniteNumber(beta) && beta >= 0 && beta <= SPEC_LIMITS.betaMax,
      `The KL weight beta must be a number from 0 to ${SPEC_LIMITS.betaMax}.`,
    );
  }
  if (s.kind === 'sparse') {
    const sp = s.sparsity;
    spec(sp !== undefined, 'A sparse model needs a sparsity target (rho) and weight.');
    spec(
      isFiniteNumber(sp.rho) && sp.rho > 0 && sp.rho < 1,
      'The sparsity target rho must be between 0 and 1 (exclusive).',
    );
    spec(
      isFiniteNumber(sp.weight) && sp.weight >= 0 && sp.weight <= 1000,
      'The sparsity weight must be a number from 0 to 1000.',
    );
  }
  if (s.kind === 'ksparse') {
    spec(
      intIn(s.k, 1, s.bottleneck),
      `k (code units kept) must be a whole number from 1 to the bottleneck size ${s.bottleneck}.`,
    );
  }
  if (s.kind === 'vqvae') validateVq(s);
  else spec(s.vq === undefined, t('spec.vq.onlyVqvae'));
}

function validateVq(s: ModelSpec): void {
  const vq = s.vq;
  spec(typeof vq === 'object' && vq !== null, t('spec.vq.missing'));
  const { codebookSizeMin: kMin, codebookSizeMax: kMax } = VQ_LIMITS;
  spec(
    intIn(vq.codebookSize, kMin, kMax),
    t('spec.vq.codebookSize', { min: kMin, max: kMax, value: String(vq.codebookSize) }),
  );
  spec(
    intIn(vq.slots, 1, VQ_LIMITS.slotsMax),
    t('spec.vq.slots', { max: VQ_LIMITS.slotsMax, value: String(vq.slots) }),
  );
  spec(
    intIn(vq.codeDim, 1, VQ_LIMITS.codeDimMax),
    t('spec.vq.codeDim', { max: VQ_LIMITS.codeDimMax, value: String(vq.codeDim) }),
  );
  spec(
    s.bottleneck === vq.slots * vq.codeDim,
    t('spec.vq.bottleneck', { expected: vq.slots * vq.codeDim, value: String(s.bottleneck) }),
  );
  const commitment = vq.commitment;
  spec(
    commitment === undefined ||
      (isFiniteNumber(commitment) && commitment >= 0 && commitment <= VQ_LIMITS.commitmentMax),
    t('spec.vq.commitment', { max: VQ_LIMITS.commitmentMax, value: String(commitment) }),
  );
}

/** Throws INVALID_CONFIG unless `c` is a training config the worker can run. */
export function validateTrainConfig(c: TrainConfig): void {
  config(typeof c === 'object' && c !== null, 'The training settings are missing.');
  config(typeof c.jobId === 'string' && c.jobId.length > 0 && c.jobId.length <= 200, 'A training job needs an id.');
  config(c.epochs !== undefined || c.steps !== undefined, 'Say how long to train: a number of epochs or of steps.');
  if (c.steps !== undefined)
    config(intIn(c.steps, 1, SPEC_LIMITS.stepsMax), `Steps must be a whole number from 1 to ${SPEC_LIMITS.stepsMax}.`);
  else
    config(
      intIn(c.epochs, 1, SPEC_LIMITS.epochsMax),
      `Epochs must be a whole number from 1 to ${SPEC_LIMITS.epochsMax}.`,
    );
  config(
    intIn(c.batchSize, 1, SPEC_LIMITS.batchSizeMax),
    `The batch size must be a whole number from 1 to ${SPEC_LIMITS.batchSizeMax} (got ${String(c.batchSize)}).`,
  );
  config(
    (OPTIMIZERS as readonly string[]).includes(c.optimizer),
    `"${String(c.optimizer)}" is not an optimizer. Pick adam or sgd.`,
  );
  config(
    isFiniteNumber(c.learningRate) && c.learningRate > 0 && c.learningRate <= SPEC_LIMITS.learningRateMax,
    `The learning rate must be a positive number up to ${SPEC_LIMITS.learningRateMax} (got ${String(c.learningRate)}).`,
  );
  config((LOSSES as readonly string[]).includes(c.loss), `"${String(c.loss)}" is not a loss. Pick mse or bce.`);
  config(isInt(c.seed), 'The seed must be a whole number.');
  if (c.split !== undefined)
    config(
      (SPLITS as readonly string[]).includes(c.split),
      `"${String(c.split)}" is not a split. Pick train, test or all.`,
    );
  if (c.limit !== undefined)
    config(isInt(c.limit) && c.limit >= 1, 'The example limit must be a whole number of at least 1.');
  if (c.progressIntervalMs !== undefined)
    config(
      isFiniteNumber(c.progressIntervalMs) && c.progressIntervalMs >= 0,
      'The progress interval must be 0 or more milliseconds.',
    );
  if (c.previewCount !== undefined)
    config(
      intIn(c.previewCount, 0, SPEC_LIMITS.previewMax),
      `Preview count must be a whole number from 0 to ${SPEC_LIMITS.previewMax}.`,
    );
  if (c.checkpointIntervalMs !== undefined)
    config(
      isFiniteNumber(c.checkpointIntervalMs) && c.checkpointIntervalMs >= 0,
      'The checkpoint interval must be 0 or more milliseconds.',
    );
  if (c.checkpointKey !== undefined)
    config(
      typeof c.checkpointKey === 'string' && c.checkpointKey.length > 0,
      'The checkpoint key must be a non-empty string.',
    );
  if (c.excludeLabels !== undefined) {
    config(
      Array.isArray(c.excludeLabels) && c.excludeLabels.length <= SPEC_LIMITS.excludeLabelsMax,
      `Leave out at most ${SPEC_LIMITS.excludeLabelsMax} classes, as a list of class numbers.`,
    );
    for (const l of c.excludeLabels)
      config(intIn(l, 0, 255), `Classes to leave out must be whole numbers from 0 to 255 (got ${String(l)}).`);
  }
  if (c.noisyCopies !== undefined) {
    config(
      intIn(c.noisyCopies, 1, SPEC_LIMITS.noisyCopiesMax),
      `Noisy copies per example must be a whole number from 1 to ${SPEC_LIMITS.noisyCopiesMax} (got ${String(c.noisyCopies)}).`,
    );
  }
  if (c.own !== undefined) validateOwnExamples(c.own);
}

/** The shape of TrainConfig.own without the dataset (validateOwnFor checks sizes, classes and pixel values). */
function validateOwnExamples(own: TrainConfig['own']): void {
  config(typeof own === 'object' && own !== null, 'Your own examples are missing their images.');
  config(
    intIn(own.count, 1, SPEC_LIMITS.ownMax),
    `Your own examples must be from 1 to ${SPEC_LIMITS.ownMax} images (got ${String(own.count)}).`,
  );
  config(own.images instanceof Float32Array, 'Your own images must be a Float32Array of pixels.');
  config(own.labels instanceof Uint8Array, 'Your own examples need their classes as a Uint8Array.');
  config(
    own.labels.length === own.count,
    `Your own examples have ${own.labels.length} classes for ${own.count} images: give one class per image.`,
  );
  config(own.mode === 'add' || own.mode === 'replace', `"${String(own.mode)}" is not a mode. Pick add or replace.`);
  if (own.repeat !== undefined)
    config(
      intIn(own.repeat, 1, SPEC_LIMITS.ownRepeatMax),
      `Your own examples repeat from 1 to ${SPEC_LIMITS.ownRepeatMax} times (got ${String(own.repeat)}).`,
    );
}

/** TrainConfig.own against the dataset: pixels per image, pixel values in [0, 1] and classes of the dataset. */
export function validateOwnFor(
  own: NonNullable<TrainConfig['own']>,
  size: number,
  classes: number,
  name: string,
): void {
  config(
    own.images.length === own.count * size,
    `Your own images must be ${own.count} × ${size} pixels for ${name} (got ${own.images.length} numbers).`,
  );
  const bad = own.images.findIndex((v) => !(v >= 0 && v <= 1));
  config(
    bad < 0,
    `Pixel ${bad % size} of your image ${Math.floor(bad / size) + 1} is ${String(own.images[bad])}: pixels go from 0 to 1.`,
  );
  for (const l of own.labels)
    config(l < classes, `Class ${l} does not exist in ${name}: classes go from 0 to ${classes - 1}.`);
}

/** Throws INVALID_CONFIG when `c` does not fit this model and dataset (the checks that need both). */
export function validateTrainConfigFor(c: TrainConfig, s: ModelSpec, classes: number): void {
  if (c.excludeLabels !== undefined) {
    for (const l of c.excludeLabels)
      config(l < classes, `Class ${l} does not exist in ${s.dataset}: classes go from 0 to ${classes - 1}.`);
  }
  if (c.noisyCopies !== undefined) {
    config(
      s.noise !== undefined && s.noise.type !== 'none',
      'Noisy copies need a model that trains on noise: give it a noise setting (a denoising model).',
    );
  }
}
