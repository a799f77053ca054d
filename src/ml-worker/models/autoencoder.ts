/**
 * Builds any autoencoder of the contract from its spec: an encoder trunk (dense or conv), a code head
 * (linear; sigmoid for sparse; mu + logvar for vae/cvae; top-k for ksparse; nearest codebook vectors for vqvae),
 * and a decoder (dense or conv).
 * A pure function of (spec, data shape): the same spec and seed give the same initial weights.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../shared/worker-api';
import { buildConvDecoder, buildConvTrunk } from './conv';
import { withCondition } from './cvae';
import { buildDenseDecoder, buildDenseTrunk, type Decoder, type DenseTrunk } from './dense';
import { kSparse } from './ksparse';
import { dense, denseLayer, ParamBuilder, type DenseLayer, type NamedWeight } from './layers';
import { quantize, type Quantized } from './vq';

export interface DataShape {
  width: number;
  height: number;
  classes: number;
}

export interface Encoded {
  /** The code the decoder sees at inference: mu for vae/cvae, the masked code for ksparse, sigmoid for sparse. */
  code: tf.Tensor2D;
  /** vae/cvae only. */
  logvar?: tf.Tensor2D;
  /** vqvae only: z_e, the chosen codebook vectors and their indices (`code` is then the quantised code). */
  vq?: Quantized;
}

/** vqvae: the codebook variable [K, D] and the code's layout. */
export interface Codebook {
  vectors: tf.Variable;
  size: number;
  slots: number;
  dim: number;
}

export interface Autoencoder {
  readonly spec: ModelSpec;
  readonly inputSize: number;
  readonly latentSize: number;
  readonly width: number;
  readonly height: number;
  readonly classes: number;
  /** Whether the model takes a one-hot label (cvae). */
  readonly conditional: boolean;
  readonly variational: boolean;
  /** Output has no sigmoid (linear model): logits are the output. */
  readonly linearOutput: boolean;
  readonly weights: NamedWeight[];
  /** vqvae only. */
  readonly codebook?: Codebook;
  encode(x: tf.Tensor2D, oneHot: tf.Tensor2D | null): Encoded;
  /** Output pre-activation. */
  decodeLogits(z: tf.Tensor2D, oneHot: tf.Tensor2D | null): tf.Tensor2D;
  /** Output images in [0, 1] (linear models are not squashed). */
  output(logits: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

const CODEBOOK_INIT_STDDEV = 0.5;

export function paramCount(model: Autoencoder): number {
  return model.weights.reduce((n, w) => n + w.variable.size, 0);
}

export function buildAutoencoder(spec: ModelSpec, shape: DataShape): Autoencoder {
  const inputSize = shape.width * shape.height;
  const conditional = spec.kind === 'cvae';
  const variational = spec.kind === 'vae' || spec.kind === 'cvae';
  const linear = spec.linear === true;
  const activation = linear ? 'linear' : spec.activation;
  const condSize = conditional ? shape.classes : 0;
  const pb = new ParamBuilder(spec.seed);

  let trunk: DenseTrunk;
  if (spec.kind === 'conv') {
    trunk = buildConvTrunk(pb, { width: shape.width, height: shape.height, filters: spec.filters ?? [], activation });
  } else {
    trunk = buildDenseTrunk(pb, {
      name: 'encoder',
      inSize: inputSize + condSize,
      hidden: spec.hidden,
      activation,
      dataInput: true,
    });
  }
  const codeHead: DenseLayer = denseLayer(
    pb,
    variational ? 'encoder/mu' : 'encoder/code',
    trunk.outSize,
    spec.bottleneck,
    spec.kind === 'sparse' ? 'sigmoid' : 'linear',
  );
  const logvarHead: DenseLayer | null = variational
    ? denseLayer(pb, 'encoder/logvar', trunk.outSize, spec.bottleneck, 'linear')
    : null;
  // Seeded N(0, 0.5²) vectors, near a fresh code head's outputs: of the scales 1, 0.5, 0.25 and 0.1 it left the
  // most entries in use after training (27 of 64 on glyphs, 14 of 16 on MNIST; 6 and 3 with 1).
  const vq = spec.kind === 'vqvae' ? spec.vq : undefined;
  const codebook: Codebook | undefined = vq && {
    vectors: pb.normal('codebook', [vq.codebookSize, vq.codeDim], CODEBOOK_INIT_STDDEV),
    size: vq.codebookSize,
    slots: vq.slots,
    dim: vq.codeDim,
  };

  let decoder: Decoder;
  if (spec.kind === 'conv') {
    decoder = buildConvDecoder(pb, {
      inSize: spec.bottleneck,
      width: shape.width,
      height: shape.height,
      filters: spec.filters ?? [],
      activation,
    });
  } else {
    decoder = buildDenseDecoder(pb, {
      inSize: spec.bottleneck + condSize,
      hidden: spec.hidden,
      activation,
      outSize: inputSize,
    });
  }

  // A dense model without hidden layers applies its code head straight to the data: no input gradient there.
  const headGrad = spec.kind === 'conv' || spec.hidden.length > 0;
  const weights = pb.weights;
  return {
    spec,
    inputSize,
    latentSize: spec.bottleneck,
    width: shape.width,
    height: shape.height,
    classes: shape.classes,
    conditional,
    variational,
    linearOutput: linear,
    weights,
    ...(codebook ? { codebook } : {}),
    encode(x, oneHot) {
      const h = trunk.apply(withCondition(x, conditional ? oneHot : null));
      let code = dense(h, codeHead, headGrad);
      if (codebook) {
        const q = quantize(code, codebook.vectors as tf.Tensor2D, codebook.slots);
        return { code: q.code, vq: q };
      }
      if (spec.kind === 'ksparse') code = kSparse(code, spec.k ?? spec.bottleneck);
      return logvarHead ? { code, logvar: dense(h, logvarHead, headGrad) } : { code };
    },
    decodeLogits: (z, oneHot) => decoder.logits(withCondition(z, conditional ? oneHot : null)),
    output: (logits) => (linear ? logits : tf.sigmoid(logits)),
    dispose: () => weights.forEach((w) => w.variable.dispose()),
  };
}
