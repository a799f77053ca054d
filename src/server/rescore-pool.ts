/**
 * Re-scoring on worker threads: training lanes (re-trainings, niced) and decoding lanes (decodes and the
 * evaluation of uploaded models, what a student waits for), one thread each (lane-thread.ts), each hosting a Rescorer with its own
 * tfjs engine. A 20 s MNIST re-training then runs beside the HTTP event loop instead of on it, and a 5 ms decode
 * never waits behind it. Each lane keeps its own bounded queue in this (main) thread and hands its thread one job
 * at a time, so when a thread dies only the job it was running is lost: that submission is answered 503 (send it
 * again), nothing is stored for it, a new thread takes over and the queued jobs carry on.
 */
import { availableParallelism } from 'node:os';
import { getLevel, type SolutionPayload } from '../shared/levels';
import type { BackendName } from '../shared/worker-api';
import { ENTRY, LaneThread, type ThreadSetup } from './lane-thread';
import {
  jobKey,
  laneOf,
  MEMO_SIZE,
  QueueFullError,
  RescoreFailedError,
  type Lane,
  type Rescored,
  type RescoreService,
  type ScoreOptions,
} from './rescore';

export type { ThreadReply, ThreadRequest, ThreadSetup } from './lane-thread';

export interface RescorePoolOptions {
  assetsDir: string;
  backend?: BackendName;
  /** Jobs waiting or running per lane before new ones are refused. */
  maxQueue?: number;
  /**
   * A job running longer than this is taken as a hung thread: the thread is replaced (default
   * TRAIN_JOB_TIMEOUT_MS, the verification job cap, so a thread is never replaced under a job the queue still
   * waits for, nor a job left running after the queue gave up on it).
   */
  jobTimeoutMs?: number;
  /** Niceness of the training threads (default TRAIN_NICE); 0 runs them at the server's own priority. */
  trainNice?: number;
  /** Training threads (re-trainings running at once); default 1. Each holds its own engine (~650 MB). */
  trainThreads?: number;
  /**
   * Decoding threads, which also evaluate uploaded models (what a student waits for); default
   * defaultEvaluateLanes(). Each holds its own engine and the MNIST test split (~400 MB).
   */
  decodeThreads?: number;
}

/** Two decoding lanes where there are two cores or more (uploads arrive in bursts), else one. */
export function defaultEvaluateLanes(): number {
  return Math.min(2, Math.max(1, availableParallelism()));
}

/** One cap for a re-training: the pool's hung-thread timeout and the verification job cap (verification.ts). */
export const TRAIN_JOB_TIMEOUT_MS = 180_000;

/** Uploads of one player waiting or being evaluated at once; more are answered 503 with a Retry-After. */
export const MAX_EVALUATIONS_PER_OWNER = 3;

/** Training threads yield the cores to evaluation and HTTP (Linux niceness 0–19; 10 is "background"). */
export const TRAIN_NICE = 10;

export class RescorePool implements RescoreService {
  private readonly memo = new Map<string, Promise<Rescored>>();
  private nextId = 0;
  /** Decoding threads re-training a spare job now: evaluations go to the others. */
  private readonly lent = new Set<LaneThread>();

  private constructor(
    private readonly trains: readonly LaneThread[],
    private readonly decodes: readonly LaneThread[],
    private readonly maxQueue: number,
    readonly backend: BackendName,
  ) {}

  /** Starts both threads and waits until their engines are up (a backend that does not start fails here). */
  static async create(options: RescorePoolOptions): Promise<RescorePool> {
    const setup: ThreadSetup = { assetsDir: options.assetsDir, backend: options.backend ?? 'wasm', entry: ENTRY };
    const timeout = options.jobTimeoutMs ?? TRAIN_JOB_TIMEOUT_MS;
    const trains = Array.from(
      { length: Math.max(1, options.trainThreads ?? 1) },
      () => new LaneThread('train', { ...setup, nice: options.trainNice ?? TRAIN_NICE }, timeout),
    );
    const decodes = Array.from(
      { length: Math.max(1, options.decodeThreads ?? defaultEvaluateLanes()) },
      () => new LaneThread('decode', setup, timeout),
    );
    const all = [...trains, ...decodes];
    try {
      await Promise.all(all.map((l) => l.start()));
    } catch (error) {
      await Promise.all(all.map((l) => l.close()));
      throw error;
    }
    return new RescorePool(trains, decodes, options.maxQueue ?? 32, trains[0].backend ?? setup.backend);
  }

  get trainLanes(): number {
    return this.trains.length;
  }

