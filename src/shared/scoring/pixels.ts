/**
 * Pixel accuracy for binary images (the 7x5 glyphs): both images are binarised at the threshold (ink iff
 * value ≥ 0.5, as in glyphs.ts) and compared pixel by pixel.
 *   wrong(x, y)    = #{ i : [xᵢ ≥ ½] ≠ [yᵢ ≥ ½] }
 *   accuracy(x, y) = 1 − wrong(x, y) / n
 */
export const INK_THRESHOLD = 0.5;

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`Images differ in size (${a.length} vs ${b.length} pixels).`);
}

/** Number of pixels whose binarised values differ. */
export function wrongPixels(target: ArrayLike<number>, output: ArrayLike<number>, threshold = INK_THRESHOLD): number {
  sameLength(target, output);
  let wrong = 0;
  for (let i = 0; i < target.length; i++) if (target[i] >= threshold !== output[i] >= threshold) wrong++;
  return wrong;
}

/** Where they differ: the indices of the pixels `wrongPixels` counts (for marking them on screen). */
export function wrongPixelIndices(
  target: ArrayLike<number>,
  output: ArrayLike<number>,
  threshold = INK_THRESHOLD,
): number[] {
  sameLength(target, output);
  const out: number[] = [];
  for (let i = 0; i < target.length; i++) if (target[i] >= threshold !== output[i] >= threshold) out.push(i);
  return out;
}

/** Fraction of pixels (0..1) whose binarised values agree. Throws on empty images. */
export function pixelAccuracy(target: ArrayLike<number>, output: ArrayLike<number>, threshold = INK_THRESHOLD): number {
  if (target.length === 0) throw new RangeError('Pixel accuracy of an empty image is undefined.');
  return 1 - wrongPixels(target, output, threshold) / target.length;
}

/** Wrong pixels of each image in two flat batches of `imageSize`-pixel images. */
export function wrongPixelsPerImage(
  targets: ArrayLike<number>,
  outputs: ArrayLike<number>,
  imageSize: number,
  threshold = INK_THRESHOLD,
): number[] {
  sameLength(targets, outputs);
  if (!Number.isInteger(imageSize) || imageSize < 1 || targets.length % imageSize !== 0) {
    throw new RangeError(`${targets.length} values are not a whole number of ${imageSize}-pixel images.`);
  }
  const out: number[] = [];
  for (let start = 0; start < targets.length; start += imageSize) {
    let wrong = 0;
    for (let i = start; i < start + imageSize; i++) if (targets[i] >= threshold !== outputs[i] >= threshold) wrong++;
    out.push(wrong);
  }
  return out;
}
