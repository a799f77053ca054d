/**
 * encodeDistribution: a VAE's q(z|x) = N(μ, σ²) for each image (Navigator's ellipse), on the real WASM engine.
 * μ is exactly what encode() returns; σ is a spread narrower than the prior's; a plain AE has no σ; no tensor leaks.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { expectCode, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

describe('encodeDistribution', () => {
  it("returns the VAE's μ (as encode does) and log σ² per image, leaking no tensor", async () => {
    const vae = await engine.loadPretrained('mnist-vae-2d');
    const batch = await engine.getImages('mnist', 'test', 0, 5);
    const before = tf.memory().numTensors;
    const { mu, logVar } = await engine.encodeDistribution(vae.modelId, batch.images.slice());
    expect(tf.memory().numTensors).toBe(before);
    expect(mu).toHaveLength(10);
    expect(logVar).toHaveLength(10);
    const plain = await engine.encode(vae.modelId, batch.images.slice());
    expect(Array.from(mu)).toEqual(Array.from(plain));
    for (const v of logVar) {
      const sigma = Math.exp(v / 2);
      // A trained encoder is surer than the prior N(0, I), yet never a point.
      expect(sigma).toBeGreaterThan(0.005);
      expect(sigma).toBeLessThan(1);
    }
    // Different digits, different spreads: σ comes from the image, not a constant.
    expect(new Set(Array.from(logVar, (v) => v.toFixed(3))).size).toBeGreaterThan(1);
  });

  it('refuses a plain autoencoder (no σ) with INVALID_INPUT', async () => {
    const ae = await engine.loadPretrained('mnist-ae-2d');
    const batch = await engine.getImages('mnist', 'test', 0, 1);
    await expectCode(engine.encodeDistribution(ae.modelId, batch.images.slice()), 'INVALID_INPUT', /σ/);
  });
});
