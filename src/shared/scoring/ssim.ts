/**
 * Single-scale SSIM (Wang, Bovik, Sheikh & Simoncelli 2004) with a uniform square window, for one-channel
 * images in [0, L]. For every window position fully inside the image (stride 1, no padding):
 *
 *   SSIM_w = (2·μx·μy + C1)·(2·σxy + C2) / ((μx² + μy² + C1)·(σx² + σy² + C2)),   C1 = (K1·L)², C2 = (K2·L)²
 *
 * with K1 = 0.01, K2 = 0.03 and the sample (N − 1) variances and covariance over the N = w² window pixels;
 * SSIM is the mean of SSIM_w over all windows. Defaults (28x28, w = 7, L = 1) equal scikit-image's
 * `structural_similarity(x, y, win_size=7, data_range=1)`, which crops the border exactly this way, so anyone
 * can cross-check a value. The result is in [−1, 1]: 1 only for identical images.
 */
import { MNIST_SIDE } from '../mnist-format';

export interface SsimOptions {
  /** Image width in pixels (default 28). */
  width?: number;
  /** Image height in pixels (default 28). */
  height?: number;
  /** Side of the square window (default 7); at least 2 and at most min(width, height). */
  window?: number;
  /** Dynamic range L of the pixel values (default 1, for [0, 1] images). */
  dataRange?: number;
  k1?: number;
  k2?: number;
}

export const SSIM_DEFAULTS = {
  width: MNIST_SIDE,
  height: MNIST_SIDE,
  window: 7,
  dataRange: 1,
  k1: 0.01,
  k2: 0.03,
} as const;

export function ssim(a: ArrayLike<number>, b: ArrayLike<number>, options: SsimOptions = {}): number {
  const { width, height, window: w, dataRange, k1, k2 } = { ...SSIM_DEFAULTS, ...options };
  if (a.length !== width * height || b.length !== width * height) {
    throw new RangeError(
      `SSIM expects two ${width}x${height} images (${width * height} pixels); got ${a.length} and ${b.length}.`,
    );
  }
  if (!Number.isInteger(w) || w < 2 || w > Math.min(width, height)) {
    throw new RangeError(`The SSIM window must be a whole number from 2 to ${Math.min(width, height)} (got ${w}).`);
  }
  const c1 = (k1 * dataRange) ** 2;
  const c2 = (k2 * dataRange) ** 2;
  const n = w * w;
  let total = 0;
  let windows = 0;
  for (let y0 = 0; y0 + w <= height; y0++) {
    for (let x0 = 0; x0 + w <= width; x0++) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let y = y0; y < y0 + w; y++) {
        for (let x = x0; x < x0 + w; x++) {
          const va = a[y * width + x];
          const vb = b[y * width + x];
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      // Sample statistics: (Σ v² − n·μ²) / (n − 1).
      const va = (saa - n * ma * ma) / (n - 1);
      const vb = (sbb - n * mb * mb) / (n - 1);
      const cov = (sab - n * ma * mb) / (n - 1);
      total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      windows++;
    }
  }
  return total / windows;
}
