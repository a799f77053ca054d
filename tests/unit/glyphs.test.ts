import { describe, expect, it } from 'vitest';
import {
  GLYPH_CHARS,
  GLYPH_HEIGHT,
  GLYPH28_OFFSET_X,
  GLYPH28_OFFSET_Y,
  GLYPH28_SCALE,
  GLYPH_WIDTH,
  glyphBitmap,
  glyphSet,
  glyphSet28,
  LETTERS,
  renderGlyph28,
} from '../../src/shared/glyphs';

const ink = (bits: Float32Array, x: number, y: number): boolean => bits[y * GLYPH_WIDTH + x] === 1;
const hamming = (a: Float32Array, b: Float32Array): number => a.reduce((d, v, i) => d + (v !== b[i] ? 1 : 0), 0);
const isAlnum = (ch: string): boolean => /^[A-Z0-9]$/.test(ch);

/** Averages each 3x3 block of the 15x21 glyph area back to one font pixel, thresholded at 0.5. */
function downsample(img28: Float32Array): Float32Array {
  const out = new Float32Array(GLYPH_WIDTH * GLYPH_HEIGHT);
  for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
    for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
      let s = 0;
      for (let dy = 0; dy < 3; dy++) {
        for (let dx = 0; dx < 3; dx++)
          s += img28[(GLYPH28_OFFSET_Y + gy * 3 + dy) * 28 + GLYPH28_OFFSET_X + gx * 3 + dx];
      }
      out[gy * GLYPH_WIDTH + gx] = s / 9 >= 0.5 ? 1 : 0;
    }
  }
  return out;
}

