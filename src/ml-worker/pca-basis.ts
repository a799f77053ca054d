/**
 * The math of exact PCA without tfjs (shared by the worker and scripts/build-pca.ts): the column mean, the 1/N
 * covariance in float64 (used by the asset build), and the eigen-decomposition (ml-matrix, symmetric) of a
 * covariance. Pixels that never vary (MNIST's empty border) are left out of the decomposition: their eigenvalues
 * are exactly 0 with unit-vector eigenvectors, so this changes nothing but the time.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface PcaBasis {
  size: number;
  mean: Float32Array;
  /** All eigenvalues, decreasing (tiny negative round-off clamped to 0). */
  eigenvalues: Float64Array;
  /** size x size, row r = the r-th component (unit length), same order as the eigenvalues. */
  components: Float32Array;
}

export function columnMean(images: Float32Array, count: number, size: number): Float64Array {
  const mean = new Float64Array(size);
  for (let n = 0; n < count; n++) for (let j = 0; j < size; j++) mean[j] += images[n * size + j];
  for (let j = 0; j < size; j++) mean[j] /= count;
  return mean;
}

/**
 * The 1/N covariance in float64, as E[x xᵀ] − mean meanᵀ: the sum of outer products skips zero pixels (about
 * 80 % of an MNIST digit), so the 8,000 training digits take well under a second. Exact to ~1e-15, closer than
 * the float32 product on the backend (`pca.ts`), which it replaces for the shipped MNIST basis.
 */
export function covarianceFloat64(images: Float32Array, count: number, size: number, mean: Float64Array): Float64Array {
  const sums = new Float64Array(size * size);
  const nonZero = new Int32Array(size);
  for (let n = 0; n < count; n++) {
    const row = n * size;
    let nz = 0;
    for (let j = 0; j < size; j++) if (images[row + j] !== 0) nonZero[nz++] = j;
    for (let a = 0; a < nz; a++) {
      const i = nonZero[a];
      const xi = images[row + i];
      const base = i * size;
      for (let b = a; b < nz; b++) sums[base + nonZero[b]] += xi * images[row + nonZero[b]];
    }
  }
  const cov = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const v = sums[i * size + j] / count - mean[i] * mean[j];
      cov[i * size + j] = v;
      cov[j * size + i] = v;
    }
  }
  return cov;
}

/** Eigenpairs of a size x size covariance (float32 from the backend or float64), decreasing. */
export function basisFromCovariance(cov: ArrayLike<number>, size: number, mean: Float64Array): PcaBasis {
  const varying: number[] = [];
  for (let j = 0; j < size; j++) if (cov[j * size + j] > 0) varying.push(j);
  const m = varying.length;
  const sub = new Matrix(m, m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      // Symmetrise the float32 product so the symmetric solver sees an exactly symmetric matrix.
      sub.set(a, b, (cov[varying[a] * size + varying[b]] + cov[varying[b] * size + varying[a]]) / 2);
    }
  }
  const evd = m > 0 ? new EigenvalueDecomposition(sub, { assumeSymmetric: true }) : null;
  const values = evd?.realEigenvalues ?? [];
  const order = values.map((_, i) => i).sort((p, q) => values[q] - values[p]);
  const eigenvalues = new Float64Array(size);
  const components = new Float32Array(size * size);
  const vectors = evd?.eigenvectorMatrix;
  order.forEach((col, r) => {
    eigenvalues[r] = Math.max(0, values[col]);
    for (let a = 0; a < m; a++) components[r * size + varying[a]] = vectors?.get(a, col) ?? 0;
  });
  // Constant pixels: eigenvalue 0, eigenvector = that pixel's axis.
  const constant = Array.from({ length: size }, (_, j) => j).filter((j) => !(cov[j * size + j] > 0));
  constant.forEach((j, i) => (components[(m + i) * size + j] = 1));
  return { size, mean: Float32Array.from(mean), eigenvalues, components };
}
