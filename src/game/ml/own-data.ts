/**
 * The Lab's own-data choices (#14): "my alphabet" trains the glyph font with my letters in place of the font's,
 * "MNIST + mine" trains MNIST with my kept digits beside it. Pure: the kept drawings → TrainConfig.own.
 */
import { decodeDigit, decodeLetter, digitExamples, letterExamples, type OwnDrawings } from '../../shared/drawing';
import type { DatasetName, OwnExamples } from '../../shared/worker-api';
import type { DatasetChoice } from '../state/types';

/** The engine's dataset under a choice. */
export function datasetName(choice: DatasetChoice): DatasetName {
  return choice === 'myGlyphs' ? 'glyphs' : choice === 'mnistMine' ? 'mnist' : choice;
}

/** True for the choices that train on the player's own drawings. */
export const isOwnChoice = (choice: DatasetChoice): boolean => choice === 'myGlyphs' || choice === 'mnistMine';

/**
 * The own examples a choice trains with: null for the plain datasets, 'none' when the choice needs drawings
 * the player has not kept yet.
 */
export function ownExamplesFor(choice: DatasetChoice, drawings: OwnDrawings | undefined): OwnExamples | null | 'none' {
  if (!isOwnChoice(choice)) return null;
  const none = { digits: [], letters: [] };
  const own = choice === 'myGlyphs' ? letterExamples(drawings ?? none) : digitExamples(drawings ?? none);
  return own ?? 'none';
}

/** My drawings' images for a choice (the Lab shows them first), at most `count`. */
export function ownImages(choice: DatasetChoice, drawings: OwnDrawings | undefined, count: number): Float32Array[] {
  if (!drawings || !isOwnChoice(choice)) return [];
  const images =
    choice === 'myGlyphs'
      ? drawings.letters.map(decodeLetter)
      : drawings.digits.map(decodeDigit).filter((d): d is Float32Array => d !== null);
  return images.slice(0, count);
}