describe('the 7x5 glyph font', () => {
  it('has A-Z, 0-9 and symbols in label order', () => {
    expect([GLYPH_WIDTH, GLYPH_HEIGHT]).toEqual([5, 7]);
    expect(LETTERS.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(GLYPH_CHARS.slice(0, 36).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    expect(GLYPH_CHARS.length).toBeGreaterThanOrEqual(36 + 8);
    expect(new Set(GLYPH_CHARS).size).toBe(GLYPH_CHARS.length);
  });

  it.each([...GLYPH_CHARS])('%s is 35 binary values', (ch) => {
    const bits = glyphBitmap(ch);
    expect(bits).toBeInstanceOf(Float32Array);
    expect(bits.length).toBe(35);
    expect(bits.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it('throws a readable error on an unknown character', () => {
    expect(() => glyphBitmap('a')).toThrow(/no character "a"/);
    expect(() => glyphBitmap('')).toThrow(Error);
    expect(() => glyphBitmap('AB')).toThrow(Error);
  });

  it('returns copies, so callers cannot edit the font', () => {
    const a = glyphBitmap('A');
    a.fill(0);
    expect(glyphBitmap('A').some((v) => v === 1)).toBe(true);
  });

  it('keeps every pair of glyphs at least 2 pixels apart (legibility)', () => {
    const bitmaps = GLYPH_CHARS.map(glyphBitmap);
    const close: string[] = [];
    for (let i = 0; i < bitmaps.length; i++) {
      for (let j = i + 1; j < bitmaps.length; j++) {
        if (hamming(bitmaps[i], bitmaps[j]) < 2) close.push(GLYPH_CHARS[i] + GLYPH_CHARS[j]);
      }
    }
    expect(close).toEqual([]);
  });

  it('draws letters and digits at full cap height, at least 3 columns wide, with no empty gap rows', () => {
    for (const ch of GLYPH_CHARS.filter(isAlnum)) {
      const bits = glyphBitmap(ch);
      const rows = Array.from({ length: GLYPH_HEIGHT }, (_, y) =>
        Array.from({ length: GLYPH_WIDTH }, (_, x) => ink(bits, x, y)).some(Boolean),
      );
      const cols = Array.from({ length: GLYPH_WIDTH }, (_, x) =>
        Array.from({ length: GLYPH_HEIGHT }, (_, y) => ink(bits, x, y)).some(Boolean),
      );
      expect({ ch, rows: rows.every(Boolean) }).toEqual({ ch, rows: true });
      expect({ ch, wide: cols.filter(Boolean).length >= 3 }).toEqual({ ch, wide: true });
    }
  });

  it('draws every symbol with some ink but not a full block', () => {
    for (const ch of GLYPH_CHARS.filter((c) => !isAlnum(c))) {
      const n = glyphBitmap(ch).reduce((a, b) => a + b, 0);
      expect({ ch, ok: n > 0 && n < 35 }).toEqual({ ch, ok: true });
    }
  });
});

describe('glyphSet', () => {
  it('stacks the bitmaps with labels indexing GLYPH_CHARS', () => {
    const set = glyphSet();
    expect([set.width, set.height]).toEqual([5, 7]);
    expect(set.chars).toEqual([...GLYPH_CHARS]);
    expect(set.images.length).toBe(GLYPH_CHARS.length * 35);
    set.labels.forEach((label, i) => {
      expect(GLYPH_CHARS[label]).toBe(set.chars[i]);
      expect(Array.from(set.images.subarray(i * 35, (i + 1) * 35))).toEqual(Array.from(glyphBitmap(set.chars[i])));
    });
  });

  it('takes a subset in the caller order', () => {
    const set = glyphSet(['Z', '7', 'A']);
    expect(Array.from(set.labels)).toEqual([25, 33, 0]);
    expect(set.chars).toEqual(['Z', '7', 'A']);
    expect(() => glyphSet(['A', 'é'])).toThrow(Error);
  });
});

describe('renderGlyph28', () => {
  it.each([...GLYPH_CHARS])('%s renders to 784 values in [0, 1] that downsample back to the bitmap', (ch) => {
    const bits = glyphBitmap(ch);
    const img = renderGlyph28(bits);
    expect(img.length).toBe(784);
    expect(img.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Array.from(downsample(img))).toEqual(Array.from(bits));
  });

  it('centres glyphs like MNIST digits and softens their edges', () => {
    expect(GLYPH28_SCALE).toBe(3);
    // The 15x21 glyph area sits in the middle of the frame: 13 (or 7) spare pixels split as evenly as possible.
    expect([GLYPH28_OFFSET_X, 28 - 15 - GLYPH28_OFFSET_X].sort()).toEqual([6, 7]);
    expect([GLYPH28_OFFSET_Y, 28 - 21 - GLYPH28_OFFSET_Y].sort()).toEqual([3, 4]);
    for (const ch of ['H', 'O', 'X', '8', '0', '+']) {
      const img = renderGlyph28(glyphBitmap(ch));
      let mass = 0;
      let cx = 0;
      let cy = 0;
      img.forEach((v, i) => {
        mass += v;
        cx += v * (i % 28);
        cy += v * Math.floor(i / 28);
      });
      // Point-symmetric glyphs: their centre of mass sits within a pixel of the frame centre (13.5, 13.5).
      expect(Math.abs(cx / mass - 13.5)).toBeLessThan(1);
      expect(Math.abs(cy / mass - 13.5)).toBeLessThan(1);
      // A grey halo, not just black and white; the border of the frame stays empty.
      expect(img.some((v) => v > 0.1 && v < 0.9)).toBe(true);
      for (let k = 0; k < 28; k++)
        expect([img[k], img[27 * 28 + k], img[k * 28], img[k * 28 + 27]]).toEqual([0, 0, 0, 0]);
    }
  });

  it('rejects a bitmap of the wrong length', () => {
    expect(() => renderGlyph28(new Float32Array(34))).toThrow(/35 values/);
  });

  it('glyphSet28 matches renderGlyph28 with the same labels as glyphSet', () => {
    const chars = ['Q', '0', '♥'];
    const set = glyphSet28(chars);
    expect([set.width, set.height]).toEqual([28, 28]);
    expect(Array.from(set.labels)).toEqual(Array.from(glyphSet(chars).labels));
    chars.forEach((ch, i) => {
      expect(Array.from(set.images.subarray(i * 784, (i + 1) * 784))).toEqual(
        Array.from(renderGlyph28(glyphBitmap(ch))),
      );
    });
    expect(glyphSet28().images.length).toBe(GLYPH_CHARS.length * 784);
  });
});
