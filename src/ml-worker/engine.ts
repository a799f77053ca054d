/**
 * The engine behind the worker API: a thin facade owning the backend choice, datasets, models and jobs, so
 * Node tests (and the classroom server) run the same code without Comlink. Every public method validates its
 * inputs and throws MlError; results are plain data with fresh typed arrays. The work itself lives in one
 * module per responsibility (model-registry, training-jobs, inference-calls, pca-calls, weights-io,
 * pretrained-assets, judge), each taking the shared EngineContext.
 */
import * as tf from '@tensorflow/tfjs';
import { checkDatasetName, SPLITS } from '../shared/model-spec-validation';
import { BACKEND_PREFERENCES } from '../shared/worker-api';
import type {
  BackendName,
  ClassifyResult,
  EncodedDistribution,
  DatasetInfo,
  DatasetName,
  EvaluateResult,
  ImageBatch,
  InitOptions,
  InitResult,
  LatentGridBounds,
  LossName,
  MemoryInfo,
  ModelInfo,
  ModelSpec,
  PcaResult,
  PretrainedAssetName,
  PretrainedModelInfo,
  ProgressCallback,
  Split,
  TrainConfig,
  TrainResult,
  WeightsExport,
} from '../shared/worker-api';
import {
  chooseBackend,
  defaultBackendDeps,
  requestWasmThreads,
  wasmThreadsInUse,
  type BackendChoice,
  type BackendDeps,
} from './backend';
import { DatasetStore, splitData, type Dataset, type FetchAsset } from './datasets';
import { DeviceCache } from './device-cache';
import { anyJobRunning, input, isInt, type EngineContext, type ModelEntry } from './engine-context';
import * as inference from './inference-calls';
import { JobRegistry } from './jobs';
import { Judge } from './judge';
import { buildAutoencoder } from './models/autoencoder';
import * as registry from './model-registry';
import { PcaCalls } from './pca-calls';
import { projectCodes } from './code-projection';
import type { CodeProjection } from '../shared/lab/latent-tools';
import { loadPretrained, PretrainedAssets } from './pretrained-assets';
import { jobOf, train } from './training-jobs';
import { WebGlWatch, type ContextWatch } from './webgl-watch';
import { writeWeights } from './weights';
import * as weightsIo from './weights-io';
import { createWeightsStore, type WeightsStore } from './weights-store';
import { WARM_UP_STEPS, warmRun } from './run-warmup';

const WASM_WARM_UP_STEPS = 40;

export interface EngineDeps {
  /** Default: fetch(assetBase + path). Node tests read the file from disk. */
  fetchAsset?: FetchAsset;
  weightsStore?: WeightsStore;
  backend?: BackendDeps;
  /** Default: the real WebGL watch. Tests inject a fake to simulate a lost context. */
  contextWatch?: ContextWatch;
}

export class Engine {
  private readonly datasets: DatasetStore;
  private readonly backendDeps: BackendDeps;
  protected readonly watch: ContextWatch;
  private readonly models = new Map<string, ModelEntry>();
  private readonly device = new DeviceCache();
  protected choice: BackendChoice | null = null;
  private initializing: Promise<InitResult> | null = null;
  /** A warm-up run before the player's first Train (run-warmup.ts); train and a backend switch wait for it. */
  private warming: Promise<void> | null = null;
  private warmTicket = 0;
  private wasmWarmed = false;
  private recovering: Promise<BackendName> | null = null;
  private webglBroken = false;
  private generation = 0;
  private assetBase = '/';
  private nextId = 1;
  private readonly ctx: EngineContext;
  private readonly pcaCalls: PcaCalls;
  private readonly pretrained: PretrainedAssets;
  private readonly judge: Judge;

  constructor(deps: EngineDeps = {}) {
    const fetchAsset = deps.fetchAsset ?? ((path) => this.fetchOverHttp(path));
    this.datasets = new DatasetStore(fetchAsset);
    this.backendDeps = deps.backend ?? defaultBackendDeps;
    this.watch = deps.contextWatch ?? new WebGlWatch();
    this.ctx = {
      models: this.models,
      jobs: new JobRegistry(),
      device: this.device,
      store: deps.weightsStore ?? createWeightsStore(),
      fetchAsset,
      ready: () => this.ready(),
      dataset: (name) => this.dataset(name),
      backendName: () => this.backendName(),
      generation: () => this.generation,
      contextWatch: () => (this.choice?.backend === 'webgl' ? this.watch : null),
      recoverFromContextLoss: () => this.recoverFromContextLoss(),
      nextModelId: () => `model-${this.nextId++}`,
    };
    this.pcaCalls = new PcaCalls(this.ctx);
    this.pretrained = new PretrainedAssets(fetchAsset);
    this.judge = new Judge(this.ctx, this.pretrained);
  }

  private async fetchOverHttp(path: string): Promise<ArrayBuffer> {
    const response = await fetch(`${this.assetBase}${path}`);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
    return response.arrayBuffer();
  }

