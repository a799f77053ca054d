/**
 * The ML worker's lifecycle on the main thread: lazy start (spawn + `init` on first use), in-flight call tracking
 * (every call rejects with WORKER_CRASHED when its worker dies), crash recovery (a new worker, re-inited, the
 * known models re-created under the same ids and their last checkpoint restored; 'restarted' reports what came
 * back) and giving up ('failed') after `maxCrashes` within `crashWindowMs` instead of looping.
 */
import * as Comlink from 'comlink';
import { MlError } from '../../shared/errors';
import type { BackendPreference, InitResult, MlWorkerApi } from '../../shared/worker-api';
import type { Emitter } from '../emitter';
import { checkpointKey, type KnownModels } from './checkpoints';
import type { BridgeEvents, BridgeStatus } from './ml-port';

export interface BridgeOptions {
  /** Backend preference for each (re)start: the URL's ?backend= or the saved setting. */
  backend: () => BackendPreference;
  /** Threads asked for the WASM backend (the URL's ?threads=, for measuring); undefined: the worker's default. */
  wasmThreads?: number;
  /** Absolute base URL of the static assets (the worker fetches the MNIST binary from it). */
  assetBase: string;
  /** Tests inject a fake; the game uses the real module worker. */
  createWorker?: () => Worker;
  /** Give up after this many crashes within `crashWindowMs` (a worker that dies on start would loop). */
  maxCrashes?: number;
  crashWindowMs?: number;
}

/** The one place that names the worker entry; Vite bundles it as its own chunk. */
function createModuleWorker(): Worker {
  return new Worker(new URL('../../ml-worker/index.ts', import.meta.url), { type: 'module', name: 'ml-worker' });
}

export const noop = (): void => undefined;

export class WorkerHost {
  private readonly options: Required<Omit<BridgeOptions, 'wasmThreads'>> & Pick<BridgeOptions, 'wasmThreads'>;
  private worker: Worker | null = null;
  private remoteApi: Comlink.Remote<MlWorkerApi> | null = null;
  /** Bumped on every spawn and crash, so late answers from a dead worker are recognised. */
  private generationValue = 0;
  private ready: Promise<InitResult> | null = null;
  private lastInit: InitResult | null = null;
  private statusValue: BridgeStatus = 'stopped';
  private failure: string | null = null;
  private readonly inflight = new Set<(error: MlError) => void>();
  private readonly crashTimes: number[] = [];

  /** `onCrash` runs first thing on a crash (the bridge forgets its running job). */
  constructor(
    options: BridgeOptions,
    private readonly events: Emitter<BridgeEvents>,
    private readonly known: KnownModels,
    private readonly onCrash: () => void,
  ) {
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

  /** The current worker's API (null while none runs) and its generation, for calls tracked by hand. */
  get remote(): Comlink.Remote<MlWorkerApi> | null {
    return this.remoteApi;
  }

  get generation(): number {
    return this.generationValue;
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

  async invoke<T>(fn: (api: Comlink.Remote<MlWorkerApi>) => Promise<T>): Promise<T> {
    await this.start();
    const remote = this.remoteApi;
    if (!remote) throw new MlError('WORKER_CRASHED', 'The ML worker stopped.');
    return this.track(this.generationValue, fn(remote));
  }

  /** Resolves with the call, or rejects with WORKER_CRASHED if the worker dies first. */
  track<T>(generation: number, call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onCrash = (error: MlError): void => reject(error);
      this.inflight.add(onCrash);
      call.then(
        (value) => {
          this.inflight.delete(onCrash);
          if (generation === this.generationValue) resolve(value);
        },
        (error: unknown) => {
          this.inflight.delete(onCrash);
          if (generation === this.generationValue) reject(error);
        },
      );
    });
  }

  /** Test support: terminate the worker as if it had crashed. */
  kill(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.handleCrash(this.generationValue, 'terminated by the test hook');
  }

  /** Drops the worker (if any) and rejects every in-flight call with `error`. */
  teardown(error: MlError): void {
    const worker = this.worker;
    this.worker = null;
    this.remoteApi = null;
    this.ready = null;
    this.generationValue++;
    worker?.terminate();
    const pending = [...this.inflight];
    this.inflight.clear();
    for (const reject of pending) reject(error);
  }

  /** After a deliberate restart: past crashes no longer count, the next call starts afresh. */
  forgetFailures(): void {
    this.failure = null;
    this.crashTimes.length = 0;
    this.setStatus('stopped');
  }

  private setStatus(status: BridgeStatus): void {
    if (status === this.statusValue) return;
    this.statusValue = status;
    this.events.emit('status', status);
  }

  private spawn(): { remote: Comlink.Remote<MlWorkerApi>; generation: number } {
    const worker = this.options.createWorker();
    const generation = ++this.generationValue;
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      this.handleCrash(generation, event.message || 'the worker script failed');
    });
    worker.addEventListener('messageerror', () => this.handleCrash(generation, 'a message could not be decoded'));
    this.worker = worker;
    this.remoteApi = Comlink.wrap<MlWorkerApi>(worker);
    return { remote: this.remoteApi, generation };
  }

  private async spawnAndInit(status: 'starting' | 'restarting'): Promise<InitResult> {
    this.setStatus(status);
    const { remote, generation } = this.spawn();
    let init: InitResult;
    try {
      init = await this.track(
        generation,
        remote.init({
          backend: this.options.backend(),
          assetBase: this.options.assetBase,
          ...(this.options.wasmThreads !== undefined ? { wasmThreads: this.options.wasmThreads } : {}),
        }),
      );
    } catch (error) {
      // A worker that runs but cannot init (no backend at all) is dropped; the next call tries again.
      if (generation === this.generationValue) {
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
    const remote = this.remoteApi;
    const generation = this.generationValue;
    const restored = new Map<string, number | null>();
    if (remote) {
      for (const [modelId, spec] of [...this.known.specs]) {
        try {
          await this.track(generation, remote.createModel(spec, { id: modelId }));
          const found = await this.track(generation, remote.loadWeights(modelId, checkpointKey(modelId)));
          restored.set(modelId, found ? (this.known.checkpoints.get(modelId) ?? 0) : null);
          if (!found) this.known.checkpoints.delete(modelId);
        } catch (error) {
          if (error instanceof MlError && error.code === 'WORKER_CRASHED') throw error;
          // A model the new worker refuses is forgotten rather than blocking the restart.
          this.known.forget(modelId);
          restored.set(modelId, null);
        }
      }
    }
    this.setStatus('ready');
    this.events.emit('restarted', { init, restored, cause });
    return init;
  }

  private handleCrash(generation: number, cause: string): void {
    if (generation !== this.generationValue || !this.worker) return;
    this.onCrash();
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
