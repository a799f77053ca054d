/**
 * Verification workers: `lanes` loops, each taking one job at a time from the queue (verification-queue.ts),
 * re-training the attempt from its settings and seed with the existing deterministic path (RescoreService.score,
 * the training lanes), and comparing with the uploaded model's score. Within the tolerance the upload's score
 * stands, marked verified; beyond it the re-trained score replaces it, marked corrected. Runs in the server (on
 * PGlite and PostgreSQL) and in `npm run classroom:worker` processes on other machines (PostgreSQL only).
 */
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { getLevel } from '../shared/levels';
import { RescoreFailedError, type RescoreService } from './rescore';
import { TRAIN_JOB_TIMEOUT_MS } from './rescore-pool';
import type { VerificationQueue } from './verification-queue';
import { type VerificationJob, type Verdict } from './verification-queue';

/**
 * Largest relative difference between a re-trained score and the uploaded model's score that still counts as
 * the same training (stars and the goal must match as well). Measured with scripts/measure-tolerance.ts
 * (README "Verification tolerance"): the same settings and seed trained in headless Chromium on WebGL
 * (SwiftShader) and on WASM differ by up to 8.0 % (Balance beta), 7.6 % (Beat PCA) and 3.2 % (Static), more than
 * another seed moves a score (1.4 %); the float16 upload moves it < 0.01 %. 10 % is 1.25 times the widest honest
 * spread measured; training beyond the allowed steps or epochs shows in the stars, which must match regardless.
 */
export const SCORE_TOLERANCE = 0.1;

/** Same training, within tolerance? Relative to the larger magnitude, with a floor for scores near 0. */
export function withinTolerance(uploaded: number, retrained: number, tolerance = SCORE_TOLERANCE): boolean {
  const scale = Math.max(Math.abs(uploaded), Math.abs(retrained), 1e-3);
  return Math.abs(uploaded - retrained) <= tolerance * scale;
}

/** Training lanes for this machine: cores − 1, at least one; CLASSROOM_RESCORE_THREADS (a number ≥ 1) overrides. */
export function defaultTrainLanes(env: string | undefined = process.env.CLASSROOM_RESCORE_THREADS): number {
  const asked = Number(env);
  if (env !== undefined && Number.isInteger(asked) && asked >= 1) return asked;
  return Math.max(1, availableParallelism() - 1);
}

/**
 * May a spare evaluation thread take a re-training now? Whenever no evaluation or decode waits for the
 * evaluation threads (a re-training there then only shares the cores with the next upload, which the first
 * evaluation thread, never lent, takes at once), and always once no competition takes uploads. Measured with
 * `npm run loadtest -- --mix trained` (README): scores stay within seconds while the queue keeps up.
 */
export function mayLendSpare(now: { draining: boolean; evaluationsWaiting: number }): boolean {
  return now.draining || now.evaluationsWaiting === 0;
}

export interface VerifierOptions {
  /** Loops (default: the rescorer's training lanes). */
  lanes?: number;
  /**
   * True while no competition takes uploads (all ended or not started). `rescorer.spareLanes` more loops
   * re-train on spare evaluation threads whenever no evaluation waits (mayLendSpare), and after the end even
   * then: the queue drains on every core. Absent: no spare loops.
   */
  draining?: () => Promise<boolean>;
  /** How often an idle loop looks for work (a filing on this process wakes it at once). Default 500 ms. */
  pollMs?: number;
  /** A job running longer than this is failed (and retried up to MAX_TRIES); default TRAIN_JOB_TIMEOUT_MS. */
  jobTimeoutMs?: number;
  now?: () => Date;
  tolerance?: number;
  /** Names this worker in the table (diagnostics, requeueing its own jobs after a restart). */
  workerId?: string;
}