  // ---- backend ----

  async init(options: InitOptions): Promise<InitResult> {
    input(typeof options === 'object' && options !== null, 'init needs options.');
    input(
      (BACKEND_PREFERENCES as readonly unknown[]).includes(options.backend),
      `"${String(options.backend)}" is not a backend. Pick ${BACKEND_PREFERENCES.slice(0, -1).join(', ')} or ${BACKEND_PREFERENCES.at(-1)}.`,
    );
    input(typeof options.assetBase === 'string', 'init needs the asset base URL.');
    // A warm-up's few throwaway steps are not the player's training: the switch waits for them.
    if (this.warming) await this.warming;
    input(!anyJobRunning(this.ctx), 'The backend cannot change while a model is training; stop the training first.');
    this.assetBase = options.assetBase;
    requestWasmThreads(options.wasmThreads);
    const run = async (): Promise<InitResult> => {
      const before = this.choice?.backend;
      this.choice = await chooseBackend(options.backend, this.backendDeps, this.webglBroken);
      if (before !== undefined && before !== this.choice.backend) this.device.drop();
      if (this.choice.backend === 'webgl') this.watch.attach();
      return this.initResult();
    };
    this.initializing = run();
    try {
      return await this.initializing;
    } finally {
      this.initializing = null;
    }
  }

  private initResult(): InitResult {
    const c = this.choice as BackendChoice;
    return {
      backend: c.backend,
      renderer: c.renderer,
      isSoftwareGl: c.isSoftwareGl,
      reason: c.reason,
      why: c.why,
      version: tf.version.tfjs,
      ...(c.backend === 'wasm' ? { wasmThreads: wasmThreadsInUse() } : {}),
    };
  }

  protected async ready(): Promise<void> {
    if (this.initializing) await this.initializing;
    if (this.recovering) await this.recovering;
    if (!this.choice) await this.init({ backend: 'auto', assetBase: this.assetBase });
  }

  protected backendName(): BackendName {
    return this.choice?.backend ?? (tf.getBackend() as BackendName);
  }

  /** After a lost WebGL context: WASM (else CPU), every model rebuilt from its last snapshot. Idempotent. */
  private recoverFromContextLoss(): Promise<BackendName> {
    if (this.choice?.backend !== 'webgl') return Promise.resolve(this.backendName());
    this.recovering ??= (async () => {
      this.webglBroken = true;
      const choice = await chooseBackend('auto', { ...this.backendDeps, probeGl: () => null }, true);
      this.choice = {
        ...choice,
        reason: `The WebGL context was lost, so training moved to ${choice.backend.toUpperCase()}.`,
        why: { kind: 'contextLost', backend: choice.backend },
      };
      this.device.drop();
      for (const entry of this.models.values()) this.rebuild(entry);
      this.generation++;
      return choice.backend;
    })();
    return this.recovering.finally(() => (this.recovering = null));
  }

  private rebuild(entry: ModelEntry): void {
    const old = entry.model;
    entry.model = buildAutoencoder(entry.spec, old);
    writeWeights(entry.model, entry.snapshot.arrays);
    try {
      old.dispose();
    } catch {
      // Its tensors lived in the lost context.
    }
  }

