/**
 * Re-scoring on worker threads: one thread per lane (training, decoding), each hosting a Rescorer with its own
 * tfjs engine. A 20 s MNIST re-training then runs beside the HTTP event loop instead of on it, and a 5 ms decode
 * never waits behind it. Each lane keeps its own bounded queue in this (main) thread and hands its thread one job
 * at a time, so when a thread dies only the job it was running is lost: that submission is answered 503 (send it
 * again), nothing is stored for it, a new thread takes over and the queued jobs carry on.
 */
import { Worker } from 'node:worker_threads';
import { getLevel, type SolutionPayload } from '../shared/levels';
import type { BackendName } from '../shared/worker-api';
import { ModelMismatchError } from './evaluate-model';
import {
  jobKey,
  laneOf,
  MEMO_SIZE,
  QueueFullError,
  RescoreFailedError,
  type Lane,
  type Rescored,
  type RescoreService,
} from './rescore';

export interface ThreadSetup {
  assetsDir: string;
  backend: BackendName;
  /** The TypeScript entry the boot file imports. */
  entry: string;
  /**
   * Scheduling niceness of the thread (Linux: per thread; elsewhere ignored). Training lanes run at a lower
   * priority than the decoding lane and the HTTP thread, so a student's evaluation never waits behind a
   * verification's re-training for a core.
   */
  nice?: number;
}

export type ThreadRequest =
  | { type: 'score'; id: number; levelId: string; seed: number; payload: SolutionPayload }
  | { type: 'evaluate'; id: number; levelId: string; seed: number; payload: SolutionPayload; weights: Float32Array }
  | { type: 'warmUp'; id: number; levelIds: readonly string[] }
  /** Tests only: throw an uncaught error in the thread. */
  | { type: 'crash' };

export type ThreadReply =
  | { type: 'ready'; backend: BackendName }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string; mismatch?: boolean };

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
}

interface Job {
  id: number;
  /** Whose job (a player): the lane serves owners round-robin, so one student's flood waits behind itself. */
  owner?: string;
  request: Extract<ThreadRequest, { id: number }>;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One cap for a re-training: the pool's hung-thread timeout and the verification job cap (verification.ts). */
export const TRAIN_JOB_TIMEOUT_MS = 180_000;

/** Uploads of one player waiting or being evaluated at once; more are answered 503 with a Retry-After. */
export const MAX_EVALUATIONS_PER_OWNER = 3;

/** Training threads yield the cores to evaluation and HTTP (Linux niceness 0–19; 10 is "background"). */
export const TRAIN_NICE = 10;

const BOOT = new URL('./rescore-thread-boot.mjs', import.meta.url);
const ENTRY = new URL('./rescore-thread.ts', import.meta.url).href;

/** One lane: its queue, its thread, and the replacement of that thread when it dies. */
class LaneThread {
  private worker: Worker | null = null;
  private ready = false;
  private starting: Promise<void> | null = null;
  private running: (Job & { timer: NodeJS.Timeout; started: number }) | null = null;
  private readonly queue: Job[] = [];
  private timedOut = false;
  private closed = false;
  /** Running average of job durations: what a refused student is told to wait. */
  private averageMs = 1000;
  backend: BackendName | null = null;
  restarts = 0;

  constructor(
    readonly lane: Lane,
    private readonly setup: ThreadSetup,
    private readonly jobTimeoutMs: number,
  ) {}

