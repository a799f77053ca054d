/**
 * Solver bots for the map and arithmetic levels, on the shipped pretrained models (assets/pretrained) through
 * the real engine (tfjs WASM in Node): each level can be won, 3 stars are reachable, and the naive attempts
 * (the level's example payload, random choices) do not get 3 stars. Nothing trains, so the first star is free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { LEVELS } from '../../../src/shared/levels';
import { solverEngine } from './lib/node-engine';
import { solvePretrained, type SolverReport } from './lib/solver';

const levels = LEVELS.filter((l) => l.setup.kind !== 'trained');
const reports: SolverReport[] = [];
let engine: Engine;

beforeAll(async () => {
  engine = await solverEngine();
});

afterAll(() => {
  for (const r of reports) console.log(`solver ${r.id}: best ${r.bestStars}★ (${r.bestScore}), naive ${r.naiveStars}★ (${r.naiveRule}), search ${r.searchSeconds} s`);
});

describe('solver bots: map and arithmetic levels (pretrained)', () => {
  it('covers every map and arithmetic level', () => {
    expect(levels.map((l) => l.id)).toEqual(['holes-in-the-map', 'navigator', 'dream-digits', 'the-path', 'blend', 'difference', 'attribute-vector', 'letter-forge']);
  });

  for (const level of levels) {
    it(`${level.id}: winnable, 3 stars reachable, naive below 3 stars`, async () => {
      const report = await solvePretrained(engine, level);
      reports.push(report);
      expect(report.status).toBe('solved');
      expect(report.winnable).toBe(true);
      expect(report.bestStars).toBe(3);
      expect(report.naiveStars).toBeLessThan(3);
      expect(report.secondsToFirstStar).toBe(0);
    });
  }
});
