/**
 * The trained levels' screen-only bots: the skilled reader (READINGS, in order, stopping at a 3-star card),
 * the naive player who presses Train with the defaults, and seeded random players (every control uniform).
 */
import type { LevelDefinition } from '../../../src/shared/levels';
import type { MeasuringEngine } from '../measure';
import { randomValues } from '../strategies';
import { READINGS } from './readings';
import { TrainedScreen, type TrainedRuns } from './trained-screen';
import type { LevelBots, ScreenBot } from './types';

export interface TrainedBotOptions {
  /** Random naive players besides the defaults (seeded 1..n); default 0. */
  randomPlayers?: number;
}

export const readerBot: ScreenBot<TrainedScreen> = {
  who: 'reader',
  async play(screen) {
    for (const step of READINGS[screen.info.id] ?? []) {
      const settings =
        typeof step.settings === 'function'
          ? step.settings({ ...screen.info, columns: screen.sideBySide() })
          : step.settings;
      const { card } = await screen.train(settings);
      if (card.stars === 3) return;
    }
  },
};

export const defaultsBot: ScreenBot<TrainedScreen> = {
  who: 'defaults',
  async play(screen) {
    await screen.train({});
  },
};

const randomBot = (seed: number): ScreenBot<TrainedScreen> => ({
  who: `random ${seed}`,
  async play(screen) {
    await screen.train(randomValues(screen.info.controls, seed));
  },
});

/** null when no reading is written for the level. */
export function trainedBots(
  engine: MeasuringEngine,
  level: LevelDefinition,
  options: TrainedBotOptions = {},
): LevelBots<TrainedScreen> | null {
  if (!READINGS[level.id]) return null;
  const runs: TrainedRuns = new Map();
  return {
    open: () => Promise.resolve(new TrainedScreen(engine, level, runs)),
    skilled: readerBot,
    naive: [defaultsBot, ...Array.from({ length: options.randomPlayers ?? 0 }, (_, i) => randomBot(i + 1))],
    naiveRule: 'max',
  };
}
