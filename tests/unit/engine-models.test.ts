import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import type { LossTerms, ModelSpec } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

// WASM: the conv model is ~10x faster there than on the tfjs CPU backend.
let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Trains `s` and returns every step's loss terms (progress at every step). */
async function lossCurve(s: ModelSpec, steps: number, limit?: number): Promise<LossTerms[]> {
  const { modelId } = await engine.createModel(s);
  const curve: LossTerms[] = [];
  const result = await engine.train(modelId, config({ steps, limit, batchSize: 16, learningRate: 0.01 }), (p) =>
    curve.push(p.loss),
  );
  expect(result.reason).toBe('completed');
  expect(result.steps).toBe(steps);
  return curve;
}

function expectFalls(curve: LossTerms[], factor = 0.6): void {
  const early = mean(curve.slice(0, 5).map((t) => t.total));
  const late = mean(curve.slice(-5).map((t) => t.total));
  expect(late).toBeLessThan(early * factor);
}

describe('every model kind learns on a tiny set', () => {
  it('dense AE on the 7x5 glyphs', async () => {
    expectFalls(await lossCurve(spec({ kind: 'dense' }), 120));
  });

  it('dense AE on 200 MNIST digits', async () => {
    expectFalls(await lossCurve(spec({ dataset: 'mnist', hidden: [64], bottleneck: 8 }), 80, 200), 0.7);
  });

  it('convolutional AE on 28x28 glyphs and on 7x5 glyphs (pooled to 4x3, grown to 8x8, cropped)', async () => {
    expectFalls(await lossCurve(spec({ kind: 'conv', dataset: 'glyphs28', filters: [8, 8] }), 60));
    expectFalls(await lossCurve(spec({ kind: 'conv', dataset: 'glyphs', filters: [8, 8] }), 150));
  });

  it('denoising AE, loss measured against the clean glyphs', async () => {
    expectFalls(await lossCurve(spec({ kind: 'denoising', noise: { type: 'saltPepper', amount: 0.1 } }), 150));
  });

  it('VAE reports its KL term separately', async () => {
    const curve = await lossCurve(spec({ kind: 'vae', beta: 1 }), 150);
    expectFalls(curve, 0.8);
    for (const t of curve) {
      expect(t.kl).toBeGreaterThanOrEqual(0);
      expect(t.total).toBeCloseTo(t.reconstruction + (t.kl as number) / 35, 5);
    }
  });

  it('VAE without the reparameterisation trick still trains (its decoder learns the average glyph)', async () => {
    const curve = await lossCurve(spec({ kind: 'vae', beta: 1, reparameterize: false }), 150);
    expectFalls(curve, 0.9);
  });

  it('conditional VAE on MNIST digits with their labels', async () => {
    const curve = await lossCurve(
      spec({ kind: 'cvae', dataset: 'mnist', hidden: [64], bottleneck: 2, beta: 1 }),
      80,
      200,
    );
    expectFalls(curve, 0.8);
    expect(curve.every((t) => t.kl !== undefined)).toBe(true);
  });

  it('sparse AE reports its sparsity penalty, which training pushes towards rho', async () => {
    const curve = await lossCurve(spec({ kind: 'sparse', bottleneck: 16, sparsity: { rho: 0.05, weight: 0.05 } }), 200);
    expectFalls(curve, 0.8);
    expect(curve[0].sparsity).toBeGreaterThan(0);
    expect(curve.at(-1)?.sparsity).toBeLessThan(curve[0].sparsity as number);
  });

  it('k-sparse AE keeps exactly k code units per sample', async () => {
    const s = spec({ kind: 'ksparse', bottleneck: 16, k: 3 });
    expectFalls(await lossCurve(s, 150));
    const { modelId } = await engine.createModel(s);
    const images = (await engine.getImages('glyphs', 'all', 0, 10)).images;
    const codes = await engine.encode(modelId, images);
    for (let n = 0; n < 10; n++) {
      const nonZero = codes.subarray(n * 16, (n + 1) * 16).filter((v) => v !== 0).length;
      expect(nonZero).toBeLessThanOrEqual(3);
    }
  });

  it('VQ-VAE on the glyphs and on 200 MNIST digits reports its codebook terms', async () => {
    const glyphCurve = await lossCurve(
      spec({ kind: 'vqvae', bottleneck: 8, vq: { codebookSize: 16, slots: 2, codeDim: 4 } }),
      150,
    );
    expectFalls(glyphCurve);
    const mnistCurve = await lossCurve(
      spec({
        kind: 'vqvae',
        dataset: 'mnist',
        hidden: [64],
        bottleneck: 16,
        vq: { codebookSize: 16, slots: 4, codeDim: 4 },
      }),
      80,
      200,
    );
    expectFalls(mnistCurve, 0.7);
    for (const t of [...glyphCurve, ...mnistCurve]) {
      expect(t.vq).toBeGreaterThanOrEqual(0);
      expect(t.codebookUsed).toBeGreaterThanOrEqual(1);
      expect(t.perplexity).toBeGreaterThanOrEqual(1 - 1e-6);
    }
  });
});

describe('shapes of the inference calls', () => {
  it('reconstruct, encode, decode, latentGrid and sample return the documented sizes', async () => {
    const { modelId, inputSize, latentSize } = await engine.createModel(spec({ kind: 'vae', bottleneck: 2 }));
    const images = (await engine.getImages('glyphs', 'all', 0, 5)).images;
    expect((await engine.reconstruct(modelId, images)).length).toBe(5 * inputSize);
    const codes = await engine.encode(modelId, images);
    expect(codes.length).toBe(5 * latentSize);
    expect((await engine.decode(modelId, codes)).length).toBe(5 * inputSize);
    expect((await engine.latentGrid(modelId, { xMin: -2, xMax: 2, yMin: -2, yMax: 2 }, 4)).length).toBe(16 * inputSize);
    const sample = await engine.sample(modelId, 6, 1);
    expect(sample.codes.length).toBe(6 * latentSize);
    expect(sample.images.length).toBe(6 * inputSize);
    expect(sample.images.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('latentGrid decodes row-major from (xMin, yMax) at the top left', async () => {
    const { modelId } = await engine.createModel(spec({ bottleneck: 2 }));
    const grid = await engine.latentGrid(modelId, { xMin: -1, xMax: 1, yMin: -3, yMax: 3 }, 2);
    const corners = await engine.decode(modelId, Float32Array.from([-1, 3, 1, 3, -1, -3, 1, -3]));
    expect(Array.from(grid)).toEqual(Array.from(corners));
  });
});
