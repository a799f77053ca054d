/** Your own digits and letters: the drawing pad's stroke model, MNIST-style pre-processing, tapped letters. */
export {
  centreOfMass,
  MIN_PEAK_INK,
  MNIST_BOX,
  MNIST_CENTRE,
  preprocessBitmap,
  preprocessStrokes,
  type PreprocessOptions,
  type PreprocessResult,
} from './mnist-preprocess';
export { MNIST_SIDE } from '../mnist-format';
export { rasterizeStrokes, resampleArea, strokeBounds, type PixelBox, type Placement } from './raster';
export { BRUSH_MIN, StrokeModel, type StrokeModelOptions } from './stroke-model';
export { cellAt, LetterGrid, letterFromTaps, type Cell } from './letter-grid';
export type { GreyBitmap, Point, Stroke } from './types';
export { perImageMse, shareBelow, topClass } from './anomaly';
export { nearestCode } from './nearest';
export { tryOwnFor, type TryOwn } from './try-own';
export {
  decodeDigit,
  decodeLetter,
  digitExamples,
  encodeDigit,
  encodeLetter,
  isSavedDigit,
  isSavedLetter,
  keepDigit,
  keepLetter,
  letterExamples,
  NO_DRAWINGS,
  OWN_DIGITS_MAX,
  removeDrawing,
  type OwnDrawings,
  type SavedDigit,
  type SavedLetter,
} from './own-drawings';
export { isOwnCard, OWN_CARD_PREFIX, OWN_CARDS_MAX, ownDigitCards, type OwnCard } from './own-card';
