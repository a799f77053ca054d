/**
 * The yardstick for our training loop: the same dense autoencoder as a tfjs LayersModel (encoder and decoder
 * layers chained in one tf.sequential), same initialiser, optimizer and loss, trained with model.fit.
 */
import * as tf from '@tensorflow/tfjs';
import { MlError } from '../shared/errors';
import { createRng } from '../shared/random';
import type { Activation, LossName, ModelSpec, OptimizerName } from '../shared/worker-api';

export interface FitOptions {
  optimizer: OptimizerName;
  learningRate: number;
  loss: LossName;
}

export interface FitMeasurement {
  samplesPerSecond: number;
  steps: number;
}

export function buildLayersAutoencoder(spec: ModelSpec, inputSize: number): tf.Sequential {
  if (spec.kind !== 'dense') throw new MlError('INVALID_SPEC', 'The model.fit benchmark runs dense autoencoders only.');
  const rng = createRng(spec.seed);
  const activation: Activation = spec.linear ? 'linear' : spec.activation;
  const widths = [...spec.hidden, spec.bottleneck, ...[...spec.hidden].reverse(), inputSize];
  const model = tf.sequential();
  widths.forEach((units, i) => {
    const last = i === widths.length - 1;
    const isCode = i === spec.hidden.length;
    model.add(
      tf.layers.dense({
        units,
        activation: last ? (spec.linear ? 'linear' : 'sigmoid') : isCode ? 'linear' : activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [inputSize] } : {}),
      }),
    );
  });
  return model;
}

/** Trains with model.fit for about `steps` batches of `images` (after a 2-batch warm-up) and times it. */
export async function benchModelFit(
  spec: ModelSpec,
  inputSize: number,
  images: Float32Array,
  batchSize: number,
  steps: number,
  opts: FitOptions,
): Promise<FitMeasurement> {
  const count = images.length / inputSize;
  const batch = Math.min(batchSize, count);
  const batchesPerEpoch = Math.min(steps, Math.floor(count / batch));
  const epochs = Math.ceil(steps / batchesPerEpoch);
  const model = buildLayersAutoencoder(spec, inputSize);
  const optimizer = opts.optimizer === 'adam' ? tf.train.adam(opts.learningRate) : tf.train.sgd(opts.learningRate);
  model.compile({ optimizer, loss: opts.loss === 'mse' ? 'meanSquaredError' : 'binaryCrossentropy' });
  const x = tf.tensor2d(images.subarray(0, batchesPerEpoch * batch * inputSize), [batchesPerEpoch * batch, inputSize]);
  const warm = tf.slice(x, 0, Math.min(2 * batch, batchesPerEpoch * batch));
  try {
    await model.fit(warm, warm, { batchSize: batch, epochs: 1, shuffle: false, verbose: 0 });
    const t0 = performance.now();
    const history = await model.fit(x, x, { batchSize: batch, epochs, shuffle: true, verbose: 0 });
    const seconds = (performance.now() - t0) / 1000;
    tf.dispose(
      Object.values(history.history)
        .flat()
        .filter((v): v is tf.Tensor => v instanceof tf.Tensor),
    );
    return { samplesPerSecond: (epochs * batchesPerEpoch * batch) / seconds, steps: epochs * batchesPerEpoch };
  } finally {
    warm.dispose();
    x.dispose();
    model.dispose();
    optimizer.dispose();
  }
}
