import { describe, expect, it } from 'vitest';
import { skeleton, slant, strokeWidth, styleMatchPercent, styleOf } from '../../src/shared/scoring';

const W = 28;
const H = 28;

/** A hand-made stroke: a line from (x0, y0) to (x1, y1), `thickness` pixels wide (ink 1, paper 0). */
function stroke(x0: number, y0: number, x1: number, y1: number, thickness: number): Float32Array {
  const img = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const dx = x1 - x0;
      const dy = y1 - y0;
      const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
      const d = Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
      if (d <= (thickness - 1) / 2 + 0.01) img[y * W + x] = 1;
    }
  return img;
}

/** A rectangle outline ("0"-like ring) with walls `t` pixels thick. */
function ring(t: number): Float32Array {
  const img = new Float32Array(W * H);
  for (let y = 6; y < 22; y++)
    for (let x = 8; x < 20; x++) if (y < 6 + t || y >= 22 - t || x < 8 + t || x >= 20 - t) img[y * W + x] = 1;
  return img;
}

describe('style measures (Digits on demand)', () => {
  it('thins a bar to a one-pixel line about as long as the bar', () => {
    const skel = skeleton(stroke(14, 4, 14, 23, 5), W, H);
    const count = skel.reduce((s, v) => s + v, 0);
    expect(count).toBeGreaterThanOrEqual(14);
    expect(count).toBeLessThanOrEqual(20);
    for (let y = 0; y < H; y++) {
      let row = 0;
      for (let x = 0; x < W; x++) row += skel[y * W + x];
      expect(row).toBeLessThanOrEqual(1);
    }
  });

  it('stroke width follows the pen, not the amount of ink', () => {
    const thin = strokeWidth(stroke(14, 4, 14, 23, 1), W, H);
    const bold = strokeWidth(stroke(14, 4, 14, 23, 5), W, H);
    expect(thin).toBeCloseTo(1, 1);
    expect(bold).toBeGreaterThan(4);
    // Thinning shortens the skeleton by about half a pen at each end, so a short bold bar reads a little bolder.
    expect(bold).toBeLessThan(7.5);
    expect(strokeWidth(stroke(14, 4, 14, 23, 3), W, H)).toBeGreaterThan(thin + 1.5);
    // A ring has about 3x the bar's ink at the same pen: the width stays about the same.
    const ringWidth = strokeWidth(ring(3), W, H);
    const barWidth = strokeWidth(stroke(14, 4, 14, 23, 3), W, H);
    expect(Math.abs(ringWidth - barWidth)).toBeLessThan(0.8);
  });

  it('slant: upright 0, top to the right positive, top to the left negative', () => {
    expect(slant(stroke(14, 4, 14, 23, 3), W, H)).toBeCloseTo(0, 5);
    const right = slant(stroke(18, 4, 10, 23, 3), W, H); // top at x 18, bottom at x 10
    const left = slant(stroke(10, 4, 18, 23, 3), W, H);
    const expected = (Math.atan(8 / 19) * 180) / Math.PI; // about 22.8 degrees
    expect(right).toBeGreaterThan(expected - 4);
    expect(right).toBeLessThan(expected + 4);
    expect(left).toBeCloseTo(-right, 5);
  });

  it('empty images measure 0; wrong sizes are refused', () => {
    expect(styleOf(new Float32Array(W * H), W, H)).toEqual({ strokeWidth: 0, slant: 0 });
    expect(() => slant(new Float32Array(10), W, H)).toThrow(RangeError);
  });

  it('style match: 100 when equal, 0 at the tolerance, the worse of the two counts', () => {
    const card = { strokeWidth: 3, slant: 20 };
    expect(styleMatchPercent(card, card)).toBe(100);
    expect(styleMatchPercent({ strokeWidth: 3.5, slant: 20 }, card)).toBeCloseTo(50, 6);
    expect(styleMatchPercent({ strokeWidth: 3, slant: 30 }, card)).toBeCloseTo(50, 6);
    expect(styleMatchPercent({ strokeWidth: 3.25, slant: 30 }, card)).toBeCloseTo(50, 6);
    expect(styleMatchPercent({ strokeWidth: 5, slant: 20 }, card)).toBe(0);
  });
});
