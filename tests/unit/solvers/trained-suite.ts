/**
 * The solver-bot suite for trained levels, through the real engine (tfjs WASM in Node): each level can be won,
 * 3 stars are reachable, the defaults do not get 3 stars, and the time to the first star is recorded (the 5 s / 30 s
 * budgets are reported by `npm run solve` and `npm run bench`: speed targets never go in timed unit tests).
 * Glyph and MNIST levels run it from separate files so vitest runs them in parallel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import type { LevelDefinition } from '../../../src/shared/levels';
import { solverEngine } from '../../../tools/solver/node-engine';
import { solveTrained, type SolverReport } from '../../../tools/solver/solver';

export function describeTrainedSolvers(name: string, levels: readonly LevelDefinition[]): void {
  const reports: SolverReport[] = [];
  let engine: Engine;

  beforeAll(async () => {
    engine = await solverEngine();
  });

  afterAll(() => {
    for (const r of reports)
      console.log(
        `solver ${r.id}: best ${r.bestStars}★ (${r.bestScore}), defaults ${r.naiveStars}★ (${r.defaultsScore}), first star after ${r.secondsToFirstStar} CPU s (${r.wallSecondsToFirstStar} s wall), best run ${r.bestTrainSeconds} s wall`,
      );
  });

  describe(`solver bots: ${name}`, () => {
    for (const level of levels) {
      it(`${level.id}: winnable, 3 stars reachable, defaults below 3 stars, a first star recorded`, async () => {
        const report = await solveTrained(engine, level);
        reports.push(report);
        expect(report.status).toBe('solved');
        expect(report.winnable).toBe(true);
        expect(report.bestStars).toBe(3);
        expect(report.naiveStars).toBeLessThan(3);
        expect(report.secondsToFirstStar).not.toBeNull();
      }, 300_000);
    }
  });
}
