/**
 * k-sparse code (Makhzani & Frey): per sample keep the k largest code units, zero the rest. tf.topk has no
 * gradient, so the op is a customGrad whose gradient is dy * mask (the mask is treated as a constant).
 */
import * as tf from '@tensorflow/tfjs';

export function kSparse(code: tf.Tensor2D, k: number): tf.Tensor2D {
  const units = code.shape[1];
  if (k >= units) return code;
  const op = tf.customGrad((x, saveFn) => {
    const input = x as tf.Tensor2D;
    const save = saveFn as tf.GradSaveFunc;
    // oneHot of the top-k indices summed per row: exactly k ones per row, ties included.
    const mask = tf.tidy(() => tf.sum(tf.oneHot(tf.topk(input, k).indices, units), 1).toFloat());
    save([mask]);
    return { value: tf.mul(input, mask), gradFunc: (dy, saved) => tf.mul(dy, saved[0]) };
  });
  return op(code) as tf.Tensor2D;
}
