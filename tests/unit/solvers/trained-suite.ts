/**
 * The solver-bot suite for trained levels, through the real engine (tfjs WASM in Node), with the screen-only
 * bots (tools/solver/screen): the reader, who trains what the card and the hints say in order and sees only the
 * result cards, wins with 3 stars within the play budget (5 minutes, training CPU seconds included), and the
 * naive player who keeps the defaults stays below 3 stars. Speed targets are reported by `npm run solve` and
 * `npm run bench`, never asserted here. Glyph and MNIST levels run it from separate files so vitest runs them
 * in parallel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import type { LevelDefinition } from '../../../src/shared/levels';
import { solverEngine } from '../../../tools/solver/node-engine';
import { PLAY_SECONDS } from '../../../tools/solver/screen/budget';
import { playLevel, type ScreenReport } from '../../../tools/solver/screen/run';
import { trainedBots } from '../../../tools/solver/screen/trained-bots';

export function describeTrainedSolvers(name: string, levels: readonly LevelDefinition[]): void {
  const reports: { id: string; report: ScreenReport }[] = [];
  let engine: Engine;

  beforeAll(async () => {
    engine = await solverEngine();
  });

  afterAll(() => {
    for (const { id, report: r } of reports)
      console.log(
        `screen-only bots ${id}: playerBot ${JSON.stringify(r.playerBot)}, naive ${r.naiveStars}★ (${r.plays
          .slice(1)
          .map((p) => `${p.who} ${p.score}`)
          .join(' / ')})`,
      );
  });

  describe(`screen-only solver bots: ${name}`, () => {
    for (const level of levels) {
      it(`${level.id}: the reader wins with 3 stars within the budget, the defaults stay below 3`, async () => {
        const bots = trainedBots(engine, level);
        expect(bots, 'a reading of the card and hints').not.toBeNull();
        const report = await playLevel(bots!);
        reports.push({ id: level.id, report });
        const [reader] = report.plays;
        expect(reader.ended).toBe('done');
        expect(report.winnable).toBe(true);
        expect(report.playerBot.stars).toBe(3);
        expect(report.naiveStars).toBeLessThan(3);
        expect(report.proven).toBe(true);
        expect(report.playerBot.seconds).toBeLessThanOrEqual(PLAY_SECONDS);
      }, 300_000);
    }
  });
}
