/** One pure function per metric, shared by the game, the worker, the solver bots and the classroom server. */
export { INK_THRESHOLD, pixelAccuracy, wrongPixelIndices, wrongPixels, wrongPixelsPerImage } from './pixels';
export { maskedMse, mse, msePerImage } from './error';
export { SSIM_DEFAULTS, ssim, type SsimOptions } from './ssim';
export { matchPercent } from './match';
export {
  CLEAN_DIGIT_THRESHOLD,
  confidenceOf,
  isCleanDigit,
  isCleanDigitOf,
  isNonDigit,
  NON_DIGIT_THRESHOLD,
  predictedClass,
} from './judge';
export { meets, starsFor, thresholdsProblem, type Direction, type Stars, type StarThresholds } from './stars';
export { skeleton, slant, strokeWidth, STYLE_TOLERANCE, styleMatchPercent, styleOf, type Style } from './style';
