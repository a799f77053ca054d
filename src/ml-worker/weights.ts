/** Weights as CPU arrays: snapshots (for recovery and divergence), export/import, and shape checks. */
import * as tf from '@tensorflow/tfjs';
import { MlError } from '../shared/errors';
import type { WeightsExport } from '../shared/worker-api';
import type { Autoencoder } from './models/autoencoder';
import type { OptimizerState } from './optimizer-state';

export interface WeightSnapshot {
  /** Training step these weights are from (0 for fresh or loaded weights). */
  step: number;
  arrays: Float32Array[];
  /** The training job's optimizer at the same step, so a rebuilt model continues without a loss spike. */
  optimizer?: OptimizerState;
}

/** Copies of every weight, in model order. */
export async function readWeights(model: Autoencoder): Promise<Float32Array[]> {
  const data = await Promise.all(model.weights.map((w) => w.variable.data<'float32'>()));
  return data.map((d) => new Float32Array(d));
}

export function allFinite(arrays: Float32Array[]): boolean {
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

export function writeWeights(model: Autoencoder, arrays: Float32Array[]): void {
  tf.tidy(() => model.weights.forEach((w, i) => w.variable.assign(tf.tensor(arrays[i], w.variable.shape, 'float32'))));
}

export function describeWeights(model: Autoencoder): { name: string; shape: number[] }[] {
  return model.weights.map((w) => ({ name: w.name, shape: [...w.variable.shape] }));
}

/** One flat array, weights in model order. */
export function flatten(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/** Splits a flat export back into per-weight arrays after checking names and shapes match `model`. */
export function unflatten(model: Autoencoder, tensors: WeightsExport['tensors'], data: Float32Array): Float32Array[] {
  const expected = describeWeights(model);
  const same =
    Array.isArray(tensors) &&
    tensors.length === expected.length &&
    tensors.every(
      (t, i) =>
        t.name === expected[i].name &&
        t.shape.length === expected[i].shape.length &&
        t.shape.every((d, j) => d === expected[i].shape[j]),
    );
  if (!same)
    throw new MlError(
      'INVALID_INPUT',
      'These saved weights belong to a different model shape, so they cannot be loaded into this one.',
    );
  const total = expected.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
  if (!(data instanceof Float32Array) || data.length !== total) {
    throw new MlError(
      'INVALID_INPUT',
      `The saved weights hold ${data?.length ?? 0} numbers; this model needs ${total}.`,
    );
  }
  const arrays: Float32Array[] = [];
  let offset = 0;
  for (const t of expected) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    arrays.push(data.slice(offset, offset + n));
    offset += n;
  }
  return arrays;
}
