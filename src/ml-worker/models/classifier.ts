/**
 * The judge: a small dense classifier (input → hidden… → classes, softmax), not an autoencoder kind. Built
 * from the same seeded layers as the autoencoders, so the same seed gives the same initial weights. Trained
 * only by scripts/pretrain.ts (trainClassifier); the game loads the shipped weights and calls classify.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../shared/random';
import { mixSeed, SEED_STREAM, BatchPlan } from '../batches';
import type { ClassifierShape } from '../pretrained-format';
import { dense, denseLayer, ParamBuilder, type DenseLayer, type NamedWeight } from './layers';

export interface Classifier {
  readonly shape: ClassifierShape;
  readonly weights: NamedWeight[];
  /** Pre-softmax scores, [n, classes]. */
  logits(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export function buildClassifier(shape: ClassifierShape, seed: number): Classifier {
  const pb = new ParamBuilder(seed);
  const layers: DenseLayer[] = [];
  let inSize = shape.inputSize;
  shape.hidden.forEach((width, i) => {
    layers.push(denseLayer(pb, `classifier/hidden${i}`, inSize, width, shape.activation));
    inSize = width;
  });
  layers.push(denseLayer(pb, 'classifier/out', inSize, shape.classes, 'linear'));
  const weights = pb.weights;
  return {
    shape,
    weights,
    logits: (x) => layers.reduce((h, layer, i) => dense(h, layer, i > 0), x),
    dispose: () => weights.forEach((w) => w.variable.dispose()),
  };
}

/** Softmax probabilities of `images` (count × inputSize), in chunks; a fresh array. */
export async function classifyImages(model: Classifier, images: Float32Array): Promise<Float32Array> {
  const size = model.shape.inputSize;
  const classes = model.shape.classes;
  const count = images.length / size;
  const out = new Float32Array(count * classes);
  const chunk = 1024;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const p = tf.tidy(() =>
      tf.softmax(model.logits(tf.tensor2d(images.subarray(start * size, (start + n) * size), [n, size]))),
    );
    try {
      out.set(await p.data<'float32'>(), start * classes);
    } finally {
      p.dispose();
    }
  }
  return out;
}

/** Share of `labels` that the classifier's most probable class matches. */
export async function accuracy(model: Classifier, images: Float32Array, labels: Uint8Array): Promise<number> {
  const probs = await classifyImages(model, images);
  const classes = model.shape.classes;
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c] > probs[i * classes + best]) best = c;
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}

export interface ClassifierTraining {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Random shifts of up to this many pixels per training image (seeded), so blurred or off-centre decodes still read right. */
  maxShift: number;
  /** From this fraction of the steps on, train at a tenth of the learning rate (default: never). */
  decayFrom?: number;
  width: number;
  height: number;
}

/** Shifts each image by its own (dx, dy) in [−max, max]², filling with 0. */
function shiftBatch(
  images: Float32Array,
  indices: Uint32Array,
  width: number,
  height: number,
  maxShift: number,
  seed: number,
): Float32Array {
  const size = width * height;
  const out = new Float32Array(indices.length * size);
  const rng = createRng(seed);
  indices.forEach((src, i) => {
    const dx = rng.int(2 * maxShift + 1) - maxShift;
    const dy = rng.int(2 * maxShift + 1) - maxShift;
    for (let y = 0; y < height; y++) {
      const sy = y - dy;
      if (sy < 0 || sy >= height) continue;
      for (let x = 0; x < width; x++) {
        const sx = x - dx;
        if (sx >= 0 && sx < width) out[i * size + y * width + x] = images[src * size + sy * width + sx];
      }
    }
  });
  return out;
}

/** Adam on softmax cross-entropy, seeded batch order and shifts; returns the steps run and the last batch loss. */
export async function trainClassifier(
  model: Classifier,
  images: Float32Array,
  labels: Uint8Array,
  t: ClassifierTraining,
): Promise<{ steps: number; finalLoss: number }> {
  const count = labels.length;
  const plan = new BatchPlan(count, t.batchSize, t.seed);
  const optimizer = tf.train.adam(t.learningRate);
  const varList = model.weights.map((w) => w.variable);
  const oneHotAll = tf.oneHot(tf.tensor1d(labels, 'int32'), model.shape.classes).toFloat();
  const steps = t.epochs * plan.stepsPerEpoch;
  const decayAt = t.decayFrom === undefined ? Infinity : Math.floor(t.decayFrom * steps);
  let finalLoss = NaN;
  try {
    for (let s = 0; s < steps; s++) {
      // Step decay: the last part of training at a tenth of the rate settles the weights.
      if (s === decayAt) (optimizer as unknown as { learningRate: number }).learningRate = t.learningRate / 10;
      const { indices, tensor: idx } = plan.batch(s);
      const batch = shiftBatch(images, indices, t.width, t.height, t.maxShift, mixSeed(t.seed, s, SEED_STREAM.noise));
      const last = s === steps - 1;
      let loss: tf.Scalar | null = null;
      tf.tidy(() => {
        const x = tf.tensor2d(batch, [indices.length, model.shape.inputSize]);
        const y = tf.gather(oneHotAll, idx) as tf.Tensor2D;
        const value = optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(y, model.logits(x)) as tf.Scalar,
          last,
          varList,
        );
        if (value) loss = tf.keep(value);
      });
      idx.dispose();
      const kept = loss as tf.Scalar | null;
      if (kept) {
        finalLoss = (await kept.data())[0];
        kept.dispose();
      }
    }
  } finally {
    plan.dispose();
    optimizer.dispose();
    oneHotAll.dispose();
  }
  return { steps, finalLoss };
}
