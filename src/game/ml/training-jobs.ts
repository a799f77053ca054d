/**
 * Training jobs and their cancellation: one job at a time, each under a bridge-chosen job id with worker
 * checkpoints. Starting a job, disposing its model, aborting its AbortSignal or a deliberate restart supersedes
 * the running one: the worker is told to cancel and its promise rejects with MlError 'JOB_SUPERSEDED' (callers
 * ignore exactly that code); after the job ends, late progress events are dropped.
 */
import * as Comlink from 'comlink';
import { MlError } from '../../shared/errors';
import type { TrainConfig, TrainProgress, TrainResult } from '../../shared/worker-api';
import { abortError } from './abortable';
import { CHECKPOINT_INTERVAL_MS, checkpointKey, type KnownModels } from './checkpoints';
import type { TrainCall, TrainOptions } from './ml-port';
import { noop, type WorkerHost } from './worker-host';

interface ActiveJob {
  jobId: string;
  modelId: string;
  /** Settles when the worker's train call settles, whatever the outcome (used to wait before a new job). */
  settled: Promise<void>;
  supersede(): void;
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TrainingJobs {
  private activeJob: ActiveJob | null = null;
  private jobSeq = 0;

  constructor(
    private readonly host: WorkerHost,
    private readonly known: KnownModels,
  ) {}

  get activeJobId(): string | null {
    return this.activeJob?.jobId ?? null;
  }

  /** Supersedes the running job (if `modelId` is given, only when it trains that model). */
  supersede(modelId?: string): void {
    if (modelId === undefined || this.activeJob?.modelId === modelId) this.activeJob?.supersede();
  }

  /** The worker died: its job is gone (its promise rejects with WORKER_CRASHED through the host). */
  forget(): void {
    this.activeJob = null;
  }

  /**
   * Trains with a bridge-chosen job id and worker checkpoints; cancels (supersedes) any running job first.
   * `stepOffset` is added to reported checkpoint steps when a job continues an earlier one; aborting `signal`
   * supersedes the job (the worker cancels it, the promise rejects with JOB_SUPERSEDED).
   */
  async train(
    modelId: string,
    options: TrainOptions,
    onProgress: (progress: TrainProgress) => void,
    { stepOffset = 0, signal }: TrainCall = {},
  ): Promise<TrainResult> {
    if (signal?.aborted) throw abortError();
    const previous = this.activeJob;
    if (previous) {
      previous.supersede();
      // Let the worker's loop notice the cancel before the next job competes with it.
      await Promise.race([previous.settled, delay(3000)]);
    }
    await this.host.start();
    const remote = this.host.remote;
    if (!remote) throw new MlError('WORKER_CRASHED', 'The ML worker stopped before training could start.');
    const jobId = `job-${++this.jobSeq}`;
    const config: TrainConfig = {
      checkpointIntervalMs: CHECKPOINT_INTERVAL_MS,
      ...options,
      checkpointKey: checkpointKey(modelId),
      jobId,
    };
    let live = true;
    // Progress arrives through a proxied callback; after the job ends it goes quiet even if a late event lands.
    const callback = Comlink.proxy((progress: TrainProgress) => {
      if (!live) return;
      if (progress.checkpointStep !== undefined)
        this.known.checkpoints.set(modelId, stepOffset + progress.checkpointStep);
      onProgress(progress);
    });
    const raw = this.host.track(this.host.generation, remote.train(modelId, config, callback));
    return new Promise<TrainResult>((resolve, reject) => {
      const job: ActiveJob = {
        jobId,
        modelId,
        settled: raw.then(noop, noop),
        supersede: () => {
          if (!live) return;
          live = false;
          if (this.activeJob === job) this.activeJob = null;
          reject(new MlError('JOB_SUPERSEDED', 'A newer training job replaced this one.'));
          remote.cancel(jobId).catch(noop);
        },
      };
      this.activeJob = job;
      if (signal) {
        if (signal.aborted) job.supersede();
        else signal.addEventListener('abort', () => job.supersede(), { once: true });
      }
      raw.then(
        (result) => {
          live = false;
          if (this.activeJob === job) this.activeJob = null;
          resolve(result);
        },
        (error: unknown) => {
          live = false;
          if (this.activeJob === job) this.activeJob = null;
          reject(error);
        },
      );
    });
  }
}
