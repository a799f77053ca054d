/** Dense (fully connected) encoder trunk and decoder: pure builders of an options object. */
import type * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../shared/worker-api';
import { dense, denseLayer, type DenseLayer, type ParamBuilder } from './layers';

export interface DenseTrunk {
  outSize: number;
  apply(x: tf.Tensor2D): tf.Tensor2D;
}

/** Hidden layers from `inSize` through `hidden` widths (outermost first). */
/** `dataInput`: the input is raw data (no gradient needed), which saves the first layer's input gradient. */
export function buildDenseTrunk(
  pb: ParamBuilder,
  opts: { name: string; inSize: number; hidden: number[]; activation: Activation; dataInput?: boolean },
): DenseTrunk {
  const layers: DenseLayer[] = [];
  let size = opts.inSize;
  opts.hidden.forEach((width, i) => {
    layers.push(denseLayer(pb, `${opts.name}/dense${i}`, size, width, opts.activation));
    size = width;
  });
  return {
    outSize: size,
    apply: (x) => layers.reduce((h, layer, i) => dense(h, layer, !(opts.dataInput && i === 0)), x),
  };
}

export interface Decoder {
  /** Output pre-activation (the logits for a sigmoid output; the output itself for a linear model). */
  logits(z: tf.Tensor2D): tf.Tensor2D;
}

/** Mirror of the encoder: `hidden` is given outermost first and applied innermost first. */
export function buildDenseDecoder(
  pb: ParamBuilder,
  opts: { inSize: number; hidden: number[]; activation: Activation; outSize: number },
): Decoder {
  const trunk = buildDenseTrunk(pb, {
    name: 'decoder',
    inSize: opts.inSize,
    hidden: [...opts.hidden].reverse(),
    activation: opts.activation,
  });
  const out = denseLayer(pb, 'decoder/output', trunk.outSize, opts.outSize, 'linear');
  return { logits: (z) => dense(trunk.apply(z), out) };
}