  get size(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  retryAfterSeconds(): number {
    return Math.min(120, Math.max(1, Math.ceil((this.size * this.averageMs) / 1000)));
  }

  start(): Promise<void> {
    if (this.starting) return this.starting;
    const worker = new Worker(BOOT, { workerData: this.setup, execArgv: [], name: `rescore-${this.lane}` });
    worker.unref();
    this.worker = worker;
    this.ready = false;
    this.starting = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: ThreadReply) => {
        if (reply.type === 'ready') {
          this.ready = true;
          this.backend = reply.backend;
          resolve();
          this.pump();
        } else if (reply.type === 'failed') {
          reject(new Error(`The re-scoring thread (${this.lane}) did not start: ${reply.message}`));
          void worker.terminate();
        } else this.finish(reply);
      });
      worker.on('error', (error) => {
        reject(error);
        this.lost(worker, `it threw "${error.message}"`);
      });
      worker.on('exit', (code) => {
        reject(new Error(`The re-scoring thread (${this.lane}) exited (code ${code}) before it was ready.`));
        this.lost(worker, `it exited with code ${code}`);
      });
    });
    // Whoever awaits a start sees its failure; queued jobs are failed in lost().
    this.starting.catch(() => undefined);
    return this.starting;
  }

  /** Jobs of `owner` waiting or running. */
  sizeOf(owner: string): number {
    return this.queue.filter((j) => j.owner === owner).length + (this.running?.owner === owner ? 1 : 0);
  }

  submit(request: Job['request'], owner?: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: request.id, owner, request, resolve, reject });
      if (!this.worker && !this.closed) void this.start().catch(() => undefined);
      this.pump();
    });
  }

  /** Tests: kill the thread (as the OS or an out-of-memory would), or make it throw. */
  kill(): Promise<number> {
    return this.worker ? this.worker.terminate() : Promise.resolve(0);
  }

  crash(): void {
    this.worker?.postMessage({ type: 'crash' } satisfies ThreadRequest);
  }

  /** When each owner's last job started (a counter): the owner served longest ago (or never) goes next. */
  private readonly served = new Map<string, number>();
  private starts = 0;

  /** The next job: of the owner served longest ago; never-served owners and ownerless jobs in arrival order. */
  private takeNext(): Job | undefined {
    let pick = -1;
    let rank = Infinity;
    for (let i = 0; i < this.queue.length; i++) {
      const owner = this.queue[i].owner;
      const r = owner === undefined ? -1 : (this.served.get(owner) ?? -1);
      if (r < rank) {
        pick = i;
        rank = r;
      }
    }
    if (pick < 0) return undefined;
    const [job] = this.queue.splice(pick, 1);
    if (job.owner !== undefined) {
      if (this.served.size > 10_000) this.served.clear();
      this.served.set(job.owner, ++this.starts);
    }
    return job;
  }

  private pump(): void {
    if (this.running || !this.ready || !this.worker) return;
    const job = this.takeNext();
    if (!job) return;
    const worker = this.worker;
    const timer = setTimeout(() => {
      this.timedOut = true;
      void worker.terminate();
    }, this.jobTimeoutMs);
    timer.unref();
    this.running = { ...job, timer, started: performance.now() };
    worker.postMessage(job.request);
  }

  private finish(reply: Extract<ThreadReply, { id: number }>): void {
    const job = this.running;
    if (!job || job.id !== reply.id) return;
    clearTimeout(job.timer);
    this.running = null;
    this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - job.started);
    if (reply.type === 'done') job.resolve(reply.value);
    else if (reply.mismatch) job.reject(new ModelMismatchError(reply.message));
    else job.reject(new RescoreFailedError(`The server could not score this solution: ${reply.message}`, false));
    this.pump();
  }

  /** The thread is gone (error, exit, kill, timeout): fail its running job, replace it, keep the queue. */
  private lost(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    const wasReady = this.ready;
    this.worker = null;
    this.ready = false;
    this.starting = null;
    const timedOut = this.timedOut;
    const why = timedOut ? `it took longer than ${Math.round(this.jobTimeoutMs / 1000)} s` : reason;
    this.timedOut = false;
    const job = this.running;
    this.running = null;
    if (job) {
      clearTimeout(job.timer);
      // A job over the cap would only hit it again: not worth a retry. A crash is.
      job.reject(
        timedOut
          ? new RescoreFailedError(`Scoring this solution took longer than the server allows (${why}).`, false)
          : new RescoreFailedError(
              `The re-scoring thread stopped while scoring this solution (${why}); it has been restarted, so send the solution again.`,
              true,
            ),
      );
    }
    if (this.closed) return;
    if (!wasReady) {
      // It never started (a backend that does not load, a broken install): no restart loop; tell everyone
      // waiting now, and the next submission tries again.
      for (const waiting of this.queue.splice(0))
        waiting.reject(new RescoreFailedError(`Re-scoring is unavailable (${why}).`, true));
      return;
    }
    console.error(`[classroom] the ${this.lane} re-scoring thread stopped (${why}); starting a new one.`);
    this.restarts++;
    void this.start().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0))
      waiting.reject(new RescoreFailedError('The server is shutting down.', true));
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.reject(new RescoreFailedError('The server is shutting down.', true));
      this.running = null;
    }
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

