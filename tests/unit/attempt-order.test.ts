import { describe, expect, it } from 'vitest';
import { bestAttempt, isBetterAttempt } from '../../src/shared/levels';

describe('isBetterAttempt (the one rule for a better attempt)', () => {
  it('takes anything over nothing, then more stars over a better score', () => {
    expect(isBetterAttempt('higher', { stars: 0, score: 1 }, undefined)).toBe(true);
    expect(isBetterAttempt('higher', { stars: 2, score: 10 }, { stars: 1, score: 99 })).toBe(true);
    expect(isBetterAttempt('lower', { stars: 1, score: 0.01 }, { stars: 2, score: 0.5 })).toBe(false);
  });
  it('breaks equal stars by the metric direction, strictly', () => {
    expect(isBetterAttempt('higher', { stars: 1, score: 80 }, { stars: 1, score: 70 })).toBe(true);
    expect(isBetterAttempt('higher', { stars: 1, score: 70 }, { stars: 1, score: 70 })).toBe(false);
    expect(isBetterAttempt('lower', { stars: 1, score: 0.02 }, { stars: 1, score: 0.03 })).toBe(true);
    expect(isBetterAttempt('lower', { stars: 1, score: 0.04 }, { stars: 1, score: 0.03 })).toBe(false);
  });
  it('never lets a non-finite score win a tie of stars, and replaces a non-finite best', () => {
    expect(isBetterAttempt('lower', { stars: 0, score: Number.NaN }, { stars: 0, score: 5 })).toBe(false);
    expect(isBetterAttempt('lower', { stars: 0, score: 5 }, { stars: 0, score: Number.POSITIVE_INFINITY })).toBe(true);
  });
  it('bestAttempt keeps the first of equals', () => {
    const list = [
      { id: 'a', stars: 2, score: 50 },
      { id: 'b', stars: 3, score: 40 },
      { id: 'c', stars: 3, score: 40 },
    ];
    expect(bestAttempt('higher', list)?.id).toBe('b');
    expect(bestAttempt('higher', [])).toBeUndefined();
  });
});
