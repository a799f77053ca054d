/**
 * Forward passes on plain arrays: reconstruct, encode (mu for VAEs), decode, and held-out evaluation. Inputs
 * are processed in chunks inside tf.tidy; results are fresh Float32Arrays the caller may transfer.
 */
import * as tf from '@tensorflow/tfjs';
import { corruptSliced } from '../shared/noise';
import { yieldToEventLoop } from '../shared/yield';
import type { LossName, LossTerms } from '../shared/worker-api';
import { decodeFused, fusedDecoder } from './fast-decode';
import { bcePerSample, msePerSample } from './losses';
import type { Autoencoder } from './models/autoencoder';
import { oneHotLabels } from './models/cvae';
import { hasNoise } from './models/denoising';
import { klSparsityFromMeans } from './models/sparse';
import { klPerSample } from './models/vae';
import { addVqTerms } from './vq-inference';

const CHUNK = 512;
/** Fixed corruption seed of evaluation, so held-out scores of denoising models are comparable run to run. */
export const EVAL_NOISE_SEED = 0x5eed;

/**
 * Reads a tensor into a fresh array and disposes it. WASM's read is already a fresh copy of its heap; the CPU
 * backend would hand out its own buffer, so other backends copy.
 */
export async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    const data = await t.data<'float32'>();
    return tf.getBackend() === 'wasm' && data instanceof Float32Array ? data : new Float32Array(data);
  } finally {
    t.dispose();
  }
}

function labelsOneHot(
  model: Autoencoder,
  labels: Uint8Array | undefined,
  start: number,
  n: number,
): tf.Tensor2D | null {
  if (!model.conditional || !labels) return null;
  return oneHotLabels(tf.tensor1d(labels.subarray(start, start + n), 'int32'), model.classes);
}

/** Runs `fn` over row chunks of `rows` (each `inWidth` wide) and gathers its `outWidth`-wide outputs. */
async function chunked(
  rows: Float32Array,
  inWidth: number,
  outWidth: number,
  fn: (x: tf.Tensor2D, start: number, n: number) => tf.Tensor2D,
): Promise<Float32Array> {
  const count = rows.length / inWidth;
  const run = (start: number, n: number): Promise<Float32Array> =>
    readAndDispose(
      tf.tidy(() => fn(tf.tensor2d(rows.subarray(start * inWidth, (start + n) * inWidth), [n, inWidth]), start, n)),
    );
  // One chunk (a 20x20 grid, a point): its array is the result, no second copy.
  if (count <= CHUNK) return run(0, count);
  const out = new Float32Array(count * outWidth);
  for (let start = 0; start < count; start += CHUNK) {
    // Other calls (a pause, the game's probes) are answered between chunks, not after the whole batch.
    if (start > 0) await yieldToEventLoop();
    out.set(await run(start, Math.min(CHUNK, count - start)), start * outWidth);
  }
  return out;
}

export function reconstruct(model: Autoencoder, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
  return chunked(images, model.inputSize, model.inputSize, (x, start, n) => {
    const oneHot = labelsOneHot(model, labels, start, n);
    return model.output(model.decodeLogits(model.encode(x, oneHot).code, oneHot));
  });
}

export function encode(model: Autoencoder, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
  return chunked(
    images,
    model.inputSize,
    model.latentSize,
    (x, start, n) => model.encode(x, labelsOneHot(model, labels, start, n)).code,
  );
}

/**
 * μ and log σ² of a VAE's q(z|x) for each image, one chunked pass (both halves read from one tensor), in tf.tidy.
 * The caller checks the model is variational.
 */
