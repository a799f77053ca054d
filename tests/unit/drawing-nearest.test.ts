import { describe, expect, it } from 'vitest';
import { nearestCode, tryOwnFor } from '../../src/shared/drawing';
import { getLevel, LEVELS } from '../../src/shared/levels';
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

describe('try your own (after a latent-map or arithmetic level is won)', () => {
  it('offers the level its own 2-D model, the 2-D VAE for other digit levels and letters for Letter forge', () => {
    const holes = getLevel('holes-in-the-map')!;
    expect(holes.setup.kind).toBe('map');
    expect(tryOwnFor(holes, true)).toMatchObject({ mode: 'digit' });
    expect(tryOwnFor(getLevel('letter-forge')!, true)).toMatchObject({ mode: 'letter' });
    expect(tryOwnFor(getLevel('blend')!, true)).toEqual({
      mode: 'digit',
      model: expect.stringMatching(/^mnist-(ae|vae)-2d$/),
    });
    for (const level of LEVELS) {
      const own = tryOwnFor(level, true);
      if (level.setup.kind === 'map' && (level.setup.asset === 'mnist-ae-2d' || level.setup.asset === 'mnist-vae-2d'))
        expect(own?.model).toBe(level.setup.asset);
      if (level.setup.kind === 'trained') expect(own).toBeNull();
      expect(tryOwnFor(level, false)).toBeNull();
    }
  });
});