  /** Every evaluation thread but the first (which always stays free for uploads) may re-train when idle. */
  get spareLanes(): number {
    return this.decodes.length - 1;
  }

  get evaluationsWaiting(): number {
    return this.decodes.filter((l) => !this.lent.has(l)).reduce((n, l) => n + l.size, 0);
  }

  get pending(): number {
    return [...this.trains, ...this.decodes].reduce((n, l) => n + l.size, 0);
  }

  /**
   * The thread with the least work (ties: the first) among: the training threads; the decoding threads not
   * re-training a spare job (decodes and evaluations); for a spare job, the decoding threads after the first
   * (the first is never lent out, so late arrivals always find one free).
   */
  private laneFor(lane: Lane, spare = false): LaneThread {
    const threads =
      spare && this.spareLanes > 0
        ? this.decodes.slice(1)
        : lane === 'decode'
          ? this.decodes.filter((l) => !this.lent.has(l))
          : this.trains;
    return threads.reduce((best, l) => (l.size < best.size ? l : best));
  }

  /** Same level, payload and seed: one job and one result, as in Rescorer. */
  score(levelId: string, payload: SolutionPayload, seed: number, options: ScoreOptions = {}): Promise<Rescored> {
    const level = getLevel(levelId);
    if (!level) return Promise.reject(new RescoreFailedError(`There is no level "${levelId.slice(0, 64)}".`, false));
    const key = jobKey(levelId, payload, seed);
    const known = this.memo.get(key);
    if (known) return known;
    const lane = this.laneFor(laneOf(level), options.spare);
    if (lane.size >= this.maxQueue) throw new QueueFullError(lane.retryAfterSeconds());
    const id = ++this.nextId;
    const job = lane.submit({ type: 'score', id, levelId, seed, payload }) as Promise<Rescored>;
    if (options.spare && this.decodes.includes(lane)) {
      this.lent.add(lane);
      void job.then(
        () => this.lent.delete(lane),
        () => this.lent.delete(lane),
      );
    }
    this.memo.set(key, job);
    job.catch(() => this.memo.delete(key));
    if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    return job;
  }

  /**
   * Evaluations take turns by owner (a player): a student who sends many uploads at once delays another's by
   * at most the one job running, and holds at most MAX_EVALUATIONS_PER_OWNER places in the lane.
   */
  evaluate(
    levelId: string,
    payload: SolutionPayload,
    seed: number,
    weights: Float32Array,
    owner?: string,
  ): Promise<Rescored> {
    const lane = this.laneFor('decode');
    if (lane.size >= this.maxQueue) throw new QueueFullError(lane.retryAfterSeconds());
    if (owner !== undefined && this.decodes.reduce((n, l) => n + l.sizeOf(owner), 0) >= MAX_EVALUATIONS_PER_OWNER)
      throw new QueueFullError(lane.retryAfterSeconds());
    const request = { type: 'evaluate' as const, id: ++this.nextId, levelId, seed, payload, weights };
    return lane.submit(request, owner) as Promise<Rescored>;
  }

  /** Each thread loads what its lane needs (pretrained decoders and judge; the trained levels' datasets). */
  async warmUp(levelIds: readonly string[]): Promise<number> {
    const started = performance.now();
    const of = (lane: Lane): string[] =>
      levelIds.filter((id) => {
        const level = getLevel(id);
        return level !== undefined && laneOf(level) === lane;
      });
    // The decoding thread also evaluates uploaded models: it loads the trained levels' datasets too.
    await Promise.all([
      ...this.trains.map((t) => t.submit({ type: 'warmUp', id: ++this.nextId, levelIds: of('train') })),
      ...this.decodes.map((d) => d.submit({ type: 'warmUp', id: ++this.nextId, levelIds })),
    ]);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    await Promise.all([...this.trains, ...this.decodes].map((l) => l.close()));
  }

  /** Tests and diagnostics: is the lane's thread working on a job right now; how often it was replaced. */
  lane(lane: Lane): { busy: boolean; queued: number; restarts: number } {
    const l = lane === 'train' ? this.trains[0] : this.decodes[0];
    return { busy: l.busy, queued: l.size, restarts: l.restarts };
  }

  /** Tests: kill a lane's thread (worker.terminate, as a crash would end it). */
  killThread(lane: Lane): Promise<number> {
    return (lane === 'train' ? this.trains[0] : this.decodes[0]).kill();
  }

  /** Tests: make a lane's thread throw an uncaught error. */
  crashThread(lane: Lane): void {
    (lane === 'train' ? this.trains[0] : this.decodes[0]).crash();
  }
}