export async function encodeDistribution(
  model: Autoencoder,
  images: Float32Array,
  labels?: Uint8Array,
): Promise<{ mu: Float32Array; logVar: Float32Array }> {
  const d = model.latentSize;
  const both = await chunked(images, model.inputSize, 2 * d, (x, start, n) => {
    const enc = model.encode(x, labelsOneHot(model, labels, start, n));
    return tf.concat([enc.code, enc.logvar ?? tf.zerosLike(enc.code)], 1);
  });
  const count = both.length / (2 * d);
  const mu = new Float32Array(count * d);
  const logVar = new Float32Array(count * d);
  for (let i = 0; i < count; i++) {
    mu.set(both.subarray(2 * d * i, 2 * d * i + d), d * i);
    logVar.set(both.subarray(2 * d * i + d, 2 * d * (i + 1)), d * i);
  }
  return { mu, logVar };
}

/** Images of `codes`: through the fused decoder of a dense model (`fast-decode.ts`), else the model's forward pass. */
export function decode(model: Autoencoder, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
  const fused = fusedDecoder(model);
  return chunked(codes, model.latentSize, model.inputSize, (z, start, n) => {
    const oneHot = labelsOneHot(model, labels, start, n);
    return fused ? decodeFused(fused, z, oneHot) : referenceDecode(model, z, oneHot);
  });
}

/** The model's own forward pass (what training uses): the reference the fused decoder is tested against. */
export function referenceDecode(model: Autoencoder, z: tf.Tensor2D, oneHot: tf.Tensor2D | null): tf.Tensor2D {
  return model.output(model.decodeLogits(z, oneHot));
}

/**
 * Held-out loss terms: reconstruction from the mean code (no sampling, so it is deterministic), exact KL, the
 * sparsity penalty from the split's mean activations, the VQ terms and codebook use over the whole split;
 * denoising models see inputs corrupted with a fixed seed.
 */
export async function evaluate(
  model: Autoencoder,
  images: Float32Array,
  labels: Uint8Array,
  loss: LossName,
): Promise<LossTerms> {
  const { spec } = model;
  const size = model.inputSize;
  const count = images.length / size;
  // Sliced, like the chunks below: 1,000 noisy digits were ~47 ms of the worker not answering anything.
  const inputs = hasNoise(spec.noise)
    ? await corruptSliced(images, { width: model.width, height: model.height }, spec.noise, EVAL_NOISE_SEED)
    : images;
  const sparse = spec.kind === 'sparse';
  const width = 3 + (sparse ? model.latentSize : 0);
  const sums = new Float64Array(width);
  for (let start = 0; start < count; start += CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const n = Math.min(CHUNK, count - start);
    const row = tf.tidy(() => {
      const x = tf.tensor2d(inputs.subarray(start * size, (start + n) * size), [n, size]);
      const target = inputs === images ? x : tf.tensor2d(images.subarray(start * size, (start + n) * size), [n, size]);
      const oneHot = labelsOneHot(model, labels, start, n);
      const enc = model.encode(x, oneHot);
      const logits = model.decodeLogits(enc.code, oneHot);
      const output = model.output(logits);
      const mse = msePerSample(output, target);
      const recon = loss === 'mse' ? mse : bcePerSample(model, logits, output, target);
      const kl = enc.logvar ? tf.sum(klPerSample(enc.code, enc.logvar)) : tf.scalar(0);
      const parts = [tf.stack([tf.sum(recon), tf.sum(mse), kl])];
      if (sparse) parts.push(tf.sum(enc.code, 0));
      return tf.concat(parts);
    });
    const values = await readAndDispose(row);
    for (let i = 0; i < width; i++) sums[i] += values[i];
  }
  const reconstruction = sums[0] / count;
  const terms: LossTerms = { total: reconstruction, reconstruction, mse: sums[1] / count };
  if (model.variational) {
    terms.kl = sums[2] / count;
    terms.total += ((spec.beta ?? 1) * terms.kl) / size;
  }
  if (sparse && spec.sparsity) {
    const means = Float32Array.from(sums.subarray(3), (s) => s / count);
    terms.sparsity = klSparsityFromMeans(means, spec.sparsity.rho);
    terms.total += spec.sparsity.weight * terms.sparsity;
  }
  if (model.codebook) await addVqTerms(model, inputs, terms);
  return terms;
}