export class RescorePool implements RescoreService {
  private readonly memo = new Map<string, Promise<Rescored>>();
  private nextId = 0;

  private constructor(
    private readonly trains: readonly LaneThread[],
    private readonly decode: LaneThread,
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
    const decode = new LaneThread('decode', setup, timeout);
    const all = [...trains, decode];
    try {
      await Promise.all(all.map((l) => l.start()));
    } catch (error) {
      await Promise.all(all.map((l) => l.close()));
      throw error;
    }
    return new RescorePool(trains, decode, options.maxQueue ?? 32, trains[0].backend ?? setup.backend);
  }

  get trainLanes(): number {
    return this.trains.length;
  }

  get pending(): number {
    return this.trains.reduce((n, l) => n + l.size, 0) + this.decode.size;
  }

  /** The training thread with the least work (ties: the first), or the decoding thread. */
  private laneFor(lane: Lane): LaneThread {
    if (lane === 'decode') return this.decode;
    return this.trains.reduce((best, l) => (l.size < best.size ? l : best));
  }

  /** Same level, payload and seed: one job and one result, as in Rescorer. */
  score(levelId: string, payload: SolutionPayload, seed: number): Promise<Rescored> {
    const level = getLevel(levelId);
    if (!level) return Promise.reject(new RescoreFailedError(`There is no level "${levelId.slice(0, 64)}".`, false));
    const key = jobKey(levelId, payload, seed);
    const known = this.memo.get(key);
    if (known) return known;
    const lane = this.laneFor(laneOf(level));
    if (lane.size >= this.maxQueue) throw new QueueFullError(lane.retryAfterSeconds());
    const id = ++this.nextId;
    const job = lane.submit({ type: 'score', id, levelId, seed, payload }) as Promise<Rescored>;
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
    if (this.decode.size >= this.maxQueue) throw new QueueFullError(this.decode.retryAfterSeconds());
    if (owner !== undefined && this.decode.sizeOf(owner) >= MAX_EVALUATIONS_PER_OWNER)
      throw new QueueFullError(this.decode.retryAfterSeconds());
    const request = { type: 'evaluate' as const, id: ++this.nextId, levelId, seed, payload, weights };
    return this.decode.submit(request, owner) as Promise<Rescored>;
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
      this.decode.submit({ type: 'warmUp', id: ++this.nextId, levelIds: levelIds }),
    ]);
    return performance.now() - started;
  }

  async close(): Promise<void> {
    await Promise.all([...this.trains, this.decode].map((l) => l.close()));
  }

  /** Tests and diagnostics: is the lane's thread working on a job right now; how often it was replaced. */
  lane(lane: Lane): { busy: boolean; queued: number; restarts: number } {
    const l = lane === 'train' ? this.trains[0] : this.decode;
    return { busy: l.busy, queued: l.size, restarts: l.restarts };
  }

  /** Tests: kill a lane's thread (worker.terminate, as a crash would end it). */
  killThread(lane: Lane): Promise<number> {
    return (lane === 'train' ? this.trains[0] : this.decode).kill();
  }

  /** Tests: make a lane's thread throw an uncaught error. */
  crashThread(lane: Lane): void {
    (lane === 'train' ? this.trains[0] : this.decode).crash();
  }
}
