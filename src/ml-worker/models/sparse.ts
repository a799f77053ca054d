/** Sparse AE penalty: sum over code units j of KL(rho || rho_hat_j), rho_hat_j the unit's mean activation. */
import * as tf from '@tensorflow/tfjs';

const EPS = 1e-6;

/** `code` must be in (0, 1) (a sigmoid code); returns a scalar. */
export function klSparsity(code: tf.Tensor2D, rho: number): tf.Scalar {
  const rhoHat = tf.clipByValue(tf.mean(code, 0), EPS, 1 - EPS);
  const a = tf.mul(rho, tf.log(tf.div(rho, rhoHat)));
  const b = tf.mul(1 - rho, tf.log(tf.div(1 - rho, tf.sub(1, rhoHat))));
  return tf.sum(tf.add(a, b));
}

/** The same penalty from per-unit mean activations already computed (evaluation over many batches). */
export function klSparsityFromMeans(rhoHat: Float32Array, rho: number): number {
  let total = 0;
  for (const v of rhoHat) {
    const r = Math.min(Math.max(v, EPS), 1 - EPS);
    total += rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r));
  }
  return total;
}
