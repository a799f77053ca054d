/**
 * The optimizer's own state as CPU arrays, so a checkpoint (or the last good snapshot) can carry it to a new
 * worker or a new backend. Without it a resumed Adam starts with zero moments and a bias correction for step 1:
 * its first updates are about learningRate in size for every weight, whatever the gradient, and the loss jumps.
 *
 * tfjs 4.22 (tfjs-core/dist/optimizers): `getWeights()` is [iterations as an int32 scalar, ...first moments,
 * ...second moments] for Adam and [iterations] for SGD. The moments are the optimizer's live variables (not
 * copies) while the iterations scalar is a new tensor the caller must dispose. Adam matches moments to
 * variables by position in the varList passed to `minimize`, which is the model's weight order here.
 * `setWeights()` wraps each given tensor in a new variable (sharing its data, so the caller may dispose the
 * tensor afterwards), sets accBeta = beta^(iterations+1), and replaces the moment lists without disposing the
 * old ones: it is only ever called on a fresh optimizer here.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName, TrainConfig } from '../shared/worker-api';
import type { Autoencoder } from './models/autoencoder';

export interface OptimizerState {
  /** Only a job with the same optimizer continues it; a new learning rate is fine (moments are gradient statistics). */
  optimizer: OptimizerName;
  learningRate: number;
  /** Steps this optimizer has taken (Adam's bias correction depends on it). */
  iterations: number;
  /** Adam: the first moments, then the second moments, each in model weight order. SGD: none. */
  arrays: Float32Array[];
}

export function makeOptimizer(config: Pick<TrainConfig, 'optimizer' | 'learningRate'>): tf.Optimizer {
  return config.optimizer === 'adam' ? tf.train.adam(config.learningRate) : tf.train.sgd(config.learningRate);
}

const sizes = (model: Autoencoder): number[] => model.weights.map((w) => w.variable.size);

/** Null before the first step (nothing to carry) or if the optimizer does not hold one moment per weight. */
export async function readOptimizerState(
  optimizer: tf.Optimizer,
  config: Pick<TrainConfig, 'optimizer' | 'learningRate'>,
  model: Autoencoder,
): Promise<OptimizerState | null> {
  const named = await optimizer.getWeights();
  const [iter, ...moments] = named;
  try {
    const iterations = optimizer.iterations;
    if (iterations === 0) return null;
    const expected = config.optimizer === 'adam' ? 2 * model.weights.length : 0;
    if (moments.length !== expected) return null;
    const data = await Promise.all(moments.map((m) => m.tensor.data<'float32'>()));
    const arrays = data.map((d) => new Float32Array(d));
    return { optimizer: config.optimizer, learningRate: config.learningRate, iterations, arrays };
  } finally {
    iter?.tensor.dispose();
  }
}

/** Whether `state` can continue a job with `config` on `model` (same optimizer, one array per moment, right sizes). */
export function fitsOptimizerState(
  state: OptimizerState | undefined | null,
  config: Pick<TrainConfig, 'optimizer'>,
  model: Autoencoder,
): state is OptimizerState {
  if (!state || state.optimizer !== config.optimizer || !Number.isInteger(state.iterations) || state.iterations < 1)
    return false;
  const n = sizes(model);
  const expected = state.optimizer === 'adam' ? [...n, ...n] : [];
  return (
    Array.isArray(state.arrays) &&
    state.arrays.length === expected.length &&
    state.arrays.every((a, i) => a instanceof Float32Array && a.length === expected[i])
  );
}

/** Loads `state` into a FRESH optimizer (one that has not stepped yet). */
export async function writeOptimizerState(
  optimizer: tf.Optimizer,
  state: OptimizerState,
  model: Autoencoder,
): Promise<void> {
  const shapes = model.weights.map((w) => w.variable.shape);
  const tensors: tf.Tensor[] = [tf.scalar(state.iterations, 'int32')];
  try {
    state.arrays.forEach((a, i) => tensors.push(tf.tensor(a, shapes[i % shapes.length], 'float32')));
    const names = model.weights.map((w) => w.name);
    await optimizer.setWeights(
      tensors.map((tensor, i) => ({
        name: i === 0 ? 'iter' : `${names[(i - 1) % names.length]}/${i - 1 < names.length ? 'm' : 'v'}`,
        tensor,
      })),
    );
  } finally {
    tf.dispose(tensors);
  }
}

/** A flat copy for storage: the moments as one Float32Array (the sizes follow from the model's weights). */
export interface StoredOptimizerState {
  optimizer: OptimizerName;
  learningRate: number;
  iterations: number;
  data: Float32Array;
}

export function flattenOptimizerState(state: OptimizerState): StoredOptimizerState {
  const data = new Float32Array(state.arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of state.arrays) {
    data.set(a, offset);
    offset += a.length;
  }
  return { optimizer: state.optimizer, learningRate: state.learningRate, iterations: state.iterations, data };
}

/** The stored state split back per moment, or null when it does not fit `model` (then training starts fresh). */
export function unflattenOptimizerState(
  stored: StoredOptimizerState | undefined,
  model: Autoencoder,
): OptimizerState | null {
  if (!stored || typeof stored !== 'object' || !(stored.data instanceof Float32Array)) return null;
  if (stored.optimizer !== 'adam' && stored.optimizer !== 'sgd') return null;
  const n = sizes(model);
  const lengths = stored.optimizer === 'adam' ? [...n, ...n] : [];
  if (stored.data.length !== lengths.reduce((a, b) => a + b, 0)) return null;
  const arrays: Float32Array[] = [];
  let offset = 0;
  for (const len of lengths) {
    arrays.push(stored.data.slice(offset, offset + len));
    offset += len;
  }
  const state: OptimizerState = {
    optimizer: stored.optimizer,
    learningRate: stored.learningRate,
    iterations: stored.iterations,
    arrays,
  };
  return fitsOptimizerState(state, { optimizer: state.optimizer }, model) ? state : null;
}
