/**
 * The fused decoder (src/ml-worker/fast-decode.ts) that decode / latentGrid / sample use for dense decoders gives
 * the numbers of the model's own forward pass (`referenceDecode`, what training runs): on the pretrained 2-D VAE
 * on WASM (the game's backend) and on every dense kind and hidden activation; conv keeps the reference path.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { fusedDecoder } from '../../src/ml-worker/fast-decode';
import { referenceDecode } from '../../src/ml-worker/inference';
import { buildAutoencoder, type Autoencoder } from '../../src/ml-worker/models/autoencoder';
import type { ModelKind, ModelSpec } from '../../src/shared/worker-api';
import { config, spec, specOfEveryKind, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

/** A second copy of engine model `modelId`, built from its spec and exported weights (the reference side). */
async function referenceModel(modelId: string): Promise<Autoencoder> {
  const exported = await engine.exportWeights(modelId);
  const info = await engine.loadDataset(exported.spec.dataset);
  const model = buildAutoencoder(exported.spec, info);
  let at = 0;
  exported.tensors.forEach((t, i) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    expect(model.weights[i].name).toBe(t.name);
    model.weights[i].variable.assign(tf.tensor(exported.data.subarray(at, at + size), t.shape));
    at += size;
  });
  return model;
}

function referenceImages(model: Autoencoder, codes: Float32Array, labels?: Uint8Array): Float32Array {
  const y = tf.tidy(() => {
    const z = tf.tensor2d(codes, [codes.length / model.latentSize, model.latentSize]);
    const oneHot = labels ? tf.oneHot(tf.tensor1d(labels, 'int32'), model.classes).toFloat() : null;
    return referenceDecode(model, z, oneHot as tf.Tensor2D | null);
  });
  const values = y.dataSync() as Float32Array;
  y.dispose();
  return values;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** The codes of a 20x20 grid over [-3, 3]², row-major from (xMin, yMax), as latentGrid builds them. */
function gridCodes(n: number): Float32Array {
  const codes = new Float32Array(n * n * 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      codes[(r * n + c) * 2] = -3 + (6 * c) / (n - 1);
      codes[(r * n + c) * 2 + 1] = 3 - (6 * r) / (n - 1);
    }
  return codes;
}

const FUSED_KINDS: ModelKind[] = ['dense', 'denoising', 'vae', 'cvae', 'sparse', 'ksparse'];

describe('fused decoder', () => {
  it('the pretrained 2-D VAE: a 20x20 latentGrid and one point equal the reference decode within 1e-5', async () => {
    const { modelId } = await engine.loadPretrained('mnist-vae-2d');
    const reference = await referenceModel(modelId);
    expect(fusedDecoder(reference)).not.toBeNull();
    const before = tf.memory().numTensors;
    const grid = await engine.latentGrid(modelId, { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, 20);
    const point = await engine.decode(modelId, Float32Array.from([0.4, -1.2]));
    expect(tf.memory().numTensors).toBe(before);
    expect(grid.length).toBe(400 * 784);
    expect(maxAbsDiff(grid, referenceImages(reference, gridCodes(20)))).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(point, referenceImages(reference, Float32Array.from([0.4, -1.2])))).toBeLessThanOrEqual(1e-5);
    // Not a vacuous comparison: the images vary across the map.
    expect(maxAbsDiff(grid.subarray(0, 784), grid.subarray(399 * 784))).toBeGreaterThan(0.1);
    reference.dispose();
  });

  const variants: ModelSpec[] = [
    ...specOfEveryKind(),
    spec({ hidden: [16, 12], activation: 'tanh' }),
    spec({ hidden: [16], activation: 'elu' }),
    spec({ hidden: [16], activation: 'sigmoid' }),
    spec({ hidden: [], bottleneck: 4, linear: true, activation: 'linear' }),
  ];
  it.each(variants.map((s) => [`${s.kind} ${s.activation}${s.linear ? ' linear' : ''}`, s] as const))(
    '%s (trained a little): decode equals the reference within 1e-5, fused where the kind allows',
    async (_name, s) => {
      const { modelId, latentSize } = await engine.createModel(s);
      await engine.train(modelId, config({ steps: 20, learningRate: 0.05 }));
      const reference = await referenceModel(modelId);
      // conv and vqvae (and any kind added later) keep the model's own forward pass.
      expect(fusedDecoder(reference) !== null).toBe(FUSED_KINDS.includes(s.kind));
      const codes = Float32Array.from({ length: 7 * latentSize }, (_, i) => Math.sin(i * 1.7) * 2);
      const labels = s.kind === 'cvae' ? Uint8Array.from({ length: 7 }, (_, i) => (i * 5) % 26) : undefined;
      const before = tf.memory().numTensors;
      const images = await engine.decode(modelId, codes, labels);
      expect(tf.memory().numTensors).toBe(before);
      expect(maxAbsDiff(images, referenceImages(reference, codes, labels))).toBeLessThanOrEqual(1e-5);
      reference.dispose();
      await engine.disposeModel(modelId);
    },
  );
});
