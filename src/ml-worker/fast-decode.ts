/**
 * The decoder of a dense model as a short list of fused layers, for decode / latentGrid / sample: each layer is
 * one `tf.fused.matMul` with its bias and activation (relu, elu, and the output sigmoid fused into the same
 * kernel; tanh stays a separate op, tfjs cannot fuse it). The model's own `decodeLogits` goes through a custom
 * gradient per layer and a separate activation op; outside training this path gives the same numbers with fewer
 * kernels and intermediate tensors (tests/unit/fast-decode.test.ts compares both on every dense kind and on the
 * pretrained 2-D VAE). Built from the model's named weights; any other decoder (conv, a kind added later, a
 * missing or misshapen weight) gets null and the caller uses the model's own forward pass.
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation, ModelKind } from '../shared/worker-api';
import type { Autoencoder } from './models/autoencoder';

interface FusedLayer {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  /** Fused into the matMul, except 'tanh' (tfjs cannot fuse it), which runs after it. */
  activation: Activation;
}

/** Kinds whose decoder is buildDenseDecoder's stack: decoder/dense0..n-1 then decoder/output (models/dense.ts). */
const DENSE_DECODER_KINDS: readonly ModelKind[] = ['dense', 'denoising', 'vae', 'cvae', 'sparse', 'ksparse'];

const cache = new WeakMap<Autoencoder, FusedLayer[] | null>();

function build(model: Autoencoder): FusedLayer[] | null {
  const { spec } = model;
  if (!DENSE_DECODER_KINDS.includes(spec.kind)) return null;
  const byName = new Map(model.weights.map((w) => [w.name, w.variable]));
  const hiddenActivation: Activation = spec.linear === true ? 'linear' : spec.activation;
  const names = [...spec.hidden.map((_, i) => `decoder/dense${i}`), 'decoder/output'];
  const layers: FusedLayer[] = [];
  let inSize = model.latentSize + (model.conditional ? model.classes : 0);
  for (const [i, name] of names.entries()) {
    const kernel = byName.get(`${name}/kernel`);
    const bias = byName.get(`${name}/bias`);
    if (!kernel || !bias || kernel.rank !== 2 || kernel.shape[0] !== inSize || bias.size !== kernel.shape[1])
      return null;
    const last = i === names.length - 1;
    layers.push({
      kernel: kernel as tf.Tensor2D,
      bias: bias as tf.Tensor1D,
      activation: last ? (model.linearOutput ? 'linear' : 'sigmoid') : hiddenActivation,
    });
    inSize = kernel.shape[1];
  }
  return inSize === model.inputSize ? layers : null;
}

/** The fused decoder of `model`, or null when it has none (see above). Cached per model object. */
export function fusedDecoder(model: Autoencoder): FusedLayer[] | null {
  let layers = cache.get(model);
  if (layers === undefined) {
    layers = build(model);
    cache.set(model, layers);
  }
  return layers;
}

/** Output images of codes `z` (with the one-hot labels of a conditional model) through the fused layers. */
export function decodeFused(layers: FusedLayer[], z: tf.Tensor2D, oneHot: tf.Tensor2D | null): tf.Tensor2D {
  let h: tf.Tensor2D = oneHot ? tf.concat([z, oneHot], 1) : z;
  for (const { kernel, bias, activation } of layers) {
    h = (
      activation === 'tanh'
        ? tf.tanh(tf.fused.matMul({ a: h, b: kernel, bias }))
        : tf.fused.matMul({ a: h, b: kernel, bias, activation })
    ) as tf.Tensor2D;
  }
  return h;
}
