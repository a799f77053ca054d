import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { computePcaBasis, discardedVariance, pcaErrors, shippedPcaBasis } from '../../src/ml-worker/pca';
import { decodePcaAsset, encodePcaAsset, PCA_ASSET_PATH } from '../../src/ml-worker/pca-format';
import { config, readAsset, spec, testEngine } from './support/engine';

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

/** Row indices 0..n-1. */
const all = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

describe('the shipped MNIST basis (generated/mnist-pca.bin, scripts/build-pca.ts)', () => {
  it('is what the worker computes on the backend: same eigenvalues, same errors, the same components up to sign', async () => {
    const train = await engine.getImages('mnist', 'train', 0, 10_000);
    const shipped = await shippedPcaBasis(readAsset, train.images, all(train.count), 784);
    expect(shipped).not.toBeNull();
    const computed = await computePcaBasis(train.images, train.count, 784);
    for (let i = 0; i < 100; i++)
      expect(Math.abs(shipped!.eigenvalues[i] - computed.eigenvalues[i])).toBeLessThan(1e-4 * computed.eigenvalues[0]);
    for (const k of [2, 8, 32]) {
      const d = (basis: typeof computed): number => discardedVariance(basis, k);
      expect(Math.abs(d(shipped!) - d(computed)) / d(computed)).toBeLessThan(1e-4);
    }
    const test = await engine.getImages('mnist', 'test', 0, 10_000);
    for (const k of [2, 8]) {
      const a = (await pcaErrors(shipped!, k, test.images, test.count)).mse;
      const b = (await pcaErrors(computed, k, test.images, test.count)).mse;
      expect(Math.abs(a - b) / b).toBeLessThan(1e-5);
    }
    for (let r = 0; r < 8; r++) {
      let dot = 0;
      for (let j = 0; j < 784; j++) dot += shipped!.components[r * 784 + j] * computed.components[r * 784 + j];
      expect(Math.abs(dot)).toBeGreaterThan(0.9999);
    }
  });

  it('engine.pca uses it: the levels’ test MSE (k = 2: 0.05517, k = 8: 0.03715) and no tensors left behind', async () => {
    const before = tf.memory().numTensors;
    const r2 = await engine.pca('mnist', 2);
    const r8 = await engine.pca('mnist', 8);
    expect(tf.memory().numTensors).toBe(before);
    // Measured before the basis was shipped (computed in the worker on WASM): 0.05517393, 0.03715246.
    expect(Math.abs(r2.testMse - 0.05517393) / 0.05517393).toBeLessThan(1e-5);
    expect(Math.abs(r8.testMse - 0.03715246) / 0.03715246).toBeLessThan(1e-5);
  });

  it('is refused when missing, damaged or fitted on other images (the worker then computes it)', async () => {
    const train = await engine.getImages('mnist', 'train', 0, 10_000);
    const missing = (): Promise<ArrayBuffer> => Promise.reject(new Error('404'));
    expect(await shippedPcaBasis(missing, train.images, all(train.count), 784)).toBeNull();
    const damaged = async (): Promise<ArrayBuffer> => (await readAsset(PCA_ASSET_PATH)).slice(0, 1000);
    expect(await shippedPcaBasis(damaged, train.images, all(train.count), 784)).toBeNull();
    const others = train.images.slice();
    others[300] = others[300] > 0.5 ? 0 : 1; // one pixel of one image: the mean moves by 1/8000
    expect(await shippedPcaBasis(readAsset, others, all(train.count), 784)).toBeNull();
    expect(await shippedPcaBasis(readAsset, train.images, all(train.count - 1), 784)).toBeNull();
  });

  it('round-trips through its format; bad magic, version and length are errors', () => {
    const basis = {
      size: 2,
      mean: Float32Array.from([0.25, 0.5]),
      eigenvalues: Float64Array.from([3.5, 1 / 3]),
      components: Float32Array.from([0.6, 0.8, -0.8, 0.6]),
    };
    const bytes = encodePcaAsset({ basis, count: 7 });
    const back = decodePcaAsset(bytes);
    expect(back.count).toBe(7);
    expect(back.basis).toEqual(basis);
    expect(() => decodePcaAsset(bytes.slice(0, bytes.length - 1))).toThrow(/bytes/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => decodePcaAsset(wrongMagic)).toThrow(/magic/);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 9;
    expect(() => decodePcaAsset(wrongVersion)).toThrow(/version/);
  });
});
