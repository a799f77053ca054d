import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import type { ModelSpec, TrainConfig } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

/** Trains a fresh model; returns its final weights and every step's total loss. */
async function run(s: ModelSpec, c: Partial<TrainConfig>): Promise<{ weights: Float32Array; losses: number[] }> {
  const { modelId } = await engine.createModel(s);
  const losses: number[] = [];
  await engine.train(modelId, config({ steps: 30, batchSize: 8, ...c }), (p) => losses.push(p.loss.total));
  const { data } = await engine.exportWeights(modelId);
  await engine.disposeModel(modelId);
  return { weights: data, losses };
}

// A VAE with noise exercises every seeded stream: initial weights, batch order, corruption and epsilon.
const noisyVae = spec({ kind: 'vae', noise: { type: 'masking', fraction: 0.3 }, bottleneck: 4 });

describe('seeded training', () => {
  it('same spec seed and job seed give identical weights and losses', async () => {
    const a = await run(noisyVae, { seed: 11 });
    const b = await run(noisyVae, { seed: 11 });
    expect(b.losses).toEqual(a.losses);
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
  });

  it('is identical on MNIST too (dense, 256 images)', async () => {
    const s = spec({ dataset: 'mnist', hidden: [32], bottleneck: 4 });
    const a = await run(s, { seed: 3, limit: 256 });
    const b = await run(s, { seed: 3, limit: 256 });
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
  });

  it('another job seed (batch order, noise, epsilon) gives a different result', async () => {
    const a = await run(noisyVae, { seed: 11 });
    const b = await run(noisyVae, { seed: 12 });
    expect(b.losses).not.toEqual(a.losses);
    expect(Array.from(b.weights)).not.toEqual(Array.from(a.weights));
  });

  it('another spec seed gives different initial weights', async () => {
    const a = await engine.exportWeights((await engine.createModel(spec({ seed: 1 }))).modelId);
    const b = await engine.exportWeights((await engine.createModel(spec({ seed: 2 }))).modelId);
    const c = await engine.exportWeights((await engine.createModel(spec({ seed: 1 }))).modelId);
    expect(Array.from(b.data)).not.toEqual(Array.from(a.data));
    expect(Array.from(c.data)).toEqual(Array.from(a.data));
  });
});
