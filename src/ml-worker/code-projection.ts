/**
 * The Lab's map of codes wider than 2: PCA of the held-out codes. The mean, the covariance (dim × dim) and the
 * points' coordinates are computed on the backend in tf.tidy; the small eigen-decomposition in float64
 * (pca-basis.ts). Each axis' sign is fixed (its largest entry positive) so the same codes give the same map.
 */
import * as tf from '@tensorflow/tfjs';
import type { CodeProjection } from '../shared/lab/latent-tools';
import { input, isInt } from './engine-context';
import { basisFromCovariance } from './pca-basis';

/** Codes this wide at most (the largest bottleneck is 64). */
const MAX_DIM = 256;

export async function projectCodes(codes: Float32Array, count: number, dim: number): Promise<CodeProjection> {
  input(isInt(dim) && dim >= 2 && dim <= MAX_DIM, `The code size must be a whole number from 2 to ${MAX_DIM}.`);
  input(isInt(count) && count >= 2, 'A projection needs at least 2 codes.');
  input(codes instanceof Float32Array && codes.length === count * dim, `Give ${count} × ${dim} code numbers.`);
  input(
    codes.every((v) => Number.isFinite(v)),
    'Codes must be finite numbers.',
  );
  const [meanT, covT] = tf.tidy((): [tf.Tensor, tf.Tensor] => {
    const x = tf.tensor2d(codes, [count, dim]);
    const mean = tf.mean(x, 0);
    const centred = tf.sub(x, mean);
    return [mean, tf.div(tf.matMul(tf.transpose(centred), centred), count)];
  });
  let mean: Float32Array;
  let cov: Float32Array;
  try {
    mean = new Float32Array(await meanT.data<'float32'>());
    cov = new Float32Array(await covT.data<'float32'>());
  } finally {
    meanT.dispose();
    covT.dispose();
  }
  const basis = basisFromCovariance(cov, dim, Float64Array.from(mean));
  const axes = basis.components.slice(0, 2 * dim);
  for (let r = 0; r < 2; r++) {
    let big = 0;
    for (let j = 0; j < dim; j++) if (Math.abs(axes[r * dim + j]) > Math.abs(axes[r * dim + big])) big = j;
    if (axes[r * dim + big] < 0) for (let j = 0; j < dim; j++) axes[r * dim + j] = -axes[r * dim + j];
  }
  const pointsT = tf.tidy(() =>
    tf.matMul(tf.sub(tf.tensor2d(codes, [count, dim]), tf.tensor1d(mean)), tf.tensor2d(axes, [2, dim]), false, true),
  );
  let points: Float32Array;
  try {
    points = new Float32Array(await pointsT.data<'float32'>());
  } finally {
    pointsT.dispose();
  }
  let total = 0;
  for (let j = 0; j < dim; j++) total += Math.max(0, basis.eigenvalues[j]);
  const share = (r: number): number => (total > 0 ? basis.eigenvalues[r] / total : 0);
  return { dim, mean, axes, points, explained: [share(0), share(1)] };
}
