/**
 * The committed pretrained assets (assets/pretrained, made by `npm run pretrain`) load through the engine,
 * decode to images of the right size, their maps place the digits apart, and the judge reads held-out MNIST.
 */
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/ml-worker/engine';
import { MemoryWeightsStore } from '../../src/ml-worker/weights-store';
import { PRETRAINED_ASSETS, type PretrainedAssetName } from '../../src/shared/levels/assets';
import { config, expectCode, readAsset, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

const AUTOENCODERS = (Object.keys(PRETRAINED_ASSETS) as PretrainedAssetName[]).filter(
  (n) => PRETRAINED_ASSETS[n].kind === 'autoencoder',
);

function argmax(p: Float32Array, row: number, classes: number): number {
  let best = 0;
  for (let c = 1; c < classes; c++) if (p[row * classes + c] > p[row * classes + best]) best = c;
  return best;
}

describe('pretrained autoencoders', () => {
  it.each(AUTOENCODERS)('%s loads as pretrained:<name> with its planned spec and decodes to images', async (name) => {
    const plan = PRETRAINED_ASSETS[name];
    if (plan.kind !== 'autoencoder') throw new Error('not an autoencoder');
    const info = await engine.loadPretrained(name);
    expect(info.modelId).toBe(`pretrained:${name}`);
    expect(info.asset).toBe(name);
    expect(info.spec).toEqual(plan.spec);
    expect(info.latentSize).toBe(plan.spec.bottleneck);
    const pixels = plan.spec.dataset === 'mnist' ? 784 : 35;
    expect(info.inputSize).toBe(pixels);
    const images = await engine.decode(
      info.modelId,
      new Float32Array(3 * info.latentSize).map((_, i) => (i % 3) - 1),
      plan.spec.kind === 'cvae' ? Uint8Array.of(0, 1, 2) : undefined,
    );
    expect(images.length).toBe(3 * pixels);
    expect(images.every((v) => v >= 0 && v <= 1)).toBe(true);
    if (plan.storeCodeBox) {
      expect(info.codeBox?.min.length).toBe(2);
      for (let d = 0; d < 2; d++) expect(info.codeBox!.max[d]).toBeGreaterThan(info.codeBox!.min[d]);
    } else {
      expect(info.codeBox).toBeUndefined();
    }
  });

  it('is idempotent, and a second load restores the shipped weights after training', async () => {
    const first = await engine.loadPretrained('letters-vae-forge');
    const code = new Float32Array(first.latentSize).fill(0.5);
    const before = await engine.decode(first.modelId, code);
    const again = await engine.loadPretrained('letters-vae-forge');
    expect(again.modelId).toBe(first.modelId);
    await engine.train(first.modelId, config({ steps: 30, learningRate: 0.05, loss: 'bce' }));
    const trained = await engine.decode(first.modelId, code);
    expect(Array.from(trained)).not.toEqual(Array.from(before));
    await engine.loadPretrained('letters-vae-forge');
    expect(Array.from(await engine.decode(first.modelId, code))).toEqual(Array.from(before));
  });

  it('the 2-D VAE map holds every digit: each of 0–9 decodes cleanly (judge ≥ 0.9) somewhere in |z| ≤ 3.5', async () => {
    const info = await engine.loadPretrained('mnist-vae-2d');
    expect(info.classMeans).toHaveLength(10);
    expect(info.classMeans!.every((m) => m.length === 2)).toBe(true);
    const n = 40;
    const grid = await engine.latentGrid(info.modelId, { xMin: -3.5, xMax: 3.5, yMin: -3.5, yMax: 3.5 }, n);
    const { probabilities } = await engine.classify(grid);
    const clean = new Set<number>();
    for (let i = 0; i < n * n; i++) {
      const k = argmax(probabilities, i, 10);
      if (probabilities[i * 10 + k] >= 0.9) clean.add(k);
    }
    expect([...clean].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('the judge', () => {
  it('classifies 1000 held-out MNIST digits with at least 95 % accuracy', async () => {
    const test = await engine.getImages('mnist', 'test', 0, 1000);
    const { probabilities, count, classes } = await engine.classify(test.images);
    expect(count).toBe(1000);
    expect(classes).toBe(10);
    let right = 0;
    for (let i = 0; i < count; i++) {
      const sum = probabilities.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 4);
      if (argmax(probabilities, i, 10) === test.labels[i]) right++;
    }
    expect(right / count).toBeGreaterThanOrEqual(0.95);
  });

  it('readable errors: unknown asset, the judge as a model, bad images, a missing or damaged file', async () => {
    await expectCode(
      engine.loadPretrained('mnist-gan' as PretrainedAssetName),
      'INVALID_INPUT',
      /no pretrained model called "mnist-gan"/,
    );
    await expectCode(engine.loadPretrained('mnist-judge'), 'INVALID_INPUT', /use classify/);
    await expectCode(engine.classify(new Float32Array(100)), 'INVALID_INPUT', /784 pixels, but got 100/);
    await expectCode(engine.classify(new Float32Array(784).fill(Number.NaN)), 'INVALID_INPUT', /finite/);
    const missing = new Engine({
      fetchAsset: (path) => (path.startsWith('pretrained/') ? Promise.reject(new Error('HTTP 404')) : readAsset(path)),
      weightsStore: new MemoryWeightsStore(),
    });
    await expectCode(
      missing.loadPretrained('mnist-ae-2d'),
      'WEIGHTS_NOT_FOUND',
      /"mnist-ae-2d" could not be loaded \(HTTP 404\)/,
    );
    const damaged = new Engine({
      fetchAsset: async (path) => {
        const bytes = await readAsset(path);
        if (path.endsWith('.bin') && path.startsWith('pretrained/')) new Uint8Array(bytes)[10] ^= 0xff;
        return bytes;
      },
      weightsStore: new MemoryWeightsStore(),
    });
    await expectCode(damaged.classify(new Float32Array(784)), 'WEIGHTS_NOT_FOUND', /does not match its description/);
  });

  it('the 2-D conditional VAE writes the digit its label asks for: each of 0–9 at the map centre (the judge reads it, ≥ 0.7)', async () => {
    const info = await engine.loadPretrained('mnist-cvae-2d');
    const labels = Uint8Array.from({ length: 10 }, (_, i) => i);
    const images = await engine.decode(info.modelId, new Float32Array(20), labels);
    const { probabilities } = await engine.classify(images);
    for (let d = 0; d < 10; d++) {
      expect(argmax(probabilities, d, 10), `label ${d}`).toBe(d);
      expect(probabilities[d * 10 + d], `label ${d}`).toBeGreaterThanOrEqual(0.7);
    }
  });
});
