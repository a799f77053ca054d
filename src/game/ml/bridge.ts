/**
 * MlBridge owns the ML worker on the main thread, squoosh-style, and does only that. It is the typed face of
 * three parts:
 * - worker-host.ts: lazy start, in-flight calls rejecting with 'WORKER_CRASHED' on a crash (or `kill()`), crash
 *   recovery (new worker, models re-created under the same ids, last checkpoint ('checkpoint:<modelId>', written
 *   by the worker every `checkpointIntervalMs`) restored; 'restarted' reports what came back), and giving up
 *   ('failed') after more than `maxCrashes` within `crashWindowMs`;
 * - training-jobs.ts: one training job at a time; a new job, disposing its model or its AbortSignal supersedes
 *   the running one, whose promise rejects with MlError 'JOB_SUPERSEDED' (callers ignore exactly that code);
 * - checkpoints.ts: the models and checkpoint steps remembered for recovery.
 * The game reaches the worker only through the MlWorkerApi contract in src/shared.
 */
import * as Comlink from 'comlink';
import { MlError } from '../../shared/errors';
import type { PretrainedAssetName } from '../../shared/levels/assets';
import type { CodeProjection } from '../../shared/lab/latent-tools';
import type {
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
  TrainProgress,
  TrainResult,
  WeightsExport,
  EncodedDistribution,
} from '../../shared/worker-api';
import { Emitter } from '../emitter';
import { KnownModels } from './checkpoints';
import { installMlErrorHandler } from './comlink-errors';
import type { BridgeEvents, BridgeStatus, MlPort, TrainCall, TrainOptions } from './ml-port';
import { TrainingJobs } from './training-jobs';
import { WorkerHost, type BridgeOptions } from './worker-host';

export { CHECKPOINT_INTERVAL_MS, checkpointKey } from './checkpoints';
export type { BridgeEvents, BridgeStatus, RestartReport, TrainCall, TrainOptions } from './ml-port';
export type { BridgeOptions } from './worker-host';

export class MlBridge implements MlPort {
  readonly events = new Emitter<BridgeEvents>();
  private readonly known = new KnownModels();
  private readonly host: WorkerHost;
  private readonly jobs: TrainingJobs;
  private modelSeq = 0;
  private readonly sessionId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  constructor(options: BridgeOptions) {
    installMlErrorHandler();
    this.host = new WorkerHost(options, this.events, this.known, () => this.jobs.forget());
    this.jobs = new TrainingJobs(this.host, this.known);
  }

  get status(): BridgeStatus {
    return this.host.status;
  }

  get initResult(): InitResult | null {
    return this.host.initResult;
  }

  get activeJobId(): string | null {
    return this.jobs.activeJobId;
  }

  /** True while a worker exists and has not failed (for the tests' debug hook). */
  isAlive(): boolean {
    return this.host.isAlive();
  }

  /** Starts the worker if needed and resolves with its init result (waits for a recovery in progress). */
  start(): Promise<InitResult> {
    return this.host.start();
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
    this.known.specs.set(info.modelId, spec);
    return info;
  }

  warmKernels(spec: ModelSpec, options: TrainOptions): Promise<boolean> {
    return this.invoke((api) => api.warmKernels(spec, options));
  }

  async disposeModel(modelId: string): Promise<void> {
    this.known.forget(modelId);
    this.jobs.supersede(modelId);
    await this.invoke((api) => api.disposeModel(modelId));
  }

  /**
   * Trains with a bridge-chosen job id and worker checkpoints; cancels (supersedes) any running job first.
   * `stepOffset` is added to reported checkpoint steps when a job continues an earlier one; aborting `signal`
   * supersedes the job (the worker cancels it, the promise rejects with JOB_SUPERSEDED).
   */
  train(
    modelId: string,
    options: TrainOptions,
    onProgress: (progress: TrainProgress) => void,
    call: TrainCall = {},
  ): Promise<TrainResult> {
    return this.jobs.train(modelId, options, onProgress, call);
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
  exportWeights(modelId: string): Promise<WeightsExport> {
    return this.invoke((api) => api.exportWeights(modelId));
  }

  /** Creates (or replaces) model `weights.modelId` from an export (a model file loaded in the Lab). */
  importWeights(weights: WeightsExport): Promise<ModelInfo> {
    return this.invoke((api) => api.importWeights(weights));
  }

  reconstruct(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return this.invoke((api) => api.reconstruct(modelId, Comlink.transfer(images, [images.buffer]), labels));
  }

  /** `images` is transferred (detached here). */
  encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return this.invoke((api) => api.encode(modelId, Comlink.transfer(images, [images.buffer]), labels));
  }

  /** `images` is transferred (detached here). */
  encodeDistribution(modelId: string, images: Float32Array): Promise<EncodedDistribution> {
    return this.invoke((api) => api.encodeDistribution(modelId, Comlink.transfer(images, [images.buffer])));
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

  /** Prior samples decoded (the Lab's Generate view; a VQ-VAE draws codebook entries). */
  sample(modelId: string, n: number, seed: number): Promise<{ codes: Float32Array; images: Float32Array }> {
    return this.invoke((api) => api.sample(modelId, n, seed));
  }

  /** VQ-VAE: each slot's codebook index of every image; `images` is transferred (detached here). */
  encodeCodes(modelId: string, images: Float32Array): Promise<Uint16Array> {
    return this.invoke((api) => api.encodeCodes(modelId, Comlink.transfer(images, [images.buffer])));
  }

  /** VQ-VAE: codebook indices in, images out (the Lab shows every entry decoded). */
  decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array> {
    return this.invoke((api) => api.decodeCodes(modelId, indices));
  }

  /** The Lab's map of codes wider than 2; `codes` is transferred (detached here). */
  projectCodes(codes: Float32Array, count: number, dim: number): Promise<CodeProjection> {
    return this.invoke((api) => api.projectCodes(Comlink.transfer(codes, [codes.buffer]), count, dim));
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
    this.host.kill();
  }

  /** A deliberate restart (e.g. another backend preference): no notice, models are forgotten. */
  restart(): void {
    this.jobs.supersede();
    this.host.teardown(new MlError('WORKER_CRASHED', 'The ML worker was restarted.'));
    this.known.clear();
    this.host.forgetFailures();
  }

  dispose(): void {
    this.restart();
    this.events.removeAll();
  }

  private invoke<T>(fn: (api: Comlink.Remote<MlWorkerApi>) => Promise<T>): Promise<T> {
    return this.host.invoke(fn);
  }
}
