/**
 * Digits on demand: fewer decodes, more stars. The payload carries the looks (distinct decodes); the shared
 * scorer caps the stars by them, so the game, the bots and the classroom server agree; the payload check refuses
 * a missing count, fewer looks than written digits, and looks on a level that does not count them.
 */
import { describe, expect, it } from 'vitest';
import { getLevel } from '../../src/shared/levels';
import { LevelInputError } from '../../src/shared/levels/define';
import { validatePayload } from '../../src/shared/levels/payloads';
import { DIGITS_LOOK_BUDGET, digitsStarCap } from '../../src/shared/levels/world5-digits';
import { resultDetailLines } from '../../src/game/view/results-detail';
import { setLocale } from '../../src/shared/messages';

const level = getLevel('digits-on-demand')!;
const points = Array.from({ length: 10 }, (_, d) => [d / 10, -d / 10]);
const judged = (p: number) =>
  Array.from({ length: 10 }, (_, d) => Array.from({ length: 10 }, (_, c) => (c === d ? p : (1 - p) / 9)));
const evaluation = (style: number) => ({ judgeProbabilities: judged(0.95), styleMatch: Array(10).fill(style) });
const score = (looks: number | undefined, style = 90) =>
  level.score({ kind: 'latentPoints', points, ...(looks === undefined ? {} : { looks }) }, evaluation(style));

describe('digits on demand: the decode budget', () => {
  it('caps the stars by the looks, at the budget’s lines inclusive', () => {
    const { threeStars, twoStars } = DIGITS_LOOK_BUDGET;
    expect([10, threeStars, threeStars + 1, twoStars, twoStars + 1, 5000].map((n) => score(n).stars)).toEqual([
      3, 3, 2, 2, 1, 1,
    ]);
    expect([threeStars, threeStars + 1, twoStars + 1].map(digitsStarCap)).toEqual([3, 2, 1]);
    // The budget only caps: a score worth 1 star stays 1 star however few the looks; a missed goal stays 0.
    expect(score(10, 45).stars).toBe(1);
    expect(score(10, 20).stars).toBe(0);
    // The score itself does not depend on the looks.
    expect(score(10).score).toBe(score(5000).score);
    expect(score(123).detail).toMatchObject({ looks: 123, looksFor3: threeStars });
  });

  it('needs the looks in the payload, at least one per written digit', () => {
    expect(() => score(undefined)).toThrow(LevelInputError);
    expect(() => score(9)).toThrow(/at least one per point/);
    expect(() => score(10.5)).toThrow(LevelInputError);
    expect(validatePayload(level, { kind: 'latentPoints', points, looks: 10 }).ok).toBe(true);
    const dream = getLevel('holes-in-the-map')!;
    const example = dream.example as { kind: 'latentPoints'; points: number[][] };
    expect(validatePayload(dream, { ...example, looks: 10 })).toMatchObject({ ok: false });
    expect(validatePayload(dream, example).ok).toBe(true);
  });

  it('names the looks and the 3-star line on the Results screen, in every language', () => {
    const lines = (locale: string) => {
      setLocale(locale as never);
      return resultDetailLines({ looks: 312, looksFor3: 300 }, locale as never, 60).join(' ');
    };
    expect(lines('en')).toContain('Looks: 312 (3★ needs at most 300)');
    for (const l of ['pl', 'cs', 'es']) expect(lines(l)).toMatch(/312.*300/);
    setLocale('en');
  });
});
