/** Kept drawings (#14): the save's format both ways, keeping and removing, a corrupt drawing dropped alone. */
import { describe, expect, it } from 'vitest';
import { memoryStorage } from './support/memory-storage';
import { createGameStore, DEFAULT_SETTINGS } from '../../src/game/state';
import { SAVE_STORAGE_KEY, SAVE_VERSION } from '../../src/game/state/persistence';
import {
  decodeDigit,
  decodeLetter,
  digitExamples,
  encodeDigit,
  encodeLetter,
  letterExamples,
  NO_DRAWINGS,
  OWN_DIGITS_MAX,
  keepDigit,
} from '../../src/shared/drawing/own-drawings';
import { GLYPH_CHARS, glyphBitmap } from '../../src/shared/glyphs';
import { LEVELS } from '../../src/shared/levels';

/** A digit-like image: a vertical bar with a soft edge (values between 0 and 1 too). */
function bar(): Float32Array {
  const img = new Float32Array(784);
  for (let y = 4; y < 24; y++) {
    img[y * 28 + 13] = 1;
    img[y * 28 + 14] = 0.5;
  }
  return img;
}

describe('kept drawings: format', () => {
  it('a digit round-trips to within one byte step; a letter exactly', () => {
    const saved = encodeDigit(bar(), 1);
    expect(saved.pixels.length).toBe(1048);
    const back = decodeDigit(saved)!;
    bar().forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(0.5 / 255 + 1e-7));
    const a = glyphBitmap('A');
    const letter = encodeLetter('A', a);
    expect(letter.bits).toMatch(/^[01]{35}$/);
    expect(Array.from(decodeLetter(letter))).toEqual(Array.from(a));
    expect(decodeDigit({ pixels: 'AAAA' })).toBeNull();
    expect(decodeDigit({ pixels: '!'.repeat(1048) })).toBeNull();
  });

  it('training examples: digits added (repeated), letters replacing their font class', () => {
    let d = keepDigit(NO_DRAWINGS, encodeDigit(bar(), 1));
    d = keepDigit(d, encodeDigit(bar(), 7));
    const digits = digitExamples(d)!;
    expect([digits.count, digits.mode, digits.images.length, Array.from(digits.labels)]).toEqual([
      2,
      'add',
      1568,
      [1, 7],
    ]);
    expect(digits.repeat).toBeGreaterThan(1);
    const letters = letterExamples({ digits: [], letters: [encodeLetter('Q', glyphBitmap('O'))] })!;
    expect([letters.count, letters.mode, Array.from(letters.labels)]).toEqual([
      1,
      'replace',
      [GLYPH_CHARS.indexOf('Q')],
    ]);
    expect(digitExamples(NO_DRAWINGS)).toBeNull();
    expect(letterExamples(NO_DRAWINGS)).toBeNull();
  });
});

describe('kept drawings: the store and the save', () => {
  it('keeps, replaces a letter, caps the digits, removes, and survives a reload and a progress reset', () => {
    const storage = memoryStorage();
    const a = createGameStore({ storage });
    for (let i = 0; i < OWN_DIGITS_MAX + 2; i++) a.getState().keepDigitDrawing(bar(), i % 10);
    a.getState().keepLetterDrawing('B', glyphBitmap('B'));
    a.getState().keepLetterDrawing('A', glyphBitmap('O'));
    a.getState().keepLetterDrawing('A', glyphBitmap('A'));
    const kept = a.getState().progress.drawings!;
    expect(kept.digits.length).toBe(OWN_DIGITS_MAX);
    expect(kept.digits[0].label).toBe(2); // the two oldest went
    expect(kept.letters.map((l) => l.letter)).toEqual(['A', 'B']);
    expect(Array.from(decodeLetter(kept.letters[0]))).toEqual(Array.from(glyphBitmap('A')));
    a.getState().removeDrawing('digit', 0);
    a.getState().removeDrawing('letter', 1);
    const b = createGameStore({ storage });
    expect(b.getState().progress.drawings!.digits.length).toBe(OWN_DIGITS_MAX - 1);
    expect(b.getState().progress.drawings!.letters.map((l) => l.letter)).toEqual(['A']);
    expect(b.getState().lab.notices).toEqual([]);
    b.getState().resetProgress();
    expect(b.getState().progress.drawings!.letters.length).toBe(1);
  });

  it('a corrupt drawing is dropped alone, with a notice; the levels and the other drawings stay', () => {
    const level = LEVELS[0];
    const good = { stars: 1, bestScore: 3, bestPayload: null, attempts: 1 };
    const digit = encodeDigit(bar(), 1);
    const drawings = {
      digits: [digit, { pixels: digit.pixels.slice(4), label: 1 }, { ...digit, label: 12 }],
      letters: [
        encodeLetter('A', glyphBitmap('A')),
        { letter: 'A', bits: '1'.repeat(35) },
        { letter: 'é', bits: '0'.repeat(35) },
      ],
    };
    const text = JSON.stringify({
      state: { settings: DEFAULT_SETTINGS, progress: { levels: { [level.id]: good }, drawings } },
      version: SAVE_VERSION,
    });
    const store = createGameStore({ storage: memoryStorage({ [SAVE_STORAGE_KEY]: text }) });
    const progress = store.getState().progress;
    expect(progress.levels).toEqual({ [level.id]: good });
    expect(progress.drawings).toEqual({ digits: [digit], letters: [encodeLetter('A', glyphBitmap('A'))] });
    const notice = store.getState().lab.notices.at(-1)!;
    expect(notice.key).toBe('notice.saveEntriesDropped');
    expect(notice.params).toEqual({ count: 1, parts: '4 of your drawings' });
  });
});
