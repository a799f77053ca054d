/**
 * The few layers the autoencoders are made of, as plain functions over tf.Variables (no tf.layers objects), so
 * a model is a list of named weights plus a forward function.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../shared/random';
import type { Activation } from '../../shared/worker-api';

export interface NamedWeight {
  name: string;
  variable: tf.Variable;
}

/** Creates a model's weights in order, each initialiser seeded from one stream derived from the spec's seed. */
export class ParamBuilder {
  readonly weights: NamedWeight[] = [];
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = createRng(seed);
  }

  /** Glorot-uniform kernel (tf.layers' default), fans computed from the shape as tf.layers does. */
  kernel(name: string, shape: number[]): tf.Variable {
    const seed = this.rng.seed();
    return this.add(
      name,
      tf.tidy(() => tf.initializers.glorotUniform({ seed }).apply(shape)),
    );
  }

  /** Seeded N(0, stddev²) values (the VQ-VAE codebook). */
  normal(name: string, shape: number[], stddev: number): tf.Variable {
    return this.add(name, tf.randomNormal(shape, 0, stddev, 'float32', this.rng.seed()));
  }

  zeros(name: string, shape: number[]): tf.Variable {
    return this.add(name, tf.zeros(shape));
  }

  private add(name: string, init: tf.Tensor): tf.Variable {
    const variable = tf.variable(init, true);
    init.dispose();
    this.weights.push({ name, variable });
    return variable;
  }
}

export interface DenseLayer {
  kernel: tf.Tensor;
  bias: tf.Tensor;
  activation: Activation;
}

export function denseLayer(
  pb: ParamBuilder,
  name: string,
  inSize: number,
  outSize: number,
  activation: Activation,
): DenseLayer {
  return {
    kernel: pb.kernel(`${name}/kernel`, [inSize, outSize]),
    bias: pb.zeros(`${name}/bias`, [outSize]),
    activation,
  };
}

/**
 * x @ W + b, then the activation. The forward pass is one fused matMul + bias kernel (the activation is a
 * separate op: tfjs fuses activations only outside gradient mode). The gradient is ours: on WASM a matMul
 * with transposeA/transposeB is ~15x slower than transposing first (31 ms vs 2 ms for 784x128x256 here), and
 * the layer of raw data needs no input gradient at all (`inputGrad: false`).
 */
export function dense(x: tf.Tensor2D, layer: DenseLayer, inputGrad = true): tf.Tensor2D {
  const y = (inputGrad ? linearWithInputGrad : linearNoInputGrad)(x, layer.kernel, layer.bias) as tf.Tensor2D;
  return applyActivation(y, layer.activation);
}

/** a @ b with b or a transposed, as the backend does fastest. */
function matMulT(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D {
  if (tf.getBackend() !== 'wasm') return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

function linearOp(inputGrad: boolean): (...args: tf.Tensor[]) => tf.Tensor {
  return tf.customGrad((xArg, wArg, bArg, saveArg) => {
    const x = xArg as tf.Tensor2D;
    const w = wArg as tf.Tensor2D;
    (saveArg as tf.GradSaveFunc)([x, w]);
    return {
      value: tf.fused.matMul({ a: x, b: w, bias: bArg as tf.Tensor }),
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
        const g = dy as tf.Tensor2D;
        const dx = inputGrad ? matMulT(g, ws, false, true) : tf.zerosLike(xs);
        return [dx, matMulT(xs, g, true, false), tf.sum(g, 0)];
      },
    };
  });
}

const linearWithInputGrad = linearOp(true);
const linearNoInputGrad = linearOp(false);

export function applyActivation<T extends tf.Tensor>(x: T, activation: Activation): T {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'elu':
      return tf.elu(x);
    case 'linear':
      return x;
  }
}

export interface ConvLayer {
  /** [3, 3, inChannels, outChannels], the layout of tf.conv2d filters. */
  kernel: tf.Tensor;
  bias: tf.Tensor;
  activation: Activation;
}

export function convLayer(
  pb: ParamBuilder,
  name: string,
  inChannels: number,
  outChannels: number,
  activation: Activation,
): ConvLayer {
  return {
    kernel: pb.kernel(`${name}/kernel`, [3, 3, inChannels, outChannels]),
    bias: pb.zeros(`${name}/bias`, [outChannels]),
    activation,
  };
}