export class Verifier {
  readonly workerId: string;
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];
  private active = 0;
  private readonly now: () => Date;
  /** Finished jobs (tests, the load test). */
  completed = 0;

  constructor(
    readonly queue: VerificationQueue,
    private readonly rescorer: RescoreService,
    private readonly options: VerifierOptions = {},
  ) {
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.now = options.now ?? (() => new Date());
  }

  get lanes(): number {
    return Math.max(1, this.options.lanes ?? this.rescorer.trainLanes);
  }

  /** Jobs this process is re-training now. */
  get busy(): number {
    return this.active;
  }

  /**
   * Requeues jobs left running by a stop (on PGlite, one process: all of them; on PostgreSQL, those older than
   * twice the job cap, as other live workers may hold the rest), then starts the loops.
   */
  async start(options: { onlyProcess?: boolean } = {}): Promise<void> {
    if (this.running) return;
    this.onlyProcess = options.onlyProcess ?? false;
    await this.requeueStale();
    this.running = true;
    for (let i = 0; i < this.lanes; i++) this.loops.push(this.loop(false));
    const spare = this.options.draining ? this.rescorer.spareLanes : 0;
    for (let i = 0; i < spare; i++) this.loops.push(this.loop(true));
  }

  /** Spare loops: see mayLendSpare; a failing check counts as "not draining". */
  private async mayUseSpare(): Promise<boolean> {
    const check = this.options.draining ?? (() => Promise.resolve(false));
    const draining = await check().catch(() => false);
    return mayLendSpare({ draining, evaluationsWaiting: this.rescorer.evaluationsWaiting });
  }

  private onlyProcess = false;
  private lastSweep = 0;

  private async requeueStale(): Promise<void> {
    this.lastSweep = Date.now();
    const stale = this.onlyProcess
      ? new Date('9999-12-31T00:00:00Z')
      : new Date(this.now().getTime() - 2 * (this.options.jobTimeoutMs ?? TRAIN_JOB_TIMEOUT_MS));
    await this.queue.requeueStale(this.workerId, stale);
  }

  /** A job was filed here: an idle loop takes it now instead of at its next poll. */
  poke(): void {
    for (const w of this.wake.splice(0)) w();
  }

  /** Stops taking jobs; jobs in flight end when the rescorer closes (they go back to the queue). */
  halt(): void {
    this.running = false;
    this.poke();
  }

  /** Waits for the loops to end (after halt, and after closing the rescorer if jobs are in flight). */
  async stop(): Promise<void> {
    this.halt();
    await Promise.all(this.loops.splice(0));
  }

  private async loop(spare: boolean): Promise<void> {
    while (this.running) {
      let job: VerificationJob | null = null;
      try {
        if (spare && !(await this.mayUseSpare())) {
          await this.idle();
          continue;
        }
        // A worker on another machine that died mid-job: its job goes back to the queue after the cap.
        if (!this.onlyProcess && Date.now() - this.lastSweep > 60_000) await this.requeueStale();
        job = await this.queue.claim(this.workerId, this.now());
      } catch (error) {
        if (!this.running) return;
        console.error(`[classroom] verification queue: ${error instanceof Error ? error.message : error}`);
      }
      if (!job) {
        await this.idle();
        continue;
      }
      this.active++;
      try {
        await this.run(job, spare);
      } finally {
        this.active--;
      }
    }
  }

  /** Until the next poll, or a filing on this process. */
  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.pollMs ?? 500);
      this.wake.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async run(job: VerificationJob, spare: boolean): Promise<void> {
    const base = getLevel(job.levelId);
    if (!base) {
      await this.queue.release(job, 'unknown level', this.now(), false);
      return;
    }
    const timeoutMs = this.options.jobTimeoutMs ?? TRAIN_JOB_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      const retrained = await Promise.race([
        this.rescorer.score(job.levelId, job.payload, job.seed, { spare }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new RescoreFailedError(`took longer than ${Math.round(timeoutMs / 1000)} s`, false)),
            timeoutMs,
          );
        }),
      ]);
      const r = retrained.result;
      // Stars and the goal are what the board ranks: a different count is a correction even within tolerance.
      const same =
        r.stars === job.stars &&
        r.goalMet === job.goalMet &&
        withinTolerance(job.score, r.score, this.options.tolerance);
      const verdict: Verdict = same
        ? { verification: 'verified', score: job.score, stars: r.stars, goalMet: r.goalMet, detail: r.detail }
        : { verification: 'corrected', score: r.score, stars: r.stars, goalMet: r.goalMet, detail: r.detail };
      await this.queue.complete(job.id, verdict, this.now());
      this.completed++;
    } catch (error) {
      const retry = error instanceof RescoreFailedError ? error.retryable : true;
      const note = error instanceof Error ? error.message.slice(0, 300) : String(error);
      // Stopping (the pool was closed under it) or a crashed thread: back in the queue while tries remain.
      await this.queue.release(job, note, this.now(), retry).catch(() => undefined);
    } finally {
      clearTimeout(timer);
    }
  }
}
