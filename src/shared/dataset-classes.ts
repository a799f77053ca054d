/** Each dataset's class names in label order (the worker's DatasetInfo and the game's maps, before any data loads). */
import { GLYPH_CHARS } from './glyphs';
import type { DatasetName } from './worker-api';

/** MNIST's ten digits, '0' … '9'. */
export const DIGIT_CLASS_NAMES: readonly string[] = Object.freeze(Array.from({ length: 10 }, (_, i) => String(i)));

export function datasetClassNames(name: DatasetName): string[] {
  return name === 'mnist' ? [...DIGIT_CLASS_NAMES] : [...GLYPH_CHARS];
}
