/**
 * Reconstruction error as an anomaly score: a drawing the model rebuilds worse than most real digits looks unlike
 * what it learnt. Pure, so the drawing screen and the tests share it.
 */

/** Mean squared error of each of `count` images (`size` pixels each) against its reconstruction. */
export function perImageMse(images: Float32Array, rebuilt: Float32Array, size: number): Float32Array {
  const count = Math.floor(images.length / size);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let j = i * size; j < (i + 1) * size; j++) sum += (images[j] - rebuilt[j]) ** 2;
    out[i] = sum / size;
  }
  return out;
}

/** Share (0–1) of the real digits' errors that are lower than `error`: 0.95 = worse than 95 % of real digits. */
export function shareBelow(error: number, realErrors: ArrayLike<number>): number {
  if (realErrors.length === 0) return 0;
  let below = 0;
  for (let i = 0; i < realErrors.length; i++) if (realErrors[i] < error) below++;
  return below / realErrors.length;
}

/** The most likely class and its probability from one row of softmax probabilities. */
export function topClass(probabilities: ArrayLike<number>): { index: number; probability: number } {
  let index = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[index]) index = i;
  return { index, probability: probabilities[index] ?? 0 };
}
