/**
 * MlBridge owns the ML worker on the main thread, squoosh-style, and does only that:
 * - lazy start: the worker is spawned and `init`ed on first use;
 * - superseded jobs: starting a training job cancels the previous one, whose promise rejects with
 *   MlError 'JOB_SUPERSEDED' (callers ignore exactly that code);
 * - crash recovery: 'error'/'messageerror' (or `kill()`) rejects every in-flight call with 'WORKER_CRASHED',
 *   then a new worker is started, re-inited, the known models re-created under the same ids and their last
 *   checkpoint ('checkpoint:<modelId>', written by the worker every `checkpointIntervalMs`) restored;
 *   more than `maxCrashes` within `crashWindowMs` and it gives up ('failed') instead of looping;
 *   'restarted' reports what came back so the UI can tell the player.
 * The game reaches the worker only through the MlWorkerApi contract in src/shared.
 */
import * as Comlink from 'comlink';
import { MlError } from '../../shared/errors';
import type { PretrainedAssetName } from '../../shared/levels/assets';
import type {
  BackendPreference,
  ClassifyResult,
  DatasetInfo,
  DatasetName,
  EvaluateResult,
  ImageBatch,
  InitResult,
  LossName,
  MemoryInfo,
  MlWorkerApi,
  ModelInfo,
  ModelSpec,
  PcaResult,
  PretrainedModelInfo,
  Split,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from '../../shared/worker-api';
import { Emitter } from '../emitter';
import { abortError } from './abortable';
import { installMlErrorHandler } from './comlink-errors';
import type { BridgeEvents, BridgeStatus, MlPort, TrainCall, TrainOptions } from './ml-port';

export type { BridgeEvents, BridgeStatus, RestartReport, TrainCall, TrainOptions } from './ml-port';

export interface BridgeOptions {
  /** Backend preference for each (re)start: the URL's ?backend= or the saved setting. */
  backend: () => BackendPreference;
  /** Absolute base URL of the static assets (the worker fetches the MNIST binary from it). */
  assetBase: string;
  /** Tests inject a fake; the game uses the real module worker. */
  createWorker?: () => Worker;
  /** Give up after this many crashes within `crashWindowMs` (a worker that dies on start would loop). */
  maxCrashes?: number;
  crashWindowMs?: number;
}

/** Jobs ask the worker to checkpoint this often, under checkpointKey(modelId), for crash recovery. */
export const CHECKPOINT_INTERVAL_MS = 2000;
export const checkpointKey = (modelId: string): string => `checkpoint:${modelId}`;

/** The one place that names the worker entry; Vite bundles it as its own chunk. */
function createModuleWorker(): Worker {
  return new Worker(new URL('../../ml-worker/index.ts', import.meta.url), { type: 'module', name: 'ml-worker' });
}

interface ActiveJob {
  jobId: string;
  modelId: string;
  /** Settles when the worker's train call settles, whatever the outcome (used to wait before a new job). */
  settled: Promise<void>;
  supersede(): void;
}

const noop = (): void => undefined;
const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class MlBridge implements MlPort {
  readonly events = new Emitter<BridgeEvents>();
  private readonly options: Required<BridgeOptions>;
  private worker: Worker | null = null;
  private remote: Comlink.Remote<MlWorkerApi> | null = null;
  /** Bumped on every spawn and crash, so late answers from a dead worker are recognised. */
  private generation = 0;
  private ready: Promise<InitResult> | null = null;
  private lastInit: InitResult | null = null;
  private statusValue: BridgeStatus = 'stopped';
  private failure: string | null = null;
  private readonly inflight = new Set<(error: MlError) => void>();
  private readonly models = new Map<string, ModelSpec>();
  private readonly checkpoints = new Map<string, number>();
  private readonly crashTimes: number[] = [];
  private activeJob: ActiveJob | null = null;
  private jobSeq = 0;
  private modelSeq = 0;
  private readonly sessionId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  constructor(options: BridgeOptions) {
    installMlErrorHandler();
    this.options = {
      createWorker: createModuleWorker,
      maxCrashes: 4,
      crashWindowMs: 60_000,
      ...options,
    };
  }

  get status(): BridgeStatus {
    return this.statusValue;
  }

  get initResult(): InitResult | null {
    return this.lastInit;
  }

  get activeJobId(): string | null {
    return this.activeJob?.jobId ?? null;
  }

  /** True while a worker exists and has not failed (for the tests' debug hook). */
  isAlive(): boolean {
    return this.worker !== null && this.statusValue !== 'failed';
  }

  /** Starts the worker if needed and resolves with its init result (waits for a recovery in progress). */
  start(): Promise<InitResult> {
    if (this.failure) return Promise.reject(new MlError('WORKER_CRASHED', this.failure));
    if (!this.ready) {
      this.ready = this.spawnAndInit('starting');
      this.ready.catch(noop);
    }
    return this.ready;
  }

  // ---- calls (each waits for a started worker; in-flight calls reject with WORKER_CRASHED on a crash) ----

  loadDataset(name: DatasetName): Promise<DatasetInfo> {
    return this.invoke((api) => api.loadDataset(name));
  }

  getImages(name: DatasetName, split: Split, offset: number, count: number): Promise<ImageBatch> {
    return this.invoke((api) => api.getImages(name, split, offset, count));
  }

  /** Creates a model under a fresh id the bridge remembers, so a restarted worker can re-create it. */
  async createModel(spec: ModelSpec): Promise<ModelInfo> {
    const id = `m-${this.sessionId}-${++this.modelSeq}`;
    const info = await this.invoke((api) => api.createModel(spec, { id }));
    this.models.set(info.modelId, spec);
    return info;
  }

  async disposeModel(modelId: string): Promise<void> {
    this.models.delete(modelId);
    this.checkpoints.delete(modelId);
    if (this.activeJob?.modelId === modelId) this.activeJob.supersede();
    await this.invoke((api) => api.disposeModel(modelId));
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
    await this.start();
    const remote = this.remote;
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
      if (progress.checkpointStep !== undefined) this.checkpoints.set(modelId, stepOffset + progress.checkpointStep);
      onProgress(progress);
    });
    const raw = this.track(this.generation, remote.train(modelId, config, callback));
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

  pause(jobId: string): Promise<boolean> {
    return this.invoke((api) => api.pause(jobId));
  }

  resume(jobId: string): Promise<boolean> {
    return this.invoke((api) => api.resume(jobId));
  }

  cancel(jobId: string): Promise<boolean> {
    return this.invoke((api) => api.cancel(jobId));
  }

  /** `images` is transferred (detached here); pass a copy if you still need it. */
  reconstruct(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return this.invoke((api) => api.reconstruct(modelId, Comlink.transfer(images, [images.buffer]), labels));
  }

  /** `images` is transferred (detached here). */
  encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return this.invoke((api) => api.encode(modelId, Comlink.transfer(images, [images.buffer]), labels));
  }

  /** `codes` is transferred (detached here). */
  decode(modelId: string, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return this.invoke((api) => api.decode(modelId, Comlink.transfer(codes, [codes.buffer]), labels));
  }

  evaluate(modelId: string, split: Split, loss?: LossName, limit?: number): Promise<EvaluateResult> {
    return this.invoke((api) => api.evaluate(modelId, split, loss, limit));
  }

  pca(dataset: DatasetName, k: number): Promise<PcaResult> {
    return this.invoke((api) => api.pca(dataset, k));
  }

  classify(images: Float32Array): Promise<ClassifyResult> {
    return this.invoke((api) => api.classify(images));
  }

  loadPretrained(name: PretrainedAssetName): Promise<PretrainedModelInfo> {
    return this.invoke((api) => api.loadPretrained(name));
  }

  memory(): Promise<MemoryInfo> {
    return this.invoke((api) => api.memory());
  }

  /** Any other contract call, with the same start/crash handling. */
  call<T>(fn: (api: Comlink.Remote<MlWorkerApi>) => Promise<T>): Promise<T> {
    return this.invoke(fn);
  }

  /** Test support: terminate the worker as if it had crashed. */
  kill(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.handleCrash(this.generation, 'terminated by the test hook');
  }

  /** A deliberate restart (e.g. another backend preference): no notice, models are forgotten. */
  restart(): void {
    this.activeJob?.supersede();
    this.teardown(new MlError('WORKER_CRASHED', 'The ML worker was restarted.'));
    this.models.clear();
    this.checkpoints.clear();
    this.failure = null;
    this.crashTimes.length = 0;
    this.setStatus('stopped');
  }

  dispose(): void {
    this.restart();
    this.events.removeAll();
  }

  // ---- internals ----

  private setStatus(status: BridgeStatus): void {
    if (status === this.statusValue) return;
    this.statusValue = status;
    this.events.emit('status', status);
  }

  private async invoke<T>(fn: (api: Comlink.Remote<MlWorkerApi>) => Promise<T>): Promise<T> {
    await this.start();
    const remote = this.remote;
    if (!remote) throw new MlError('WORKER_CRASHED', 'The ML worker stopped.');
    return this.track(this.generation, fn(remote));
  }

  /** Resolves with the call, or rejects with WORKER_CRASHED if the worker dies first. */
  private track<T>(generation: number, call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onCrash = (error: MlError): void => reject(error);
      this.inflight.add(onCrash);
      call.then(
        (value) => {
          this.inflight.delete(onCrash);
          if (generation === this.generation) resolve(value);
        },
        (error: unknown) => {
          this.inflight.delete(onCrash);
          if (generation === this.generation) reject(error);
        },
      );
    });
  }

  private spawn(): { remote: Comlink.Remote<MlWorkerApi>; generation: number } {
    const worker = this.options.createWorker();
    const generation = ++this.generation;
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      this.handleCrash(generation, event.message || 'the worker script failed');
    });
    worker.addEventListener('messageerror', () => this.handleCrash(generation, 'a message could not be decoded'));
    this.worker = worker;
    this.remote = Comlink.wrap<MlWorkerApi>(worker);
    return { remote: this.remote, generation };
  }

  private async spawnAndInit(status: 'starting' | 'restarting'): Promise<InitResult> {
    this.setStatus(status);
    const { remote, generation } = this.spawn();
    let init: InitResult;
    try {
      init = await this.track(
        generation,
        remote.init({ backend: this.options.backend(), assetBase: this.options.assetBase }),
      );
    } catch (error) {
      // A worker that runs but cannot init (no backend at all) is dropped; the next call tries again.
      if (generation === this.generation) {
        this.teardown(error instanceof MlError ? error : new MlError('INTERNAL', String(error)));
        this.setStatus('stopped');
      }
      throw error;
    }
    this.lastInit = init;
    this.events.emit('init', init);
    if (status === 'starting') this.setStatus('ready');
    return init;
  }

  private async recover(cause: string): Promise<InitResult> {
    const init = await this.spawnAndInit('restarting');
    const remote = this.remote;
    const generation = this.generation;
    const restored = new Map<string, number | null>();
    if (remote) {
      for (const [modelId, spec] of [...this.models]) {
        try {
          await this.track(generation, remote.createModel(spec, { id: modelId }));
          const found = await this.track(generation, remote.loadWeights(modelId, checkpointKey(modelId)));
          restored.set(modelId, found ? (this.checkpoints.get(modelId) ?? 0) : null);
          if (!found) this.checkpoints.delete(modelId);
        } catch (error) {
          if (error instanceof MlError && error.code === 'WORKER_CRASHED') throw error;
          // A model the new worker refuses is forgotten rather than blocking the restart.
          this.models.delete(modelId);
          this.checkpoints.delete(modelId);
          restored.set(modelId, null);
        }
      }
    }
    this.setStatus('ready');
    this.events.emit('restarted', { init, restored, cause });
    return init;
  }

  private teardown(error: MlError): void {
    const worker = this.worker;
    this.worker = null;
    this.remote = null;
    this.ready = null;
    this.generation++;
    worker?.terminate();
    const pending = [...this.inflight];
    this.inflight.clear();
    for (const reject of pending) reject(error);
  }

  private handleCrash(generation: number, cause: string): void {
    if (generation !== this.generation || !this.worker) return;
    this.activeJob = null;
    this.teardown(new MlError('WORKER_CRASHED', `The ML worker stopped unexpectedly (${cause}).`));
    this.events.emit('crashed', cause);

    const now = Date.now();
    this.crashTimes.push(now);
    while (this.crashTimes.length > 0 && now - this.crashTimes[0] > this.options.crashWindowMs) this.crashTimes.shift();
    if (this.crashTimes.length >= this.options.maxCrashes) {
      this.failure = `The ML worker stopped ${this.crashTimes.length} times in a row (${cause}).`;
      this.setStatus('failed');
      this.events.emit('failed', this.failure);
      return;
    }
    // Restart at once (even with no models to restore) so the player sees a working engine again.
    this.ready = this.recover(cause);
    this.ready.catch(noop);
  }
}
