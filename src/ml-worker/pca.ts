/**
 * Exact PCA, the baseline of "Beat PCA". MNIST's basis is precomputed with the assets (scripts/build-pca.ts,
 * `generated/mnist-pca.bin`): the worker fetches it instead of blocking ~2.5 s (up to 12 s on a busy machine) on
 * the covariance product and the eigen-decomposition. Other datasets (and MNIST when the asset is missing or does
 * not match the data) compute it here: the covariance product on the tfjs backend, the decomposition in float64
 * (`pca-basis.ts`). Test errors are projected in chunks with event-loop yields in between.
 */
import * as tf from '@tensorflow/tfjs';
import { basisFromCovariance, columnMean, type PcaBasis } from './pca-basis';
import { decodePcaAsset, PCA_ASSET_PATH } from './pca-format';
import { yieldToEventLoop } from '../shared/yield';

export type { PcaBasis } from './pca-basis';

export interface PcaErrors {
  /** Mean per-image squared reconstruction error. */
  sse: number;
  /** Per-pixel mean squared error. */
  mse: number;
}

/** Rows projected per chunk in `pcaErrors`: ~10 ms each on WASM, so messages are answered in between. */
const ERROR_CHUNK = 250;
/** Rows summed between yields when checking the shipped basis' mean (~1 ms each on a quiet machine). */
const MEAN_SLICE = 1000;
/** How far the shipped basis' mean may be from the data's own (float32 storage of the same float64 mean). */
const MEAN_TOLERANCE = 1e-6;

/** The 1/N covariance of `count` rows of `size` values. */
async function covariance(
  images: Float32Array,
  count: number,
  size: number,
  mean: Float64Array,
): Promise<Float32Array> {
  const cov = tf.tidy(() => {
    const x = tf.sub(tf.tensor2d(images, [count, size]), tf.tensor1d(Float32Array.from(mean)));
    // An explicit transpose: WASM's matMul with transposeA is ~7x slower (13 s vs 2 s for MNIST here).
    return tf.div(tf.matMul(tf.transpose(x), x), count);
  });
  try {
    return new Float32Array(await cov.data<'float32'>());
  } finally {
    cov.dispose();
  }
}

export async function computePcaBasis(images: Float32Array, count: number, size: number): Promise<PcaBasis> {
  const mean = columnMean(images, count, size);
  return basisFromCovariance(await covariance(images, count, size, mean), size, mean);
}

/**
 * The shipped basis when `fetchAsset` gives one fitted on these training images (the rows `rows` of `images`,
 * `size` values each: same size, same count, same mean), else null (missing file, damaged, stale): the caller
 * computes it. Reads the rows in place (no copy of the split) and yields while summing them.
 */
export async function shippedPcaBasis(
  fetchAsset: (path: string) => Promise<ArrayBuffer>,
  images: Float32Array,
  rows: ArrayLike<number>,
  size: number,
): Promise<PcaBasis | null> {
  let asset;
  try {
    asset = decodePcaAsset(await fetchAsset(PCA_ASSET_PATH));
  } catch {
    return null;
  }
  const count = rows.length;
  if (asset.basis.size !== size || asset.count !== count || count === 0) return null;
  // columnMean's sums in the same order, with an event-loop yield every MEAN_SLICE rows.
  const mean = new Float64Array(size);
  for (let n = 0; n < count; n++) {
    if (n > 0 && n % MEAN_SLICE === 0) await yieldToEventLoop();
    const row = rows[n] * size;
    for (let j = 0; j < size; j++) mean[j] += images[row + j];
  }
  for (let j = 0; j < size; j++) if (Math.abs(mean[j] / count - asset.basis.mean[j]) > MEAN_TOLERANCE) return null;
  return asset.basis;
}

/** Reconstruction error of `images` through the first k components (projection on the backend, in chunks). */
export async function pcaErrors(basis: PcaBasis, k: number, images: Float32Array, count: number): Promise<PcaErrors> {
  const { size } = basis;
  if (count === 0) return { sse: 0, mse: 0 };
  const [mean, v] = tf.tidy(() => [
    tf.tensor1d(basis.mean),
    tf.tensor2d(basis.components.subarray(0, k * size), [k, size]),
  ]);
  // The transpose once, not per chunk.
  const vt = tf.transpose(v);
  let sum = 0;
  try {
    for (let start = 0; start < count; start += ERROR_CHUNK) {
      if (start > 0) await yieldToEventLoop();
      const n = Math.min(ERROR_CHUNK, count - start);
      const total = tf.tidy(() => {
        const x = tf.sub(tf.tensor2d(images.subarray(start * size, (start + n) * size), [n, size]), mean);
        const recon = tf.matMul(tf.matMul(x, vt), v);
        // Per-image sums on the backend, the total in float64 here: one float32 sum of 6 M terms drifts by ~0.5%.
        return tf.sum(tf.squaredDifference(x, recon), 1);
      });
      const perImage = await total.data();
      total.dispose();
      for (const e of perImage) sum += e;
    }
  } finally {
    tf.dispose([mean, v, vt]);
  }
  return { sse: sum / count, mse: sum / count / size };
}

/** Sum of the eigenvalues past k: the training split's mean per-image squared error at k components. */
export function discardedVariance(basis: PcaBasis, k: number): number {
  let s = 0;
  for (let i = k; i < basis.size; i++) s += basis.eigenvalues[i];
  return s;
}
