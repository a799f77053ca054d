/**
 * Solver bots for the map and arithmetic levels, on the shipped pretrained models (assets/pretrained) through
 * the real engine (tfjs WASM in Node): each level can be won, 3 stars are reachable, and the naive attempts
 * (the level's example payload, random choices) do not get 3 stars. Levels with screen-only bots
 * (tools/solver/screen: world 4, and world 3 once tools/solver/world3 registers its bots) are played by them,
 * within their budget of looks; the others by the old search (the "ceiling").
 *
 * Every classroom variant (src/shared/levels/variants.ts) must meet the same bar, and its difficulty figures
 * (tools/solver/pretrained-solvers.ts variantFigures) must stay within the rule that kept it, next to variant 0's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { LEVELS, type LevelDefinition } from '../../../src/shared/levels';
import { levelVariants } from '../../../src/shared/levels/variants';
import { solverEngine } from '../../../tools/solver/node-engine';
import { PretrainedLevel } from '../../../tools/solver/pretrained';
import { variantFigures } from '../../../tools/solver/pretrained-solvers';
import { levelBots } from '../../../tools/solver/screen/registry';
import { playLevel } from '../../../tools/solver/screen/run';
import { solvePretrained, type SolverReport } from '../../../tools/solver/solver';

// Digits on demand (World 5) is proven by its own screen-only bots in world5-generator-bots.test.ts.
const levels = LEVELS.filter((l) => l.setup.kind !== 'trained' && l.id !== 'digits-on-demand');
const reports: { name: string; report: SolverReport }[] = [];
const figures: { name: string; figures: Record<string, number> }[] = [];
const screenReports: string[] = [];
let engine: Engine;

/** Problems with a variant's figures next to the default's: the rules the world files' headers state. */
type Rule = (variant: Record<string, number>, base: Record<string, number>, level: LevelDefinition) => string[];
const within = (name: string, v: number, base: number, points: number): string[] =>
  Math.abs(v - base) <= points ? [] : [`${name} ${v.toFixed(2)} is more than ${points} from ${base.toFixed(2)}`];
const ratio = (name: string, v: number, base: number, factor: number): string[] =>
  v <= base * factor && v >= base / factor ? [] : [`${name} ${v} is not within ×${factor} of ${base}`];
const below = (name: string, v: number, line: number): string[] =>
  v < line ? [] : [`${name} ${v.toFixed(2)} reaches the star line ${line}`];
const SAME_HARDNESS: Readonly<Record<string, Rule>> = {
  navigator: (v, b) => [
    ...ratio('targetArea', v.targetArea, b.targetArea, 1.25),
    ...ratio('priorHitRate', v.priorHitRate, b.priorHitRate, 1.5),
    ...(v.targetClean === 1 ? [] : ['the target is no clean digit']),
  ],
  blend: (v, b, l) => [
    ...within('closestWrong', v.closestWrong, b.closestWrong, 10),
    ...below('closestWrong', v.closestWrong, l.stars[0]),
    ...below('bestSingle', v.bestSingle, l.stars[0]),
  ],
  difference: (v, b, l) => [
    ...within('closestWrong', v.closestWrong, b.closestWrong, 10),
    ...below('closestWrong', v.closestWrong, l.stars[0]),
    ...within('baseAlone', v.baseAlone, b.baseAlone, 15),
  ],
  'attribute-vector': (v, b, l) => [
    ...within('best', v.best, b.best, 1.5),
    ...(v.best >= 87.8 ? [] : [`best ${v.best.toFixed(2)} is within 0.3 of the 3-star line`]),
    ...(v.pairsFor3Stars === b.pairsFor3Stars
      ? []
      : [`3 stars take ${v.pairsFor3Stars} pairs, not ${b.pairsFor3Stars}`]),
    ...within('onePair', v.onePair, b.onePair, 3),
    ...below('onePair', v.onePair, l.stars[1]),
  ],
};

beforeAll(async () => {
  engine = await solverEngine();
});

afterAll(() => {
  for (const line of screenReports) console.log(`screen-only bots ${line}`);
  for (const { name, report: r } of reports)
    console.log(
      `solver ${name}: best ${r.bestStars}★ (${r.bestScore}), naive ${r.naiveStars}★ (${r.naiveRule}: ${r.attempts
        .filter((a) => a.who !== 'skilled')
        .map((a) => a.score)
        .join(' / ')}), search ${r.searchSeconds} s`,
    );
  for (const f of figures)
    console.log(
      `variant figures ${f.name}: ${JSON.stringify(f.figures, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(4)) : v))}`,
    );
});

async function expectSolved(name: string, level: LevelDefinition): Promise<void> {
  const bots = levelBots(engine, level);
  if (bots) {
    const screen = await playLevel(bots);
    screenReports.push(`${name}: playerBot ${JSON.stringify(screen.playerBot)}, naive ${screen.naiveStars}★`);
    expect(screen.plays[0].ended).toBe('done');
    expect(screen.winnable).toBe(true);
    expect(screen.bestStars).toBe(3);
    expect(screen.naiveStars).toBeLessThan(3);
    expect(screen.proven).toBe(true);
    return;
  }
  const report = await solvePretrained(engine, level);
  reports.push({ name, report });
  expect(report.status).toBe('solved');
  expect(report.winnable).toBe(true);
  expect(report.bestStars).toBe(3);
  expect(report.naiveStars).toBeLessThan(3);
  expect(report.secondsToFirstStar).toBe(0);
}

describe('solver bots: map and arithmetic levels (pretrained)', () => {
  it('covers every map and arithmetic level', () => {
    expect(levels.map((l) => l.id)).toEqual([
      'holes-in-the-map',
      'navigator',
      'dream-digits',
      'the-path',
      'blend',
      'difference',
      'attribute-vector',
      'letter-forge',
    ]);
  });

  for (const level of levels) {
    it(`${level.id}: winnable, 3 stars reachable, naive below 3 stars`, async () => {
      await expectSolved(level.id, level);
    });
  }
});

describe('solver bots: every classroom variant as hard as the default', () => {
  for (const level of levels.filter((l) => levelVariants(l).length > 1)) {
    const variants = levelVariants(level);
    let base: Record<string, number> | undefined;
    variants.forEach((variant, i) => {
      const name = `${level.id}#${i}`;
      it(`${name}: winnable, 3 stars reachable, naive below 3 stars, difficulty within the rule`, async () => {
        // The catalogue level is variant 0 of the arithmetic levels and is solved above already.
        if (variant !== level) await expectSolved(name, variant);
        const measured = await variantFigures(await PretrainedLevel.load(engine, variant));
        figures.push({ name, figures: measured });
        if (i === 0) base = measured;
        expect(base, 'variant 0 is measured first').toBeDefined();
        expect(SAME_HARDNESS[level.id](measured, base!, level)).toEqual([]);
      });
    });
  }
});
