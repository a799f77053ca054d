/**
 * LevelSession, the level shell: one visit to one level, whatever its mode. It owns the status, the hint clock,
 * the result and the best of the visit, the error and message lines, change events and the one piece of current
 * work (aborted by a newer one or by leaving). What is played, and how, is the mode's play (src/game/level/modes.ts);
 * the Level and Hud scenes draw this and the play and forward input.
 */
import { isBetterAttempt } from '../../../shared/levels/attempt-order';
import type { Evaluation } from '../../../shared/levels/measurements';
import type { LevelDefinition, SolutionPayload } from '../../../shared/levels/types';
import { Emitter } from '../../emitter';
import { isSuperseded } from '../../ml/abortable';
import type { MlPort } from '../../ml/ml-port';
import { meterFraction, unlockedHints } from '../meter';
import { describeError, type LevelPlay, type LevelResult, type LevelStatus, type PlayHost } from '../plays/play';

export type SessionEvents = { change: [] };

/** Makes the level's play (a mode registry entry's createPlay, src/game/level/modes.ts). */
export type PlayFactory = (host: PlayHost) => LevelPlay;

export class LevelSession implements PlayHost {
  readonly events = new Emitter<SessionEvents>();
  status: LevelStatus = 'card';
  result: LevelResult | null = null;
  /** The best result of this visit (what the meter shows after a worse retry). */
  best: LevelResult | null = null;
  error: string | null = null;
  message: string | null = null;
  /** True once the card was dismissed the first time (the hint clock runs from then). */
  started = false;
  /**
   * Scored attempts go to a class competition with their model: the Level scene sets it from the classroom (a level
   * played outside a class keeps no model: exporting and encoding it cost every run a long task at its end).
   */
  uploadsModel = true;
  /** The mode's play; null when this build cannot play the level. */
  readonly play: LevelPlay | null;
  private startedAt = 0;
  private readonly life = new AbortController();
  private work: AbortController | null = null;

  constructor(
    readonly level: LevelDefinition,
    readonly port: MlPort,
    /** The level's mode's play (null: this build cannot play the level). */
    createPlay: PlayFactory | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.play = createPlay ? createPlay(this) : null;
  }

  get playable(): boolean {
    return this.play !== null;
  }

  get lifetime(): AbortSignal {
    return this.life.signal;
  }

  get busy(): boolean {
    return this.status === 'preparing' || this.status === 'training' || this.status === 'measuring';
  }

  /** Milliseconds on the level since the concept card was first dismissed. */
  elapsedMs(): number {
    return this.started ? this.now() - this.startedAt : 0;
  }

  hintsUnlocked(): number {
    return unlockedHints(
      this.level.hints.map((h) => h.afterSeconds),
      this.elapsedMs() / 1000,
    );
  }

  /** Milliseconds until the next hint unlocks, or null when all are open. */
  nextHintInMs(): number | null {
    const next = this.level.hints[this.hintsUnlocked()];
    return next ? Math.max(0, next.afterSeconds * 1000 - this.elapsedMs()) : null;
  }

  /** 0..1 toward three stars, from the best score of this visit. */
  meter(): number {
    const r = this.best;
    return r ? meterFraction(r.score, this.level.stars, this.level.metric.direction) : 0;
  }

  /** Dismisses the concept card (the first time, the clock starts and the play loads what it needs). */
  start(): void {
    if (!this.started) {
      this.started = true;
      this.startedAt = this.now();
    }
    if (this.status === 'card') {
      this.status = this.play ? 'idle' : 'unplayable';
      this.play?.open();
    }
    this.changed();
  }

  setStatus(status: LevelStatus): void {
    this.status = status;
  }

  changed(): void {
    this.events.emit('change');
  }

  async run(task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.life.signal.aborted) return;
    this.work?.abort();
    const work = new AbortController();
    this.work = work;
    try {
      await task(work.signal);
    } catch (error) {
      if (work.signal.aborted || isSuperseded(error)) return;
      this.status = 'error';
      this.error = describeError(error);
      this.changed();
    } finally {
      if (this.work === work) this.work = null;
    }
  }

  abortRun(): void {
    this.work?.abort();
    this.work = null;
  }

  clearResult(): void {
    this.result = null;
  }

  record(payload: SolutionPayload, evaluation: Evaluation): LevelResult {
    const result: LevelResult = { ...this.level.score(payload, evaluation), payload, evaluation };
    this.result = result;
    if (isBetterAttempt(this.level.metric.direction, result, this.best ?? undefined)) this.best = result;
    return result;
  }

  finish(payload: SolutionPayload, evaluation: Evaluation): void {
    try {
      this.record(payload, evaluation);
      this.status = 'done';
    } catch (error) {
      this.status = 'error';
      this.error = describeError(error);
    }
    this.changed();
  }

  /** Leaving: forget the work going on and free what the play holds in the worker. */
  dispose(): void {
    if (this.life.signal.aborted) return;
    this.abortRun();
    this.life.abort();
    this.play?.dispose();
    this.events.removeAll();
  }
}
