/**
 * One re-scoring lane of the pool (rescore-pool.ts): its worker thread, its queue in the main thread (handed to
 * the thread one job at a time, owners served in turns), and the replacement of that thread when it dies: only
 * the job it was running is lost (answered "send it again"), the queued ones carry on on the new thread.
 */
import { Worker } from 'node:worker_threads';
import type { SolutionPayload } from '../shared/levels';
import type { BackendName } from '../shared/worker-api';
import { ModelMismatchError } from './evaluate-model';
import { RescoreFailedError, type Lane } from './rescore';

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

interface Job {
  id: number;
  /** Whose job (a player): the lane serves owners round-robin, so one student's flood waits behind itself. */
  owner?: string;
  request: Extract<ThreadRequest, { id: number }>;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export const BOOT = new URL('./rescore-thread-boot.mjs', import.meta.url);
export const ENTRY = new URL('./rescore-thread.ts', import.meta.url).href;

/** One lane: its queue, its thread, and the replacement of that thread when it dies. */
export class LaneThread {
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