/**
 * 3x3 convolution, stride 1, 'same' zero padding, on NHWC input. The forward pass is tf.conv2d; the gradient
 * is ours: WASM has no Conv2DBackpropFilter kernel and the CPU one is very slow, so the filter gradient is
 * computed as a convolution of the transposed padded input with the transposed output gradient
 * (dW[i, j, c, f] = sum over b, y, x of xpad[b, y + i, x + j, c] * dy[b, y, x, f]), which runs on every backend.
 */
export function conv3x3(x: tf.Tensor4D, layer: ConvLayer, inputGrad = true): tf.Tensor4D {
  const y = (inputGrad ? conv3x3WithInputGrad : conv3x3NoInputGrad)(x, layer.kernel) as tf.Tensor4D;
  return applyActivation(tf.add(y, layer.bias), layer.activation);
}

function conv3x3Op(inputGrad: boolean): (...args: tf.Tensor[]) => tf.Tensor {
  return tf.customGrad((xArg, wArg, saveArg) => {
    const x = xArg as tf.Tensor4D;
    const w = wArg as tf.Tensor4D;
    (saveArg as tf.GradSaveFunc)([x, w]);
    return {
      value: tf.conv2d(x, w, 1, 'same'),
      gradFunc: (dy, saved) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const g = dy as tf.Tensor4D;
        const dx = inputGrad ? tf.conv2dTranspose(g, ws, xs.shape, 1, 'same') : tf.zerosLike(xs);
        const padded = tf.pad(xs, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]);
        const byChannel = tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D;
        const dyAsFilter = tf.transpose(g, [1, 2, 0, 3]) as tf.Tensor4D;
        const dw = tf.transpose(tf.conv2d(byChannel, dyAsFilter, 1, 'valid'), [1, 2, 0, 3]);
        return [dx, dw];
      },
    };
  });
}

const conv3x3WithInputGrad = conv3x3Op(true);
const conv3x3NoInputGrad = conv3x3Op(false);

// Pooling and upsampling are built from reshape, slice, maximum and concat, all rank <= 3: tfjs 4.22's
// MaxPoolGrad on WASM and ResizeNearestNeighborGrad on CPU (batch > 1) return wrong gradients, and the
// gradient of a max over an axis is slow on WASM (tests/unit/conv-layers.test.ts checks the replacements).

/** Element-wise max of the two rows of axis 1 of a [n, 2, m] tensor: [n, m]. */
function maxOfPair(x: tf.Tensor3D): tf.Tensor2D {
  const [n, , m] = x.shape;
  const a = tf.slice(x, [0, 0, 0], [n, 1, m]);
  const b = tf.slice(x, [0, 1, 0], [n, 1, m]);
  return tf.reshape(tf.maximum(a, b), [n, m]);
}

/** 2x2 max pooling, stride 2, 'same' padding (odd sizes round up: 7 -> 4, the extra row/column padded at the end). */
export function pool2(x: tf.Tensor4D): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const h2 = Math.ceil(h / 2);
  const w2 = Math.ceil(w / 2);
  const even =
    h % 2 || w % 2
      ? tf.pad(
          x,
          [
            [0, 0],
            [0, h % 2],
            [0, w % 2],
            [0, 0],
          ],
          -1e9,
        )
      : x;
  const rows = maxOfPair(tf.reshape(even, [b * h2, 2, 2 * w2 * c]));
  const cols = maxOfPair(tf.reshape(rows, [b * h2 * w2, 2, c]));
  return tf.reshape(cols, [b, h2, w2, c]);
}

/** Nearest-neighbour 2x upsampling (concat, whose gradient is a fast split; broadcastTo's Tile is slow on WASM). */
export function upsample2(x: tf.Tensor4D): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const px = tf.reshape(x, [b * h * w, 1, c]);
  const wide = tf.reshape(tf.concat([px, px], 1), [b * h, 1, 2 * w * c]);
  return tf.reshape(tf.concat([wide, wide], 1), [b, 2 * h, 2 * w, c]);
}
