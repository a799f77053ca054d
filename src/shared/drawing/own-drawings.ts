/**
 * The player's kept drawings (#14), as they live in the save: digits as the pre-processed 28x28 image (one byte
 * per pixel, base64) with the judge's digit, letters as 35 '0'/'1' characters with the font letter they stand in
 * for ("my alphabet"). Pure: conversions both ways, the checks the save's schema uses, and the training examples
 * the Lab hands the worker (TrainConfig.own).
 */
import { base64ToBytes, bytesToBase64 } from '../classroom/model-codec';
import { GLYPH_CHARS, GLYPH_PIXELS, LETTERS } from '../glyphs';
import { MNIST_SIDE } from '../mnist-format';
import type { OwnExamples } from '../worker-api';

export const DIGIT_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** At most this many kept digits (a new one beyond pushes the oldest out). */
export const OWN_DIGITS_MAX = 24;
/** 784 bytes in padded base64. */
export const DIGIT_BASE64_CHARS = Math.ceil(DIGIT_PIXELS / 3) * 4;
/**
 * Each kept digit is trained this many times per epoch beside MNIST's training digits, so a handful of drawings
 * weighs among thousands (MNIST + my drawings).
 */
export const OWN_DIGIT_REPEAT = 40;

export interface SavedDigit {
  /** The pre-processed drawing: 784 bytes (0 = no ink, 255 = full ink), row-major, padded base64. */
  pixels: string;
  /** The judge's digit when it was kept (its class for conditional models). */
  label: number;
}

export interface SavedLetter {
  /** The font letter it replaces, 'A'..'Z'. */
  letter: string;
  /** 35 characters, '1' = ink, row-major 5 wide. */
  bits: string;
}

export interface OwnDrawings {
  digits: readonly SavedDigit[];
  /** At most one per letter. */
  letters: readonly SavedLetter[];
}

export const NO_DRAWINGS: OwnDrawings = Object.freeze({ digits: [], letters: [] });

export function encodeDigit(image: Float32Array, label: number): SavedDigit {
  const bytes = Uint8Array.from(image.subarray(0, DIGIT_PIXELS), (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { pixels: bytesToBase64(bytes), label };
}

/** The digit's image in [0, 1], or null when `pixels` is not 784 bytes of base64. */
export function decodeDigit(digit: Pick<SavedDigit, 'pixels'>): Float32Array | null {
  if (digit.pixels.length !== DIGIT_BASE64_CHARS) return null;
  const bytes = base64ToBytes(digit.pixels);
  if (!bytes || bytes.length !== DIGIT_PIXELS) return null;
  return Float32Array.from(bytes, (b) => b / 255);
}

export function encodeLetter(letter: string, bitmap: Float32Array): SavedLetter {
  return { letter, bits: Array.from(bitmap.subarray(0, GLYPH_PIXELS), (v) => (v >= 0.5 ? '1' : '0')).join('') };
}

export function decodeLetter(saved: Pick<SavedLetter, 'bits'>): Float32Array {
  return Float32Array.from(saved.bits, (c) => (c === '1' ? 1 : 0));
}

export const isSavedDigit = (d: SavedDigit): boolean =>
  Number.isInteger(d.label) && d.label >= 0 && d.label <= 9 && decodeDigit(d) !== null;

export const isSavedLetter = (l: SavedLetter): boolean => LETTERS.includes(l.letter) && /^[01]{35}$/.test(l.bits);

/** A new digit kept: the newest last, the oldest dropped beyond OWN_DIGITS_MAX. */
export function keepDigit(drawings: OwnDrawings, digit: SavedDigit): OwnDrawings {
  return { ...drawings, digits: [...drawings.digits, digit].slice(-OWN_DIGITS_MAX) };
}

/** My letter for `letter.letter`: replaces an earlier one for the same letter; kept in A..Z order. */
export function keepLetter(drawings: OwnDrawings, letter: SavedLetter): OwnDrawings {
  const letters = [...drawings.letters.filter((l) => l.letter !== letter.letter), letter];
  letters.sort((a, b) => a.letter.localeCompare(b.letter));
  return { ...drawings, letters };
}

export function removeDrawing(drawings: OwnDrawings, kind: 'digit' | 'letter', index: number): OwnDrawings {
  return kind === 'digit'
    ? { ...drawings, digits: drawings.digits.filter((_, i) => i !== index) }
    : { ...drawings, letters: drawings.letters.filter((_, i) => i !== index) };
}

/** The kept digits as training examples beside MNIST (TrainConfig.own), or null when there are none. */
export function digitExamples(drawings: OwnDrawings): OwnExamples | null {
  const images = drawings.digits.map(decodeDigit).filter((d): d is Float32Array => d !== null);
  if (images.length === 0) return null;
  const flat = new Float32Array(images.length * DIGIT_PIXELS);
  images.forEach((img, i) => flat.set(img, i * DIGIT_PIXELS));
  const labels = Uint8Array.from(drawings.digits.filter((d) => decodeDigit(d) !== null).map((d) => d.label));
  return { images: flat, labels, count: images.length, mode: 'add', repeat: OWN_DIGIT_REPEAT };
}

/** My alphabet: my letters in place of the font's (TrainConfig.own, mode 'replace'), or null with none. */
export function letterExamples(drawings: OwnDrawings): OwnExamples | null {
  const letters = drawings.letters.filter(isSavedLetter);
  if (letters.length === 0) return null;
  const flat = new Float32Array(letters.length * GLYPH_PIXELS);
  letters.forEach((l, i) => flat.set(decodeLetter(l), i * GLYPH_PIXELS));
  const labels = Uint8Array.from(letters, (l) => GLYPH_CHARS.indexOf(l.letter));
  return { images: flat, labels, count: letters.length, mode: 'replace' };
}
