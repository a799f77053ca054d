/** Conditional models: the one-hot label is concatenated to the encoder's input and to the decoder's input. */
import * as tf from '@tensorflow/tfjs';

export function withCondition(x: tf.Tensor2D, oneHot: tf.Tensor2D | null): tf.Tensor2D {
  return oneHot ? tf.concat([x, oneHot], 1) : x;
}

/** Float one-hot rows for integer labels. */
export function oneHotLabels(labels: tf.Tensor1D, classes: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(tf.cast(labels, 'int32'), classes), 'float32') as tf.Tensor2D;
}
