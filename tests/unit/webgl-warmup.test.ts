import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { warmTrainingKernels, warmWebglKernels } from '../../src/ml-worker/webgl-warmup';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('software WebGL warm-up (webgl-warmup.ts)', () => {
  it('trains every warm-up model through the real loop and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    expect(await warmTrainingKernels()).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does nothing off WebGL (the engine calls it after choosing a backend)', async () => {
    const off = await tf.profile(() => warmWebglKernels() as unknown as tf.TensorContainer);
    expect(off.kernels).toHaveLength(0);
    // The same profile sees the kernels when the warm-up does run (so the check above can fail).
    const on = await tf.profile(() => warmTrainingKernels() as unknown as tf.TensorContainer);
    expect(on.kernels.length).toBeGreaterThan(50);
  });
});
