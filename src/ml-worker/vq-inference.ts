/**
 * VQ-VAE calls on plain arrays: images to codebook indices, indices to images, and the codebook terms of a
 * held-out evaluation (quantisation error, entries used, perplexity over the whole split).
 */
import * as tf from '@tensorflow/tfjs';
import type { LossTerms } from '../shared/worker-api';
import { DEFAULT_COMMITMENT } from '../shared/vq';
import type { Autoencoder, Codebook } from './models/autoencoder';
import { codebookUse, entryCounts, lookup, meanSquared, type Quantized } from './models/vq';

const CHUNK = 512;

/** A fresh copy of a tensor's values; disposes it. */
async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return new Float32Array(await t.data<'float32'>());
  } finally {
    t.dispose();
  }
}

export function codebookOf(model: Autoencoder): Codebook {
  if (!model.codebook) throw new Error('not a VQ-VAE');
  return model.codebook;
}

/** Codebook index of every slot of every image: count × slots. */
export async function encodeCodes(model: Autoencoder, images: Float32Array): Promise<Uint16Array> {
  const { slots } = codebookOf(model);
  const size = model.inputSize;
  const count = images.length / size;
  const out = new Uint16Array(count * slots);
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const indices = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * size, (start + n) * size), [n, size]);
      return tf.cast((model.encode(x, null).vq as Quantized).indices, 'float32');
    });
    out.set(await readAndDispose(indices), start * slots);
  }
  return out;
}

/** The codebook vectors of `indices` (count × slots), decoded: count images. */
export async function decodeCodes(model: Autoencoder, indices: Uint16Array): Promise<Float32Array> {
  const { slots } = codebookOf(model);
  const count = indices.length / slots;
  const size = model.inputSize;
  const out = new Float32Array(count * size);
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const images = tf.tidy(() => {
      const idx = tf.tensor1d(Int32Array.from(indices.subarray(start * slots, (start + n) * slots)), 'int32');
      const codes = tf.reshape(lookup(codebookOf(model).vectors as tf.Tensor2D, idx), [n, model.latentSize]);
      return model.output(model.decodeLogits(codes as tf.Tensor2D, null));
    });
    out.set(await readAndDispose(images), start * size);
  }
  return out;
}

/** The codebook vectors of `indices` as codes (count × slots·D), e.g. for samples. */
export async function codesOf(model: Autoencoder, indices: Uint16Array): Promise<Float32Array> {
  const codebook = codebookOf(model);
  const idx = tf.tensor1d(Int32Array.from(indices), 'int32');
  try {
    return await readAndDispose(tf.tidy(() => lookup(codebook.vectors as tf.Tensor2D, idx)));
  } finally {
    idx.dispose();
  }
}

/** Adds the vqvae terms of `inputs` to held-out `terms` (whose total is the reconstruction so far). */
export async function addVqTerms(model: Autoencoder, inputs: Float32Array, terms: LossTerms): Promise<void> {
  const codebook = codebookOf(model);
  const size = model.inputSize;
  const count = inputs.length / size;
  const counts = new Float64Array(codebook.size);
  let squared = 0;
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const row = tf.tidy(() => {
      const x = tf.tensor2d(inputs.subarray(start * size, (start + n) * size), [n, size]);
      const q = model.encode(x, null).vq as Quantized;
      const sum = tf.mul(meanSquared(q.ze, q.selected), q.ze.size);
      return tf.concat([tf.reshape(sum, [1]), entryCounts(q.indices, codebook.size)]);
    });
    const values = await readAndDispose(row);
    squared += values[0];
    for (let k = 0; k < codebook.size; k++) counts[k] += values[k + 1];
  }
  const vq = squared / (count * model.latentSize);
  const use = codebookUse(counts);
  terms.vq = vq;
  terms.total += (1 + (model.spec.vq?.commitment ?? DEFAULT_COMMITMENT)) * vq;
  terms.codebookUsed = use.used;
  terms.perplexity = use.perplexity;
}
