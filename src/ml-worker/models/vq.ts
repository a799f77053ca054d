/**
 * VQ-VAE pieces (van den Oord et al. 2017): the seeded codebook, nearest-vector quantisation with the
 * straight-through gradient, the codebook and commitment losses, and the codebook's use.
 */
import * as tf from '@tensorflow/tfjs';
import { straightThrough } from './gradient';

export interface Quantized {
  /** The codebook vectors the decoder sees, [batch, slots·D], with the straight-through gradient to `ze`. */
  code: tf.Tensor2D;
  /** The encoder's output z_e, [batch, slots·D]. */
  ze: tf.Tensor2D;
  /** The chosen codebook vectors e, [batch, slots·D], differentiable with respect to the codebook. */
  selected: tf.Tensor2D;
  /** Index of each slot's nearest codebook vector, int32 [batch·slots], row-major (image, then slot). */
  indices: tf.Tensor1D;
}

/** Squared distances [n, K] from each row of `z` [n, D] to each codebook vector [K, D]. */
function squaredDistances(z: tf.Tensor2D, codebook: tf.Tensor2D): tf.Tensor2D {
  const zz = tf.sum(tf.square(z), 1, true);
  const ee = tf.reshape(tf.sum(tf.square(codebook), 1), [1, -1]);
  // An explicit transpose: WASM's matMul with a transpose flag is ~15x slower (README, dense layers).
  return tf.add(tf.sub(zz, tf.mul(2, tf.matMul(z, tf.transpose(codebook)))), ee) as tf.Tensor2D;
}

/** one-hot [n, K] @ codebook [K, D]; the codebook's gradient oneHotᵀ @ dy with an explicit transpose (WASM). */
const lookupOp = tf.customGrad((oneHotArg, codebookArg, saveArg) => {
  const oneHot = oneHotArg as tf.Tensor2D;
  (saveArg as tf.GradSaveFunc)([oneHot]);
  return {
    value: tf.matMul(oneHot, codebookArg as tf.Tensor2D),
    gradFunc: (dy, saved) => {
      const [rows] = saved as [tf.Tensor2D];
      return [tf.zerosLike(rows), tf.matMul(tf.transpose(rows), dy as tf.Tensor2D)];
    },
  };
});

/**
 * Index of the nearest codebook vector of each row. The choice has no gradient; as one op its distances stay
 * off the gradient tape (as plain ops, backprop would push zeros through the whole [n, K] distance matrix).
 */
const nearestOp = tf.customGrad((zArg, codebookArg, saveArg) => {
  const [z, codebook] = [zArg as tf.Tensor2D, codebookArg as tf.Tensor2D];
  (saveArg as tf.GradSaveFunc)([z, codebook]);
  return {
    value: tf.argMin(squaredDistances(z, codebook), 1),
    gradFunc: (_dy, saved) => saved.map((t) => tf.zerosLike(t)),
  };
});

/** The codebook vectors of `indices` (int32 [n]) as [n, D]; a one-hot product, so its gradient is a matMul. */
export function lookup(codebook: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  const oneHot = tf.cast(tf.oneHot(indices, codebook.shape[0]), 'float32') as tf.Tensor2D;
  return lookupOp(oneHot, codebook) as tf.Tensor2D;
}

/** Replaces each of the `slots` code vectors in every row of `ze` by its nearest codebook vector (first on ties). */
export function quantize(ze: tf.Tensor2D, codebook: tf.Tensor2D, slots: number): Quantized {
  const [batch, width] = ze.shape;
  const dim = width / slots;
  const flat = tf.reshape(ze, [batch * slots, dim]) as tf.Tensor2D;
  const indices = nearestOp(flat, codebook) as tf.Tensor1D;
  const selected = tf.reshape(lookup(codebook, indices), [batch, width]) as tf.Tensor2D;
  return { code: straightThrough(ze, selected), ze, selected, indices };
}

/** Mean over all numbers of (a − b)²: the VQ terms are per number, like the per-pixel reconstruction. */
export function meanSquared(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  return tf.mean(tf.squaredDifference(a, b)) as tf.Scalar;
}

/** How often each of the K entries was chosen, float32 [K]. */
export function entryCounts(indices: tf.Tensor1D, codebookSize: number): tf.Tensor1D {
  return tf.sum(tf.oneHot(indices, codebookSize), 0).toFloat() as tf.Tensor1D;
}

/** Entries used (count > 0) and the perplexity exp(−Σ p log p) of their use, from counts (CPU, any length). */
export function codebookUse(counts: ArrayLike<number>): { used: number; perplexity: number } {
  let total = 0;
  let used = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (counts[k] > 0) used++;
  }
  let entropy = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) {
      const p = counts[k] / total;
      entropy -= p * Math.log(p);
    }
  }
  return { used, perplexity: total > 0 ? Math.exp(entropy) : 0 };
}

/** The same two figures as tensors (reported during training without an extra read-back): [used, perplexity]. */
export function codebookUseTensors(indices: tf.Tensor1D, codebookSize: number): [tf.Scalar, tf.Scalar] {
  const counts = entryCounts(indices, codebookSize);
  const used = tf.sum(tf.cast(tf.greater(counts, 0), 'float32')) as tf.Scalar;
  const p = tf.div(counts, tf.sum(counts));
  const plogp = tf.where(tf.greater(p, 0), tf.mul(p, tf.log(tf.maximum(p, 1e-30))), tf.zerosLike(p));
  return [used, tf.exp(tf.neg(tf.sum(plogp))) as tf.Scalar];
}
