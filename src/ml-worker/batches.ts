/**
 * Batch order and per-step seeds, derived from the job seed by step/epoch number alone, so any step can be
 * replayed (a job resumed from a snapshot after a backend switch continues the same sequence).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, shuffledIndices } from '../shared/random';

/** A well-mixed 32-bit seed from (seed, a, b). */
export function mixSeed(seed: number, a: number, b: number): number {
  let h = (seed ^ Math.imul(a + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = (h ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  return createRng(h).seed();
}

export const SEED_STREAM = { order: 0, noise: 1, epsilon: 2, preview: 3, pool: 4 } as const;

/** The shuffled example order of each epoch, on CPU and as an int32 tensor to gather batches with. */
export class BatchPlan {
  readonly stepsPerEpoch: number;
  private epoch = -1;
  private cpu: Uint32Array = new Uint32Array(0);
  private tensor: tf.Tensor1D | null = null;

  constructor(
    readonly count: number,
    readonly batchSize: number,
    private readonly seed: number,
  ) {
    this.stepsPerEpoch = Math.ceil(count / batchSize);
  }

  /** Example indices of `step`'s batch (CPU copy and tensor slice; the slice is the caller's to dispose). */
  batch(step: number): { indices: Uint32Array; tensor: tf.Tensor1D } {
    const epoch = Math.floor(step / this.stepsPerEpoch);
    if (epoch !== this.epoch || !this.tensor) {
      this.tensor?.dispose();
      this.cpu = shuffledIndices(this.count, createRng(mixSeed(this.seed, epoch, SEED_STREAM.order)));
      this.tensor = tf.tensor1d(Int32Array.from(this.cpu), 'int32');
      this.epoch = epoch;
    }
    const start = (step % this.stepsPerEpoch) * this.batchSize;
    const n = Math.min(this.batchSize, this.count - start);
    return { indices: this.cpu.subarray(start, start + n), tensor: tf.slice(this.tensor, start, n) };
  }

  /** Drops the tensor (end of job, or its backend went away). */
  dispose(): void {
    this.tensor?.dispose();
    this.tensor = null;
    this.epoch = -1;
  }
}
