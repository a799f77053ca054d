import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import type { ModelSpec } from '../../src/shared/worker-api';
import { config, spec, specOfEveryKind, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

/** Every call that touches tensors, once. */
async function exercise(modelId: string, s: ModelSpec, steps: number): Promise<void> {
  const result = await engine.train(
    modelId,
    config({ steps, progressIntervalMs: 0, previewCount: 4, checkpointIntervalMs: 1 }),
    () => {},
  );
  expect(result.reason).toBe('completed');
  // Resuming from the checkpoint loads its optimizer state into the next job's optimizer.
  expect(await engine.loadWeights(modelId, `checkpoint:${modelId}`)).toBe(true);
  expect((await engine.train(modelId, config({ steps: 3, checkpointIntervalMs: 1 }))).reason).toBe('completed');
  const batch = await engine.getImages(s.dataset, 'train', 0, 6);
  const labels = s.kind === 'cvae' ? batch.labels : undefined;
  await engine.reconstruct(modelId, batch.images, labels);
  const codes = await engine.encode(modelId, batch.images, labels);
  await engine.decode(modelId, codes, labels);
  await engine.latentGrid(modelId, { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, 3);
  await engine.sample(modelId, 4, 9);
  await engine.evaluate(modelId, 'test', 'bce');
  await engine.saveWeights(modelId, 'memory-test');
  await engine.loadWeights(modelId, 'memory-test');
  await engine.exportWeights(modelId);
}

const kinds: ModelSpec[] = specOfEveryKind();

describe('no tensor growth', () => {
  it.each(kinds.map((s) => [s.kind, s] as const))('%s: numTensors is unchanged after a burn-in', async (_kind, s) => {
    const { modelId } = await engine.createModel(s);
    await exercise(modelId, s, 5);
    const after = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await exercise(modelId, s, 15);
    expect(tf.memory().numTensors).toBe(after);
    expect((await engine.memory()).numTensors).toBe(after);
  });

  it('disposing a model frees its weights; PCA and failed calls leave nothing behind', async () => {
    const before = tf.memory().numTensors;
    const { modelId } = await engine.createModel(spec({ hidden: [16, 8] }));
    // 2 encoder + code + 2 decoder + output layers, a kernel and a bias each.
    expect(tf.memory().numTensors).toBe(before + 12);
    await expect(engine.decode(modelId, new Float32Array(7))).rejects.toThrow();
    await engine.pca('glyphs', 3);
    await engine.pca('glyphs', 3);
    await engine.disposeModel(modelId);
    expect(tf.memory().numTensors).toBe(before);
  });
});