  async memory(): Promise<MemoryInfo> {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes, backend: this.backendName() };
  }

  // ---- datasets ----

  protected async dataset(name: DatasetName): Promise<Dataset> {
    checkDatasetName(name);
    return this.datasets.load(name);
  }

  async loadDataset(name: DatasetName): Promise<DatasetInfo> {
    const ds = await this.dataset(name);
    return { ...ds.info, classNames: [...ds.info.classNames] };
  }

  async getImages(name: DatasetName, split: Split, offset: number, count: number): Promise<ImageBatch> {
    checkDatasetName(name);
    input(SPLITS.includes(split), `"${String(split)}" is not a split. Pick train, test or all.`);
    input(isInt(offset) && offset >= 0, 'The offset must be a whole number of at least 0.');
    input(isInt(count) && count >= 0 && count <= 10_000, 'The image count must be a whole number from 0 to 10,000.');
    const ds = await this.dataset(name);
    const { images, labels, count: n } = splitData(ds, split, offset, count);
    return { images, labels, count: n, width: ds.info.width, height: ds.info.height };
  }

  // ---- models ----

  createModel(spec: ModelSpec, options?: { id?: string }): Promise<ModelInfo> {
    return registry.createModel(this.ctx, spec, options);
  }

  /** Removes a model; a running job on it is cancelled first. */
  disposeModel(modelId: string): Promise<void> {
    return registry.disposeModel(this.ctx, modelId);
  }

  // ---- training ----

  train(modelId: string, config: TrainConfig, onProgress?: ProgressCallback): Promise<TrainResult> {
    const start = () => train(this.ctx, modelId, config, onProgress);
    return this.warming ? this.warming.then(start) : start();
  }

  /**
   * Trains a throwaway copy of the run `spec` + `config` would start, before the player's Train (run-warmup.ts):
   * software WebGL two steps (its shader programs compile), WASM 40 steps once per worker. False: nothing to warm.
   */
  async warmKernels(spec: ModelSpec, config: Omit<TrainConfig, 'jobId'>): Promise<boolean> {
    await this.ready();
    const backend = this.choice?.backend;
    // WASM: once per worker (V8 tiers up the hot WebAssembly and JS of the loop: the first run in a page was
    // ~0.5 s slower than the next); software WebGL: per run (its shader programs depend on the model).
    const steps =
      backend === 'wasm' && !this.wasmWarmed
        ? WASM_WARM_UP_STEPS
        : backend === 'webgl' && this.choice?.isSoftwareGl
          ? WARM_UP_STEPS
          : 0;
    if (steps === 0) return false;
    // One at a time; of the requests that arrive meanwhile only the latest runs (the controls' final state).
    const ticket = ++this.warmTicket;
    const previous = this.warming;
    const run = (async () => {
      if (previous) await previous;
      if (ticket !== this.warmTicket || anyJobRunning(this.ctx)) return false;
      const engine = {
        createModel: (s: ModelSpec, o?: { id?: string }) => this.createModel(s, o),
        disposeModel: (id: string) => this.disposeModel(id),
        runJob: (id: string, c: TrainConfig, p: () => void) => train(this.ctx, id, c, p),
      };
      if (backend === 'wasm') {
        if (this.wasmWarmed) return false;
        this.wasmWarmed = true;
      }
      await warmRun(engine, spec, config, steps);
      return true;
    })();
    const settled = run.then(
      () => {},
      () => {},
    );
    this.warming = settled;
    void settled.then(() => {
      if (this.warming === settled) this.warming = null;
    });
    return run;
  }

  async pause(jobId: string): Promise<boolean> {
    return jobOf(this.ctx, jobId)?.pause() ?? false;
  }

  async resume(jobId: string): Promise<boolean> {
    return jobOf(this.ctx, jobId)?.resume() ?? false;
  }

  async cancel(jobId: string): Promise<boolean> {
    return jobOf(this.ctx, jobId)?.cancel() ?? false;
  }

  // ---- inference ----

  reconstruct(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return inference.reconstruct(this.ctx, modelId, images, labels);
  }

  encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return inference.encode(this.ctx, modelId, images, labels);
  }

  encodeDistribution(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<EncodedDistribution> {
    return inference.encodeDistribution(this.ctx, modelId, images, labels);
  }

  decode(modelId: string, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return inference.decode(this.ctx, modelId, codes, labels);
  }

  encodeCodes(modelId: string, images: Float32Array): Promise<Uint16Array> {
    return inference.encodeCodes(this.ctx, modelId, images);
  }

  decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array> {
    return inference.decodeCodes(this.ctx, modelId, indices);
  }

  latentGrid(modelId: string, bounds: LatentGridBounds, n: number): Promise<Float32Array> {
    return inference.latentGrid(this.ctx, modelId, bounds, n);
  }

  /** z ~ N(0, I) from `seed`; a conditional model cycles through the classes. */
  sample(modelId: string, n: number, seed: number): Promise<{ codes: Float32Array; images: Float32Array }> {
    return inference.sample(this.ctx, modelId, n, seed);
  }

  evaluate(modelId: string, split: Split, loss: LossName = 'mse', limit?: number): Promise<EvaluateResult> {
    return inference.evaluate(this.ctx, modelId, split, loss, limit);
  }

  // ---- PCA ----

  pca(dataset: DatasetName, k: number): Promise<PcaResult> {
    return this.pcaCalls.pca(dataset, k);
  }

  /** The Lab's map of codes wider than 2: PCA of the codes (code-projection.ts). */
  projectCodes(codes: Float32Array, count: number, dim: number): Promise<CodeProjection> {
    return projectCodes(codes, count, dim);
  }

  // ---- weights ----

  saveWeights(modelId: string, key: string): Promise<void> {
    return weightsIo.saveWeights(this.ctx, modelId, key);
  }

  loadWeights(modelId: string, key: string): Promise<boolean> {
    return weightsIo.loadWeights(this.ctx, modelId, key);
  }

  exportWeights(modelId: string): Promise<WeightsExport> {
    return weightsIo.exportWeights(this.ctx, modelId);
  }

  /** Creates (or replaces) model `weights.modelId` from an export. */
  importWeights(weights: WeightsExport): Promise<ModelInfo> {
    return weightsIo.importWeights(this.ctx, weights);
  }

  // ---- pretrained models ----

  loadPretrained(name: PretrainedAssetName): Promise<PretrainedModelInfo> {
    return loadPretrained(this.ctx, this.pretrained, name);
  }

  classify(images: Float32Array): Promise<ClassifyResult> {
    return this.judge.classify(images);
  }
}
