import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { conv3x3, dense, pool2, upsample2 } from '../../src/ml-worker/models/layers';
import { createRng } from '../../src/shared/random';

// Our layers replace some tfjs kernels (gradients of matMul, conv2d, max-pool and nearest-neighbour resize) for
// speed and because tfjs 4.22's MaxPoolGrad on WASM and ResizeNearestNeighborGrad on CPU (batch > 1) are wrong.
// These checks compare values and gradients with plain-loop references on both Node backends.

const rng = createRng(42);
const randoms = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal());
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

// [batch, height, width, channels] = [2, 7, 5, 3]: odd sizes exercise the 'same' padding.
const [B, H, W, C] = [2, 7, 5, 3];
const x = randoms(B * H * W * C);
const at = (b: number, y: number, xx: number, c: number): number => ((b * H + y) * W + xx) * C + c;

function referencePool(dy: Float32Array): { y: Float32Array; dx: Float32Array } {
  const [H2, W2] = [Math.ceil(H / 2), Math.ceil(W / 2)];
  const y = new Float32Array(B * H2 * W2 * C);
  const dx = new Float32Array(x.length);
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < H2; oy++)
      for (let ox = 0; ox < W2; ox++)
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let arg = -1;
          for (let i = 0; i < 2; i++)
            for (let j = 0; j < 2; j++) {
              const [yy, xx] = [2 * oy + i, 2 * ox + j];
              if (yy < H && xx < W && x[at(b, yy, xx, c)] > best) [best, arg] = [x[at(b, yy, xx, c)], at(b, yy, xx, c)];
            }
          const o = ((b * H2 + oy) * W2 + ox) * C + c;
          y[o] = best;
          dx[arg] += dy[o];
        }
  return { y, dx };
}

function referenceUpsample(dy: Float32Array): { y: Float32Array; dx: Float32Array } {
  const y = new Float32Array(4 * x.length);
  const dx = new Float32Array(x.length);
  for (let b = 0; b < B; b++)
    for (let yy = 0; yy < 2 * H; yy++)
      for (let xx = 0; xx < 2 * W; xx++)
        for (let c = 0; c < C; c++) {
          const o = ((b * 2 * H + yy) * 2 * W + xx) * C + c;
          y[o] = x[at(b, yy >> 1, xx >> 1, c)];
          dx[at(b, yy >> 1, xx >> 1, c)] += dy[o];
        }
  return { y, dx };
}

/** Value and gradient of sum(f(x) * dy) with respect to x. */
function valueAndGrad(
  f: (t: tf.Tensor4D) => tf.Tensor,
  outShape: number[],
  dy: Float32Array,
): { y: Float32Array; dx: Float32Array } {
  return tf.tidy(() => {
    const input = tf.tensor4d(x, [B, H, W, C]);
    const dyT = tf.tensor(dy, outShape);
    const dx = tf.grad((t) => tf.sum(tf.mul(f(t as tf.Tensor4D), dyT)))(input);
    return { y: f(input).dataSync() as Float32Array, dx: dx.dataSync() as Float32Array };
  });
}

// Fixed inputs for the conv and dense gradient comparison.
const conv = { kernel: randoms(9 * C * 4), bias: randoms(4), target: randoms(B * H * W * 4) };
const lin = { x: randoms(6 * 5), w: randoms(5 * 4), target: randoms(6 * 4) };

/** Gradients (input, kernel, bias) of a relu conv3x3 and a sigmoid dense layer, ours or tfjs' own. */
function layerGrads(impl: 'ours' | 'tfjs'): Float32Array[] {
  return tf.tidy(() => {
    const input = tf.tensor4d(x, [B, H, W, C]);
    const kernel = tf.tensor4d(conv.kernel, [3, 3, C, 4]);
    const bias = tf.tensor1d(conv.bias);
    const target = tf.tensor(conv.target, [B, H, W, 4]);
    const convF = (i: tf.Tensor, k: tf.Tensor, b: tf.Tensor): tf.Tensor =>
      impl === 'ours'
        ? conv3x3(i as tf.Tensor4D, { kernel: k, bias: b, activation: 'relu' })
        : tf.relu(tf.add(tf.conv2d(i as tf.Tensor4D, k as tf.Tensor4D, 1, 'same'), b));
    const x2 = tf.tensor2d(lin.x, [6, 5]);
    const w2 = tf.tensor2d(lin.w, [5, 4]);
    const t2 = tf.tensor2d(lin.target, [6, 4]);
    const denseF = (a: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor =>
      impl === 'ours'
        ? dense(a as tf.Tensor2D, { kernel: w, bias: b, activation: 'sigmoid' })
        : tf.sigmoid(tf.add(tf.matMul(a as tf.Tensor2D, w as tf.Tensor2D), b));
    const gc = tf.grads((i, k, b) => tf.sum(tf.mul(convF(i, k, b), target)))([input, kernel, bias]);
    const gd = tf.grads((a, w, b) => tf.sum(tf.mul(denseF(a, w, b), t2)))([x2, w2, bias]);
    return [...gc, ...gd].map((g) => g.dataSync() as Float32Array);
  });
}

describe.each(['cpu', 'wasm'])('layers on the %s backend', (backend) => {
  it('pool2 is 2x2 max pooling with "same" padding, with the right gradient', async () => {
    await tf.setBackend(backend);
    const shape = [B, Math.ceil(H / 2), Math.ceil(W / 2), C];
    const dy = randoms(shape.reduce((a, b) => a * b));
    const ours = valueAndGrad(pool2, shape, dy);
    const ref = referencePool(dy);
    expect(maxDiff(ours.y, ref.y)).toBe(0);
    expect(maxDiff(ours.dx, ref.dx)).toBeLessThan(1e-6);
  });

  it('upsample2 repeats every pixel 2x2, with the right gradient', async () => {
    await tf.setBackend(backend);
    const shape = [B, 2 * H, 2 * W, C];
    const dy = randoms(4 * x.length);
    const ours = valueAndGrad(upsample2, shape, dy);
    const ref = referenceUpsample(dy);
    expect(maxDiff(ours.y, ref.y)).toBe(0);
    expect(maxDiff(ours.dx, ref.dx)).toBeLessThan(1e-5);
  });

  it('conv3x3 and dense gradients match tf.conv2d and tf.matMul with tfjs gradients (computed on CPU)', async () => {
    await tf.setBackend('cpu');
    const theirs = layerGrads('tfjs');
    await tf.setBackend(backend);
    const ours = layerGrads('ours');
    ours.forEach((g, i) => expect(maxDiff(g, theirs[i])).toBeLessThan(1e-4));
  });
});
