/**
 * Convolutional encoder trunk and decoder. Encoder: per filter count, 3x3 conv (relu) then 2x2 max-pool.
 * Decoder: a dense layer back to the smallest feature map, then per layer 2x upsampling and a 3x3 conv; the
 * last conv has one channel and is cropped to the image size (7x5 glyphs pool to 4x3, 2x2 and grow to 8x8).
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../shared/worker-api';
import type { DenseTrunk, Decoder } from './dense';
import { conv3x3, convLayer, dense, denseLayer, pool2, upsample2, type ParamBuilder } from './layers';

export interface ConvGrid {
  height: number;
  width: number;
  channels: number;
}

export function convGrid(width: number, height: number, filters: number[]): ConvGrid {
  let h = height;
  let w = width;
  for (let i = 0; i < filters.length; i++) {
    h = Math.ceil(h / 2);
    w = Math.ceil(w / 2);
  }
  return { height: h, width: w, channels: filters[filters.length - 1] };
}

export function buildConvTrunk(
  pb: ParamBuilder,
  opts: { width: number; height: number; filters: number[]; activation: Activation },
): DenseTrunk {
  const layers = opts.filters.map((f, i) =>
    convLayer(pb, `encoder/conv${i}`, i === 0 ? 1 : opts.filters[i - 1], f, opts.activation),
  );
  const grid = convGrid(opts.width, opts.height, opts.filters);
  const outSize = grid.height * grid.width * grid.channels;
  return {
    outSize,
    apply: (x) => {
      let h = tf.reshape(x, [x.shape[0], opts.height, opts.width, 1]) as tf.Tensor4D;
      // The first conv sees raw pixels: no input gradient needed.
      layers.forEach((layer, i) => (h = pool2(conv3x3(h, layer, i > 0))));
      return tf.reshape(h, [x.shape[0], outSize]);
    },
  };
}

export function buildConvDecoder(
  pb: ParamBuilder,
  opts: { inSize: number; width: number; height: number; filters: number[]; activation: Activation },
): Decoder {
  const grid = convGrid(opts.width, opts.height, opts.filters);
  const entry = denseLayer(pb, 'decoder/dense', opts.inSize, grid.height * grid.width * grid.channels, opts.activation);
  const reversed = [...opts.filters].reverse();
  // Channels shrink back along the encoder's filters; the last layer makes the single image channel.
  const layers = reversed.map((f, i) => {
    const last = i === reversed.length - 1;
    return convLayer(pb, `decoder/conv${i}`, f, last ? 1 : reversed[i + 1], last ? 'linear' : opts.activation);
  });
  return {
    logits: (z) => {
      const n = z.shape[0];
      let h = tf.reshape(dense(z, entry), [n, grid.height, grid.width, grid.channels]) as tf.Tensor4D;
      for (const layer of layers) h = conv3x3(upsample2(h), layer);
      const cropped = tf.slice(h, [0, 0, 0, 0], [n, opts.height, opts.width, 1]);
      return tf.reshape(cropped, [n, opts.height * opts.width]);
    },
  };
}
