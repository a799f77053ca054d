/** Gradient plumbing tfjs 4.22 lacks as ops: stop-gradient and the straight-through estimator. */
import * as tf from '@tensorflow/tfjs';

const stopOp = tf.customGrad((x) => ({
  value: tf.clone(x as tf.Tensor),
  gradFunc: (dy) => tf.zerosLike(dy as tf.Tensor),
}));

/** sg[x]: the value of x, treated as a constant (no gradient flows back through it). */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return stopOp(x) as T;
}

const straightThroughOp = tf.customGrad((toArg, valueArg) => ({
  value: tf.clone(valueArg as tf.Tensor),
  gradFunc: (dy) => [dy as tf.Tensor, tf.zerosLike(dy as tf.Tensor)],
}));

/**
 * Straight-through estimator: the forward value is `value` exactly, and the gradient that reaches it is copied
 * unchanged to `to` (none goes to `value`). VQ-VAE: straightThrough(z_e, e) feeds e to the decoder while the
 * decoder's gradient trains the encoder as if z_e had been decoded.
 */
export function straightThrough<T extends tf.Tensor>(to: T, value: T): T {
  return straightThroughOp(to, value) as T;
}
