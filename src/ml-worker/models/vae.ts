/** VAE pieces: the reparameterisation trick with a seeded epsilon, and the KL divergence to N(0, I). */
import * as tf from '@tensorflow/tfjs';

/** z = mu + exp(logvar / 2) * eps, eps ~ N(0, I) drawn from `seed` so a training step is reproducible. */
export function reparameterise(mu: tf.Tensor2D, logvar: tf.Tensor2D, seed: number): tf.Tensor2D {
  const eps = tf.randomNormal(mu.shape, 0, 1, 'float32', seed);
  return tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps));
}

/** Per-sample KL(N(mu, exp(logvar)) || N(0, I)) in nats: -1/2 * sum(1 + logvar - mu^2 - exp(logvar)). Shape [batch]. */
export function klPerSample(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Tensor1D {
  const inner = tf.sub(tf.add(1, logvar), tf.add(tf.square(mu), tf.exp(logvar)));
  return tf.mul(tf.sum(inner, 1), -0.5);
}
