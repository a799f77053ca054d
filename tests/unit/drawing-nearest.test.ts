import { describe, expect, it } from 'vitest';
import { nearestCode } from '../../src/shared/drawing';
import { LetterPad } from '../../src/game/ui/LetterPad';

describe('nearest code (which font letter a drawn letter is closest to)', () => {
  const codes = Float32Array.from([0, 0, 3, 4, -1, -1]);
  it('finds the nearest row and its Euclidean distance', () => {
    expect(nearestCode(codes, 3, 2, [2.9, 4.2])).toEqual({
      index: 1,
      distance: expect.closeTo(Math.hypot(0.1, 0.2), 6),
    });
    expect(nearestCode(codes, 3, 2, [0, 0])).toEqual({ index: 0, distance: 0 });
    expect(nearestCode(codes, 3, 2, [-0.6, -0.6]).index).toBe(2);
  });
  it('refuses codes of the wrong size', () => {
    expect(() => nearestCode(codes, 4, 2, [0, 0])).toThrow(RangeError);
    expect(() => nearestCode(codes, 3, 2, [0])).toThrow(RangeError);
    expect(() => nearestCode(codes, 0, 2, [0, 0])).toThrow(RangeError);
  });
});

describe('letter pad geometry', () => {
  it('is the largest grid of square 5x7 cells centred in its box', () => {
    expect(LetterPad.square({ x: 0, y: 0, width: 300, height: 300 })).toEqual({ x: 45, y: 3, width: 210, height: 294 });
    expect(LetterPad.square({ x: 10, y: 20, width: 50, height: 700 })).toEqual({
      x: 10,
      y: 335,
      width: 50,
      height: 70,
    });
  });
});
