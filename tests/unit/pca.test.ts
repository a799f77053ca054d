import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { computePcaBasis, discardedVariance, pcaErrors } from '../../src/ml-worker/pca';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

describe('exact PCA', () => {
  // Four 2-D points (3,1), (1,3), (-3,-1), (-1,-3), shifted by (1, 2). Mean (1, 2). The 1/N covariance is
  // [[(9+1+9+1)/4, (3+3+3+3)/4], [3, 5]] = [[5, 3], [3, 5]]; its eigenpairs are 8 along (1, 1)/sqrt(2) and
  // 2 along (1, -1)/sqrt(2). With k = 1 each point keeps its (1, 1) part and loses its (1, -1) part, which is
  // +-2/sqrt(2) = +-sqrt(2) for every point: squared error 2 per point = the discarded eigenvalue 2.
  const points = Float32Array.from([3, 1, 1, 3, -3, -1, -1, -3].map((v, i) => v + (i % 2 === 0 ? 1 : 2)));

  it('matches the hand-computed eigenpairs of a 2-D case', async () => {
    const basis = await computePcaBasis(points, 4, 2);
    expect(Array.from(basis.mean)).toEqual([1, 2]);
    expect(basis.eigenvalues[0]).toBeCloseTo(8, 5);
    expect(basis.eigenvalues[1]).toBeCloseTo(2, 5);
    const [a, b] = basis.components.subarray(0, 2);
    expect(Math.abs(a)).toBeCloseTo(Math.SQRT1_2, 5);
    expect(b).toBeCloseTo(a, 5); // same sign: the (1, 1) direction
    const [c, d] = basis.components.subarray(2, 4);
    expect(d).toBeCloseTo(-c, 5);
  });

  it('reconstruction error at k equals the sum of the discarded eigenvalues', async () => {
    const basis = await computePcaBasis(points, 4, 2);
    expect(discardedVariance(basis, 1)).toBeCloseTo(2, 5);
    expect((await pcaErrors(basis, 1, points, 4)).sse).toBeCloseTo(2, 5);
    expect((await pcaErrors(basis, 2, points, 4)).sse).toBeCloseTo(0, 5);
  });

  it('on MNIST: all 784 eigenvalues, decreasing; explained variance; train SSE = discarded eigenvalues', async () => {
    const r = await engine.pca('mnist', 8);
    expect(r.eigenvalues.length).toBe(784);
    for (let i = 1; i < 784; i++) expect(r.eigenvalues[i]).toBeLessThanOrEqual(r.eigenvalues[i - 1]);
    expect(r.components.length).toBe(8 * 784);
    const ratioSum = r.explainedVarianceRatio.reduce((a, b) => a + b, 0);
    expect(ratioSum).toBeGreaterThan(0.3);
    expect(ratioSum).toBeLessThan(1);
    const total = r.eigenvalues.reduce((a, b) => a + b, 0);
    expect(r.trainSse).toBeCloseTo(total * (1 - ratioSum), 2);
    const train = await engine.getImages('mnist', 'train', 0, 10_000);
    const basis = { size: 784, mean: r.mean, eigenvalues: Float64Array.from(r.eigenvalues), components: r.components };
    const measured = await pcaErrors(basis, 8, train.images, train.count);
    expect(Math.abs(measured.sse - r.trainSse) / r.trainSse).toBeLessThan(1e-3);
    expect(r.trainMse).toBeCloseTo(r.trainSse / 784, 10);
    expect(r.testMse).toBeGreaterThan(0);
  });

  it('a linear autoencoder trained long enough lands within 5% of PCA at the same k', async () => {
    const k = 4;
    const pca = await engine.pca('glyphs28', k);
    const { modelId } = await engine.createModel(
      spec({ dataset: 'glyphs28', hidden: [], bottleneck: k, linear: true, activation: 'linear' }),
    );
    // A short learning-rate schedule: fast, then fine.
    await engine.train(modelId, config({ steps: 300, batchSize: 64, learningRate: 0.02 }));
    await engine.train(modelId, config({ steps: 200, batchSize: 64, learningRate: 0.005 }));
    const ae = (await engine.evaluate(modelId, 'train', 'mse')).loss.mse;
    expect(ae).toBeLessThan(pca.trainMse * 1.05);
    // PCA is the optimum for a linear code: the AE cannot beat it (beyond float round-off).
    expect(ae).toBeGreaterThan(pca.trainMse * 0.999);
  });
});
