/**
 * The training objective of every model kind, as tensors (inside the caller's tidy):
 *   total = reconstruction + beta * KL / pixels (vae, cvae) + weight * sparsity (sparse)
 *         + ‖sg[z_e] − e‖² + β_commit · ‖z_e − sg[e]‖² (vqvae: codebook and commitment losses, per number).
 * Reconstruction is the per-pixel mean MSE or BCE, so beta = 1 is the ELBO scaled by 1/pixels.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../shared/worker-api';
import type { Autoencoder } from './models/autoencoder';
import { DEFAULT_COMMITMENT } from '../shared/vq';
import { stopGradient } from './models/gradient';
import { klSparsity } from './models/sparse';
import { klPerSample, reparameterise } from './models/vae';
import { codebookUseTensors, meanSquared } from './models/vq';

const BCE_EPS = 1e-7;

export interface LossTensors {
  total: tf.Scalar;
  reconstruction: tf.Scalar;
  mse: tf.Scalar;
  kl?: tf.Scalar;
  sparsity?: tf.Scalar;
  /** vqvae: ‖z_e − e‖² per number, and (when reporting) the entries used and their perplexity in the batch. */
  vq?: tf.Scalar;
  codebookUsed?: tf.Scalar;
  perplexity?: tf.Scalar;
}

/** Per-sample mean BCE over pixels, shape [batch]; from logits (stable) unless the model is linear (clipped). */
export function bcePerSample(
  model: Autoencoder,
  logits: tf.Tensor2D,
  output: tf.Tensor2D,
  target: tf.Tensor2D,
): tf.Tensor1D {
  if (model.linearOutput) {
    const p = tf.clipByValue(output, BCE_EPS, 1 - BCE_EPS);
    const ll = tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(ll, 1)) as tf.Tensor1D;
  }
  // max(l, 0) - l * y + log(1 + exp(-|l|))
  const terms = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  return tf.mean(terms, 1) as tf.Tensor1D;
}

export function msePerSample(output: tf.Tensor2D, target: tf.Tensor2D): tf.Tensor1D {
  return tf.mean(tf.squaredDifference(output, target), 1) as tf.Tensor1D;
}

export interface ObjectiveOptions {
  loss: LossName;
  /** Seed of the VAE's epsilon for this step. */
  epsSeed: number;
  /** Also compute the terms that are only reported (mse when training on BCE). */
  report: boolean;
}

export function objective(
  model: Autoencoder,
  input: tf.Tensor2D,
  target: tf.Tensor2D,
  oneHot: tf.Tensor2D | null,
  opts: ObjectiveOptions,
): LossTensors {
  const { spec } = model;
  const enc = model.encode(input, oneHot);
  let z = enc.logvar ? reparameterise(enc.code, enc.logvar, opts.epsSeed) : enc.code;
  // Without the trick the sample is a constant: reconstruction gradients stop at z, only the KL reaches mu, sigma.
  if (enc.logvar && spec.reparameterize === false) z = stopGradient(z);
  const logits = model.decodeLogits(z, oneHot);
  const output = model.output(logits);
  const mse = opts.loss === 'mse' || opts.report ? (tf.mean(msePerSample(output, target)) as tf.Scalar) : undefined;
  const reconstruction: tf.Scalar =
    mse && opts.loss === 'mse' ? mse : tf.mean(bcePerSample(model, logits, output, target));
  let total = reconstruction;
  let kl: tf.Scalar | undefined;
  let sparsity: tf.Scalar | undefined;
  if (enc.logvar) {
    kl = tf.mean(klPerSample(enc.code, enc.logvar)) as tf.Scalar;
    total = tf.add(total, tf.mul(kl, (spec.beta ?? 1) / model.inputSize)) as tf.Scalar;
  }
  if (spec.kind === 'sparse' && spec.sparsity) {
    sparsity = klSparsity(enc.code, spec.sparsity.rho);
    total = tf.add(total, tf.mul(sparsity, spec.sparsity.weight)) as tf.Scalar;
  }
  const terms: LossTensors = { total, reconstruction, mse: mse ?? reconstruction, kl, sparsity };
  if (enc.vq && model.codebook) {
    const { ze, selected, indices } = enc.vq;
    const codebookLoss = meanSquared(stopGradient(ze), selected);
    const commitment = meanSquared(ze, stopGradient(selected));
    const beta = spec.vq?.commitment ?? DEFAULT_COMMITMENT;
    terms.total = tf.add(terms.total, tf.add(codebookLoss, tf.mul(commitment, beta))) as tf.Scalar;
    terms.vq = codebookLoss;
    if (opts.report) [terms.codebookUsed, terms.perplexity] = codebookUseTensors(indices, model.codebook.size);
  }
  return terms;
}

/** Term order of `stackTerms`: total, reconstruction, mse, kl, sparsity, vq, codebookUsed, perplexity (0 when absent). */
export function stackTerms(t: LossTensors): tf.Tensor1D {
  const zero = tf.scalar(0);
  const optional = [t.kl, t.sparsity, t.vq, t.codebookUsed, t.perplexity].map((v) => v ?? zero);
  return tf.stack([t.total, t.reconstruction, t.mse, ...optional]) as tf.Tensor1D;
}
