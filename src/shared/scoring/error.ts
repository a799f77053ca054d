/**
 * Squared-error metrics on [0, 1] images (flat arrays, any size), computed in float64.
 *   mse(x, y)          = (1/n)·Σᵢ (xᵢ − yᵢ)²
 *   maskedMse(x, y, m) = Σᵢ mᵢ·(xᵢ − yᵢ)² / Σᵢ mᵢ      (m ∈ {0,1}: e.g. the erased square of an inpainting test)
 */
function sameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`Arrays differ in size (${a.length} vs ${b.length}).`);
}

/** Mean squared error. Throws on empty or differently sized arrays. */
export function mse(a: ArrayLike<number>, b: ArrayLike<number>): number {
  sameLength(a, b);
  if (a.length === 0) throw new RangeError('The mean squared error of empty arrays is undefined.');
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return sum / a.length;
}

/** Mean squared error over the pixels where `mask` is non-zero; 0 when the mask selects nothing. */
export function maskedMse(a: ArrayLike<number>, b: ArrayLike<number>, mask: ArrayLike<number>): number {
  sameLength(a, b);
  sameLength(a, mask);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (!mask[i]) continue;
    const d = a[i] - b[i];
    sum += d * d;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** Per-image MSE of two flat batches of `imageSize`-pixel images. */
export function msePerImage(a: ArrayLike<number>, b: ArrayLike<number>, imageSize: number): number[] {
  sameLength(a, b);
  if (!Number.isInteger(imageSize) || imageSize < 1 || a.length % imageSize !== 0) {
    throw new RangeError(`${a.length} values are not a whole number of ${imageSize}-pixel images.`);
  }
  const out: number[] = [];
  for (let start = 0; start < a.length; start += imageSize) {
    let sum = 0;
    for (let i = start; i < start + imageSize; i++) {
      const d = a[i] - b[i];
      sum += d * d;
    }
    out.push(sum / imageSize);
  }
  return out;
}
