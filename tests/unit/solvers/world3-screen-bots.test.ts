/**
 * World 3's screen-only bots (tools/solver/world3) on the shipped pretrained models through the real engine (tfjs
 * WASM in Node): each level's skilled bot wins with 3 stars inside the look and time budget, acting only on what
 * its screen shows, and the naive players stay below 3 stars.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { getLevel } from '../../../src/shared/levels';
import { solverEngine } from '../../../tools/solver/node-engine';
import { LOOKS_PER_POINT, PLAY_SECONDS } from '../../../tools/solver/screen/budget';
import { playLevel } from '../../../tools/solver/screen/run';
import { WORLD3_BOTS } from '../../../tools/solver/world3';

let engine: Engine;

describe('world 3 screen-only bots', () => {
  beforeAll(async () => {
    engine = await solverEngine();
  });

  for (const id of Object.keys(WORLD3_BOTS)) {
    it(`${id}: the skilled bot proves the level within its budget; naive players stay below 3 stars`, async () => {
      const level = getLevel(id)!;
      const report = await playLevel(WORLD3_BOTS[id](engine, level));
      expect(report.playerBot.stars).toBe(3);
      expect(report.naiveStars).toBeLessThan(3);
      expect(report.proven).toBe(true);
      const [skilled] = report.plays;
      const points = level.solution.kind === 'latentPoints' ? level.solution.maxPoints : 1;
      expect(skilled.looks).toBeLessThanOrEqual(LOOKS_PER_POINT * points);
      expect(skilled.seconds).toBeLessThanOrEqual(PLAY_SECONDS);
    }, 180_000);
  }
});
