import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { objective } from '../../src/ml-worker/losses';
import { buildAutoencoder } from '../../src/ml-worker/models/autoencoder';
import { glyphSet } from '../../src/shared/glyphs';
import type { ModelSpec } from '../../src/shared/worker-api';

// The VQ-VAE objective's gradient, from tfjs through our straight-through op and stop-gradients, against a plain
// loop written from the definitions (van den Oord et al. 2017) for a tiny model: a linear encoder (35 -> 2 slots
// of 2 numbers), a codebook of 5 vectors, a sigmoid decoder (4 -> 35), MSE.
//   loss = mean (sigmoid(zq Wd + bd) - x)^2 + mean (sg[ze] - zq)^2 + beta * mean (ze - sg[zq])^2,  ze = x We + be
//   d loss / d ze = d recon / d zq (copied straight through) + beta * 2 (ze - zq) / M
//   d loss / d e_k = sum over code vectors i that chose k of 2 (e_k - ze_i) / M

const [SLOTS, DIM, K] = [2, 2, 5];
const LATENT = SLOTS * DIM;
const glyphs = glyphSet();
const B = 6;
const P = glyphs.width * glyphs.height;
const x = glyphs.images.slice(0, B * P);

function tinySpec(commitment: number): ModelSpec {
  return {
    kind: 'vqvae',
    dataset: 'glyphs',
    hidden: [],
    bottleneck: LATENT,
    activation: 'relu',
    seed: 5,
    vq: { codebookSize: K, slots: SLOTS, codeDim: DIM, commitment },
  };
}

type Arrays = Record<string, Float64Array>;

/** Loss and gradients of every weight, by hand, in float64 loops. */
function reference(w: Arrays, beta: number): { loss: number; grads: Arrays; indices: number[] } {
  const [We, be, C, Wd, bd] = [
    w['encoder/code/kernel'],
    w['encoder/code/bias'],
    w.codebook,
    w['decoder/output/kernel'],
    w['decoder/output/bias'],
  ];
  const ze = new Float64Array(B * LATENT);
  for (let b = 0; b < B; b++)
    for (let j = 0; j < LATENT; j++) {
      let s = be[j];
      for (let i = 0; i < P; i++) s += x[b * P + i] * We[i * LATENT + j];
      ze[b * LATENT + j] = s;
    }
  const indices: number[] = [];
  const zq = new Float64Array(B * LATENT);
  for (let v = 0; v < B * SLOTS; v++) {
    let best = Infinity;
    let arg = -1;
    for (let k = 0; k < K; k++) {
      let d = 0;
      for (let c = 0; c < DIM; c++) d += (ze[v * DIM + c] - C[k * DIM + c]) ** 2;
      if (d < best) [best, arg] = [d, k];
    }
    indices.push(arg);
    for (let c = 0; c < DIM; c++) zq[v * DIM + c] = C[arg * DIM + c];
  }
  const N = B * P;
  const M = B * LATENT;
  let recon = 0;
  const dlog = new Float64Array(N);
  for (let b = 0; b < B; b++)
    for (let p = 0; p < P; p++) {
      let s = bd[p];
      for (let j = 0; j < LATENT; j++) s += zq[b * LATENT + j] * Wd[j * P + p];
      const out = 1 / (1 + Math.exp(-s));
      const err = out - x[b * P + p];
      recon += (err * err) / N;
      dlog[b * P + p] = ((2 * err) / N) * out * (1 - out);
    }
  let vq = 0;
  for (let m = 0; m < M; m++) vq += (ze[m] - zq[m]) ** 2 / M;
  const g: Arrays = {
    'encoder/code/kernel': new Float64Array(We.length),
    'encoder/code/bias': new Float64Array(be.length),
    codebook: new Float64Array(C.length),
    'decoder/output/kernel': new Float64Array(Wd.length),
    'decoder/output/bias': new Float64Array(bd.length),
  };
  const dze = new Float64Array(M);
  for (let b = 0; b < B; b++)
    for (let p = 0; p < P; p++) {
      const d = dlog[b * P + p];
      g['decoder/output/bias'][p] += d;
      for (let j = 0; j < LATENT; j++) {
        g['decoder/output/kernel'][j * P + p] += zq[b * LATENT + j] * d;
        dze[b * LATENT + j] += d * Wd[j * P + p]; // the decoder's gradient at zq, copied to ze
      }
    }
  for (let m = 0; m < M; m++) dze[m] += (beta * 2 * (ze[m] - zq[m])) / M;
  for (let b = 0; b < B; b++)
    for (let j = 0; j < LATENT; j++) {
      g['encoder/code/bias'][j] += dze[b * LATENT + j];
      for (let i = 0; i < P; i++) g['encoder/code/kernel'][i * LATENT + j] += x[b * P + i] * dze[b * LATENT + j];
    }
  indices.forEach((k, v) => {
    for (let c = 0; c < DIM; c++) g.codebook[k * DIM + c] += (2 * (C[k * DIM + c] - ze[v * DIM + c])) / M;
  });
  return { loss: recon + vq + beta * vq, grads: g, indices };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const maxAbs = (a: ArrayLike<number>): number => maxDiff(a, new Float64Array(a.length));

describe.each(['cpu', 'wasm'])('VQ-VAE gradient on the %s backend', (backend) => {
  it.each([0, 0.25])('matches the reference loop (commitment weight %s)', async (beta) => {
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    const model = buildAutoencoder(tinySpec(beta), { width: glyphs.width, height: glyphs.height, classes: 1 });
    const weights: Arrays = {};
    for (const w of model.weights) weights[w.name] = Float64Array.from(w.variable.dataSync());
    const ref = reference(weights, beta);

    const vars = model.weights.map((w) => w.variable);
    const ours = tf.tidy(() => {
      const input = tf.tensor2d(x, [B, P]);
      const { value, grads } = tf.variableGrads(
        () => objective(model, input, input, null, { loss: 'mse', epsSeed: 0, report: false }).total,
        vars,
      );
      const indices = model.encode(input, null).vq?.indices.dataSync() ?? [];
      return {
        loss: value.dataSync()[0],
        indices: Array.from(indices),
        grads: model.weights.map((w) => Float32Array.from(grads[w.variable.name].dataSync())),
      };
    });
    expect(ours.indices).toEqual(ref.indices);
    // More than one codebook entry is chosen, so the codebook gradient is not trivially one row.
    expect(new Set(ref.indices).size).toBeGreaterThan(1);
    expect(ours.loss).toBeCloseTo(ref.loss, 5);
    model.weights.forEach((w, i) => {
      const want = ref.grads[w.name];
      expect(maxAbs(want), w.name).toBeGreaterThan(1e-4);
      expect(maxDiff(ours.grads[i], want), w.name).toBeLessThan(1e-5 * Math.max(1, maxAbs(want)));
    });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
