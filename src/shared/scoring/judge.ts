/**
 * Helpers on the judge classifier's output: a probability vector over the 10 digit classes (softmax, so the
 * entries are in [0, 1] and sum to 1). "Confident" and "clean" are thresholds on the top probability.
 *   confidence(p, c) = p_c
 *   predicted(p)     = argmax_c p_c   (ties: the lowest class)
 *   clean(p)         = max_c p_c ≥ τ  (τ = 0.9 by default)
 *   nonDigit(p)      = max_c p_c < ½  (no class gets a majority: a smudge, not a digit)
 */
export const CLEAN_DIGIT_THRESHOLD = 0.9;
export const NON_DIGIT_THRESHOLD = 0.5;

function checkProbabilities(p: ArrayLike<number>): void {
  if (p.length === 0) throw new RangeError('The judge returned no probabilities.');
}

/** The probability the judge gives to class `cls`. */
export function confidenceOf(p: ArrayLike<number>, cls: number): number {
  checkProbabilities(p);
  if (!Number.isInteger(cls) || cls < 0 || cls >= p.length)
    throw new RangeError(`Class ${cls} is not one of 0..${p.length - 1}.`);
  return p[cls];
}

/** The judge's verdict: the most probable class and its probability. */
export function predictedClass(p: ArrayLike<number>): { label: number; confidence: number } {
  checkProbabilities(p);
  let label = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[label]) label = c;
  return { label, confidence: p[label] };
}

/** The judge is at least `threshold` sure the image is some digit. */
export function isCleanDigit(p: ArrayLike<number>, threshold = CLEAN_DIGIT_THRESHOLD): boolean {
  return predictedClass(p).confidence >= threshold;
}

/** The judge is at least `threshold` sure the image is the digit `cls`. */
export function isCleanDigitOf(p: ArrayLike<number>, cls: number, threshold = CLEAN_DIGIT_THRESHOLD): boolean {
  return confidenceOf(p, cls) >= threshold;
}

/** No class reaches `threshold`: the decode is not recognisably any digit (a hole in the latent map). */
export function isNonDigit(p: ArrayLike<number>, threshold = NON_DIGIT_THRESHOLD): boolean {
  return predictedClass(p).confidence < threshold;
}
