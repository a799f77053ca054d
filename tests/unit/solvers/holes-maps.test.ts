/**
 * Holes in the map's two maps on the shipped assets, measured as the level draws them (tools/solver/world3/
 * holes-share.ts, 40x40 cells over each map's code box): the plain AE's map leaves far more of its square with
 * no digit's code near (gaps) than the VAE's, whose KL term packs the codes around N(0, I). The judge's holes
 * (decodes under the level's bar) are measured too, and are thin lines between classes on both maps.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { HOLES_NON_DIGIT } from '../../../src/shared/levels/world3-latent-map';
import { solverEngine } from '../../../tools/solver/node-engine';
import { mapShares } from '../../../tools/solver/world3/holes-share';

let engine: Engine;

describe("Holes in the map: the AE's and the VAE's maps", () => {
  beforeAll(async () => {
    engine = await solverEngine();
  });

  it("the plain AE's map has at least 2.5x the VAE's gaps; both have some judge holes; no tensor leaks", async () => {
    await engine.loadPretrained('mnist-ae-2d');
    await engine.loadPretrained('mnist-vae-2d');
    await engine.classify(new Float32Array(784));
    const before = tf.memory().numTensors;
    const opts = { bar: HOLES_NON_DIGIT, radius: 0.075 };
    const ae = await mapShares(engine, 'mnist-ae-2d', opts);
    const vae = await mapShares(engine, 'mnist-vae-2d', opts);
    expect(tf.memory().numTensors).toBe(before);
    expect(ae.gaps).toBeGreaterThanOrEqual(2.5 * vae.gaps);
    expect(ae.gaps).toBeGreaterThan(0.15);
    for (const m of [ae, vae]) {
      expect(m.holes).toBeGreaterThan(0.01);
      expect(m.holes).toBeLessThan(0.2);
    }
  }, 120_000);
});
