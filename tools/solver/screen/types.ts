/**
 * Screen-only solver bots (issue 10 §1): a bot plays a level through a `Screen` that exposes ONLY what the
 * level's view shows the player at that moment, and every look / press is charged to a PlayClock (budget.ts).
 * A screen never hands out the decode grids, the judge's hidden scores, the targets' codes or level.score:
 * the only scores a bot sees are the result cards after a Train / Check press, and live numbers only where
 * the view shows them live.
 *
 * Modes: TrainedScreen (worlds 1-3 trained levels, trained-screen.ts), ArithmeticScreen (world 4,
 * arithmetic-screen.ts). Map levels (world 3) bring their own screens in tools/solver/world3/ (they implement
 * `Screen` plus whatever their reworked views show) and register `LevelBots` in tools/solver/world3/index.ts.
 */
import type { ControlDefinition, LevelDefinition, SolutionPayload } from '../../../src/shared/levels';
import type { Direction, StarThresholds } from '../../../src/shared/scoring/stars';
import type { MeasuringEngine } from '../measure';
import type { PretrainedEngine } from '../pretrained';
import type { PlayClock } from './budget';

/** What the level's texts and goal meter show: the goal, the concept card, the hints in order, the star lines. */
export interface LevelInfo {
  id: string;
  world: number;
  goal: string;
  /** The numbers the goal sentence quotes (e.g. Budget's weight cap). */
  goalParams: Readonly<Record<string, number | string>>;
  cardTitle: string;
  cardBody: string;
  /** Every hint in the order they unlock (a reader reads them all; the game unlocks them over time). */
  hints: readonly string[];
  /** The star lines the meter marks, and which way is better. */
  stars: StarThresholds;
  direction: Direction;
  /** The controls the panel shows (trained levels), with their options, ranges and defaults. */
  controls: readonly ControlDefinition[];
}

/** The result card after a Train / Check press: what the player reads. */
export interface ResultCard {
  score: number;
  stars: number;
  goalMet: boolean;
  /** The numbers the result card shows besides the score (e.g. the worst letter's wrong pixels). */
  detail: Readonly<Record<string, number>>;
  /** What was submitted (kept for the report: the bot's answer). */
  payload: SolutionPayload;
}

/** What every mode's screen has: the texts, the clock, the result cards shown so far. */
export interface Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: readonly ResultCard[];
}

/** One bot: plays until it is content or out of budget (a screen throws OutOfBudget; the runner catches it). */
export interface ScreenBot<S extends Screen = Screen> {
  who: string;
  play(screen: S): Promise<void>;
}

/** How solve plays one level: a fresh screen per bot, the skilled bot, the naive ones and how they combine. */
export interface LevelBots<S extends Screen = Screen> {
  /** A fresh screen (fresh clock) for one bot's play. */
  open(): Promise<S>;
  skilled: ScreenBot<S>;
  naive: readonly ScreenBot<S>[];
  /** 'max': the best naive play counts; 'median': the typical one (lotteries such as random probes). */
  naiveRule: 'max' | 'median';
}

/** The engine a screen plays through: the real worker Engine in Node (node-engine.ts). */
export type ScreenEngine = MeasuringEngine & PretrainedEngine;

/**
 * A level's bots, built for one engine and level (a classroom variant is a level too). World 3 exports a
 * `Record<levelId, BotsFactory>` from tools/solver/world3/index.ts (WORLD3_BOTS); registry.ts merges it.
 */
export type BotsFactory = (engine: ScreenEngine, level: LevelDefinition) => LevelBots<Screen>;
