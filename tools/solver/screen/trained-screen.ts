/**
 * The screen of a trained level (worlds 1-3): the controls panel, the texts, and after each Train press what
 * the view shows: how training ended and the result card (score, stars, its extra numbers).
 * Each press is one action, and its training CPU seconds count toward play time.
 */
import type { ControlValue, LevelDefinition } from '../../../src/shared/levels';
import { playTrained, type MeasuringEngine, type TrainedAttempt } from '../measure';
import { PLAY_SECONDS, PlayClock } from './budget';
import { levelInfo } from './info';
import type { LevelInfo, ResultCard, Screen } from './types';

export type Settings = Record<string, ControlValue>;

/** What the view shows after training. */
export interface TrainedOutcome {
  card: ResultCard;
  /** Why training ended ('completed', 'diverged', …) as the view says it. */
  trainEnd: string;
  trainSeconds: number;
}

/**
 * Training is deterministic (the level's seed), so the bots of one level share the runs they both press
 * (the reader's "train once as it is" and the naive defaults): the run is reused, its seconds still charged.
 */
export type TrainedRuns = Map<string, Promise<TrainedAttempt>>;

const settingsKey = (s: Settings): string =>
  JSON.stringify(
    Object.keys(s)
      .sort()
      .map((k) => [k, s[k]]),
  );

export class TrainedScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock = new PlayClock(0, PLAY_SECONDS);
  readonly results: ResultCard[] = [];

  constructor(
    private readonly engine: MeasuringEngine,
    private readonly level: LevelDefinition,
    private readonly runs: TrainedRuns = new Map(),
  ) {
    this.info = levelInfo(level);
  }

  /**
   * Levels that keep runs side by side (Two forces: `setup.sideBySide`): what each column shows, the latest card of
   * each option (its digits drawn, MSE and KL with their ✓/✗), null for a column that says "not trained yet".
   */
  sideBySide(): Readonly<Record<string, ResultCard | null>> | null {
    const setup = this.level.setup;
    const control = this.info.controls.find((c) => setup.kind === 'trained' && c.id === setup.sideBySide);
    if (!control || control.kind !== 'choice') return null;
    const latest = (value: string): ResultCard | null =>
      this.results.findLast((r) => r.payload.kind === 'hyperparameters' && r.payload.values[control.id] === value) ??
      null;
    return Object.fromEntries(control.options.map((o) => [o.value, latest(o.value)]));
  }

  /** Presses Train with `settings` (missing controls keep their defaults); throws OutOfBudget when time is up. */
  async train(settings: Settings): Promise<TrainedOutcome> {
    this.clock.canPress();
    const key = settingsKey(settings);
    let run = this.runs.get(key);
    if (!run) {
      run = playTrained(this.engine, this.level, settings);
      this.runs.set(key, run);
    }
    const attempt = await run;
    this.clock.press(attempt.trainCpuSeconds);
    const card: ResultCard = {
      score: attempt.result.score,
      stars: attempt.result.stars,
      goalMet: attempt.result.goalMet,
      detail: attempt.result.detail,
      payload: { kind: 'hyperparameters', values: attempt.values },
    };
    this.results.push(card);
    return { card, trainEnd: attempt.trainEnd, trainSeconds: attempt.trainCpuSeconds };
  }
}
