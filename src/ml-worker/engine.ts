/**
 * The engine behind the worker API: a plain class holding the backend choice, datasets, models and jobs, so
 * Node tests (and the classroom server) run the same code without Comlink. Every public method validates its
 * inputs and throws MlError; results are plain data with fresh typed arrays.
 */
import * as tf from '@tensorflow/tfjs';
import { check, MlError } from '../shared/errors';
import {
  checkDatasetName,
  LOSSES,
  SPLITS,
  validateModelSpec,
  validateTrainConfig,
  validateTrainConfigFor,
} from '../shared/model-spec-validation';
import { createRng } from '../shared/random';
import { BACKEND_PREFERENCES } from '../shared/worker-api';
import type {
  BackendName,
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
  ProgressCallback,
  Split,
  ClassifyResult,
  PretrainedAssetName,
  PretrainedModelInfo,
  TrainConfig,
  TrainResult,
  WeightsExport,
} from '../shared/worker-api';
import { PRETRAINED_ASSETS } from '../shared/levels/assets';
import { chooseBackend, defaultBackendDeps, type BackendChoice, type BackendDeps } from './backend';
import { DatasetStore, splitData, type Dataset, type FetchAsset } from './datasets';
import * as infer from './inference';
import * as vqInfer from './vq-inference';
import { t } from '../shared/messages';
import { JobRegistry, type JobControl } from './jobs';
import { buildAutoencoder, paramCount, type Autoencoder } from './models/autoencoder';
import { buildClassifier, classifyImages, type Classifier } from './models/classifier';
import { oneHotLabels } from './models/cvae';
import { decodeTensors, manifestProblem, sha256Hex, type PretrainedManifest } from './pretrained-format';
import { computePcaBasis, discardedVariance, pcaErrors, shippedPcaBasis, type PcaBasis } from './pca';
import { runTraining, type DeviceData, type TrainHost } from './train';
import { selectTrainingData, type SelectedData } from './train-data';
import { WebGlWatch, type ContextWatch } from './webgl-watch';
import { flattenOptimizerState, unflattenOptimizerState, type OptimizerState } from './optimizer-state';
import { describeWeights, flatten, readWeights, unflatten, writeWeights, type WeightSnapshot } from './weights';
import { createWeightsStore, STORED_WEIGHTS_VERSION, type StoredWeights, type WeightsStore } from './weights-store';

export interface EngineDeps {
  /** Default: fetch(assetBase + path). Node tests read the file from disk. */
  fetchAsset?: FetchAsset;
  weightsStore?: WeightsStore;
  backend?: BackendDeps;
  /** Default: the real WebGL watch. Tests inject a fake to simulate a lost context. */
  contextWatch?: ContextWatch;
}

interface ModelEntry {
  id: string;
  spec: ModelSpec;
  model: Autoencoder;
  /** Latest known good weights on the CPU: the model is rebuilt from these if its backend goes away. */
  snapshot: WeightSnapshot;
  job: JobControl | null;
  jobDone: Promise<unknown> | null;
  /** Set while the model holds exactly the shipped weights of this pretrained asset. */
  pretrained?: PretrainedAssetName;
  /** Optimizer state loaded with a checkpoint, for the next job on these weights (then dropped). */
  carriedOptimizer?: OptimizerState;
}

interface PretrainedAsset {
  manifest: PretrainedManifest;
  arrays: Float32Array[];
}

interface DeviceEntry {
  backend: string;
  data: DeviceData;
  users: number;
}

const MAX_GRID = 64;
const MAX_SAMPLES = 1024;
const DEVICE_CACHE_SIZE = 3;
const MAX_CLASSIFY = 10_000;
const JUDGE: PretrainedAssetName = 'mnist-judge';

function input(ok: boolean, message: string): asserts ok {
  check(ok, 'INVALID_INPUT', message);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export class Engine {
  private readonly datasets: DatasetStore;
  private readonly store: WeightsStore;
  private readonly backendDeps: BackendDeps;
  protected readonly watch: ContextWatch;
  private readonly models = new Map<string, ModelEntry>();
  private readonly jobs = new JobRegistry();
  private readonly device = new Map<string, DeviceEntry>();
  private readonly pcaCache = new Map<DatasetName, Promise<PcaBasis>>();
  protected choice: BackendChoice | null = null;
  private initializing: Promise<InitResult> | null = null;
  private recovering: Promise<BackendName> | null = null;
  private webglBroken = false;
  private generation = 0;
  private assetBase = '/';
  private nextId = 1;
  private readonly fetchAsset: FetchAsset;
  private readonly pretrainedAssets = new Map<PretrainedAssetName, Promise<PretrainedAsset>>();
  private judge: { backend: string; generation: number; model: Classifier } | null = null;

  constructor(deps: EngineDeps = {}) {
    this.fetchAsset = deps.fetchAsset ?? ((path) => this.fetchOverHttp(path));
    this.datasets = new DatasetStore(this.fetchAsset);
    this.store = deps.weightsStore ?? createWeightsStore();
    this.backendDeps = deps.backend ?? defaultBackendDeps;
    this.watch = deps.contextWatch ?? new WebGlWatch();
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
    input(!this.anyJobRunning(), 'The backend cannot change while a model is training; stop the training first.');
    this.assetBase = options.assetBase;
    const run = async (): Promise<InitResult> => {
      const before = this.choice?.backend;
      this.choice = await chooseBackend(options.backend, this.backendDeps, this.webglBroken);
      if (before !== undefined && before !== this.choice.backend) this.dropDeviceCache();
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
      version: tf.version.tfjs,
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
      };
      this.dropDeviceCache();
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

  /** Device tensors of a split, cached per backend; callers hold a use while training on them. */
  private acquireDevice(
    ds: Dataset,
    selected: SelectedData,
    conditional: boolean,
  ): { data: DeviceData; release: () => void } {
    const key = `${selected.key}|${conditional}`;
    let entry = this.device.get(key);
    if (!entry || entry.backend !== tf.getBackend()) {
      if (entry) this.disposeDevice(key, entry);
      const cpu = selected.data;
      const data: DeviceData = {
        x: tf.tensor2d(cpu.images, [cpu.count, ds.info.size]),
        oneHot: conditional ? tf.tidy(() => oneHotLabels(tf.tensor1d(cpu.labels, 'int32'), ds.info.classes)) : null,
        input: cpu.inputs ? tf.tensor2d(cpu.inputs, [cpu.count, ds.info.size]) : null,
      };
      entry = { backend: tf.getBackend(), data, users: 0 };
      this.device.set(key, entry);
      this.evictDevice();
    }
    const held = entry;
    held.users++;
    return { data: held.data, release: () => void held.users-- };
  }

  private evictDevice(): void {
    for (const [key, entry] of this.device) {
      if (this.device.size <= DEVICE_CACHE_SIZE) break;
      if (entry.users === 0) this.disposeDevice(key, entry);
    }
  }

  private disposeDevice(key: string, entry: DeviceEntry): void {
    this.device.delete(key);
    try {
      tf.dispose([
        entry.data.x,
        ...(entry.data.oneHot ? [entry.data.oneHot] : []),
        ...(entry.data.input ? [entry.data.input] : []),
      ]);
    } catch {
      // Tensors of a lost WebGL context.
    }
  }

  private dropDeviceCache(): void {
    for (const [key, entry] of [...this.device]) this.disposeDevice(key, entry);
  }

  // ---- models ----

  private entry(modelId: string): ModelEntry {
    const entry = typeof modelId === 'string' ? this.models.get(modelId) : undefined;
    if (!entry)
      throw new MlError(
        'UNKNOWN_MODEL',
        `There is no model "${String(modelId)}" (it may have been removed, or the worker restarted).`,
      );
    return entry;
  }

  private info(entry: ModelEntry): ModelInfo {
    const m = entry.model;
    return {
      modelId: entry.id,
      spec: structuredClone(entry.spec),
      paramCount: paramCount(m),
      inputSize: m.inputSize,
      latentSize: m.latentSize,
    };
  }

  private anyJobRunning(): boolean {
    for (const e of this.models.values()) if (e.job) return true;
    return false;
  }

  async createModel(spec: ModelSpec, options?: { id?: string }): Promise<ModelInfo> {
    validateModelSpec(spec);
    const id = options?.id;
    input(
      id === undefined || (typeof id === 'string' && id.length > 0 && id.length <= 200),
      'A model id must be a non-empty string.',
    );
    await this.ready();
    const ds = await this.dataset(spec.dataset);
    const own = structuredClone(spec);
    const model = buildAutoencoder(own, { width: ds.info.width, height: ds.info.height, classes: ds.info.classes });
    const entry: ModelEntry = {
      id: id ?? `model-${this.nextId++}`,
      spec: own,
      model,
      snapshot: { step: 0, arrays: await readWeights(model) },
      job: null,
      jobDone: null,
    };
    if (this.models.has(entry.id)) await this.disposeModel(entry.id);
    this.models.set(entry.id, entry);
    return this.info(entry);
  }

  /** Removes a model; a running job on it is cancelled first. */
  async disposeModel(modelId: string): Promise<void> {
    const entry = this.entry(modelId);
    if (entry.job) {
      entry.job.cancel();
      await entry.jobDone?.catch(() => {});
    }
    if (this.models.get(modelId) === entry) this.models.delete(modelId);
    entry.model.dispose();
  }

  // ---- training ----

  async train(modelId: string, config: TrainConfig, onProgress?: ProgressCallback): Promise<TrainResult> {
    validateTrainConfig(config);
    const entry = this.entry(modelId);
    validateTrainConfigFor(config, entry.spec, entry.model.classes);
    input(!entry.job, `Model "${modelId}" is already training; cancel that job first.`);
    check(!this.jobs.has(config.jobId), 'INVALID_CONFIG', `A job with id "${config.jobId}" is already running.`);
    // Registered before the first await, so a pause/cancel sent right after train() finds the job.
    const job = this.jobs.start(config.jobId);
    entry.job = job;
    entry.pretrained = undefined;
    const carried = entry.carriedOptimizer;
    entry.carriedOptimizer = undefined;
    const done = this.runJob(entry, config, job, onProgress, carried);
    entry.jobDone = done;
    try {
      return await done;
    } finally {
      entry.job = null;
      entry.jobDone = null;
      this.jobs.finish(config.jobId);
    }
  }

  private async runJob(
    entry: ModelEntry,
    config: TrainConfig,
    job: JobControl,
    onProgress?: ProgressCallback,
    carried?: OptimizerState,
  ): Promise<TrainResult> {
    await this.ready();
    const ds = await this.dataset(entry.spec.dataset);
    const selected = selectTrainingData(ds, entry.spec, config);
    const data = selected.data;
    check(
      data.count > 0,
      'INVALID_CONFIG',
      config.excludeLabels?.length
        ? 'Leaving out those classes leaves no examples to train on.'
        : 'There are no examples to train on.',
    );
    let held = this.acquireDevice(ds, selected, entry.model.conditional);
    const host: TrainHost = {
      model: () => entry.model,
      deviceData: () => {
        if (held.data.x.isDisposed) {
          held.release();
          held = this.acquireDevice(ds, selected, entry.model.conditional);
        }
        return held.data;
      },
      backend: () => this.backendName(),
      contextWatch: () => (this.choice?.backend === 'webgl' ? this.watch : null),
      recoverFromContextLoss: () => this.recoverFromContextLoss(),
      keepSnapshot: (s) => (entry.snapshot = s),
      checkpoint: (s) =>
        this.store.put(config.checkpointKey ?? `checkpoint:${entry.id}`, {
          ...this.stored(entry, s.arrays, s.optimizer),
          step: s.step,
        }),
      takeOptimizerState: () => {
        const state = carried;
        carried = undefined;
        return state;
      },
      generation: () => this.generation,
    };
    try {
      return await runTraining(host, data, config, job, onProgress);
    } finally {
      held.release();
    }
  }

  async pause(jobId: string): Promise<boolean> {
    return this.job(jobId)?.pause() ?? false;
  }

  async resume(jobId: string): Promise<boolean> {
    return this.job(jobId)?.resume() ?? false;
  }

  async cancel(jobId: string): Promise<boolean> {
    return this.job(jobId)?.cancel() ?? false;
  }

  private job(jobId: string): JobControl | null {
    const job = this.jobs.lookup(jobId);
    if (job === undefined) throw new MlError('UNKNOWN_JOB', `There is no training job "${String(jobId)}".`);
    return job;
  }

  // ---- inference ----

  private checkImages(model: Autoencoder, images: Float32Array, what = 'images'): number {
    input(images instanceof Float32Array, `The ${what} must be a Float32Array.`);
    const size = what === 'codes' ? model.latentSize : model.inputSize;
    const unit =
      what === 'codes' ? `codes of ${size} numbers` : `images of ${model.width}x${model.height} = ${size} pixels`;
    input(images.length > 0 && images.length % size === 0, `Expected whole ${unit}, but got ${images.length} numbers.`);
    for (let i = 0; i < images.length; i++)
      input(Number.isFinite(images[i]), `The ${what} contain a value that is not a finite number.`);
    return images.length / size;
  }

  private checkLabels(model: Autoencoder, count: number, labels?: Uint8Array): Uint8Array | undefined {
    if (!model.conditional) return undefined;
    input(labels instanceof Uint8Array, 'A conditional model needs a label (Uint8Array) for each image or code.');
    input(labels.length === count, `Expected ${count} labels, got ${labels.length}.`);
    for (const l of labels) input(l < model.classes, `Labels must be below ${model.classes}.`);
    return labels;
  }

  async reconstruct(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    const { model } = this.entry(modelId);
    const count = this.checkImages(model, images);
    return infer.reconstruct(model, images, this.checkLabels(model, count, labels));
  }

  async encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    const { model } = this.entry(modelId);
    const count = this.checkImages(model, images);
    return infer.encode(model, images, this.checkLabels(model, count, labels));
  }

  async decode(modelId: string, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    const { model } = this.entry(modelId);
    const count = this.checkImages(model, codes, 'codes');
    return infer.decode(model, codes, this.checkLabels(model, count, labels));
  }

  private codebookOf(model: Autoencoder): NonNullable<Autoencoder['codebook']> {
    input(model.codebook !== undefined, t('engine.vq.notVqvae'));
    return model.codebook;
  }

  async encodeCodes(modelId: string, images: Float32Array): Promise<Uint16Array> {
    const { model } = this.entry(modelId);
    this.codebookOf(model);
    this.checkImages(model, images);
    return vqInfer.encodeCodes(model, images);
  }

  async decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array> {
    const { model } = this.entry(modelId);
    const { slots, size } = this.codebookOf(model);
    input(
      indices instanceof Uint16Array && indices.length > 0 && indices.length % slots === 0,
      t('engine.vq.indices', { slots, max: size - 1 }),
    );
    for (const k of indices) input(k < size, t('engine.vq.indices', { slots, max: size - 1 }));
    return vqInfer.decodeCodes(model, indices);
  }

  async latentGrid(modelId: string, bounds: LatentGridBounds, n: number): Promise<Float32Array> {
    const { model } = this.entry(modelId);
    input(isInt(n) && n >= 1 && n <= MAX_GRID, `The grid size must be a whole number from 1 to ${MAX_GRID}.`);
    input(typeof bounds === 'object' && bounds !== null, 'The grid needs bounds.');
    const { xMin, xMax, yMin, yMax } = bounds;
    input(
      [xMin, xMax, yMin, yMax].every((v) => Number.isFinite(v)),
      'Grid bounds must be finite numbers.',
    );
    const latent = model.latentSize;
    const dims = bounds.dims ?? [0, Math.min(1, latent - 1)];
    input(
      dims.every((d) => isInt(d) && d >= 0 && d < latent),
      `Grid dimensions must be code units from 0 to ${latent - 1}.`,
    );
    input(
      bounds.base === undefined || (bounds.base instanceof Float32Array && bounds.base.length === latent),
      `The base code must be a Float32Array of ${latent} numbers.`,
    );
    const codes = new Float32Array(n * n * latent);
    const at = (lo: number, hi: number, i: number): number =>
      n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const row = (r * n + c) * latent;
        if (bounds.base) codes.set(bounds.base, row);
        codes[row + dims[0]] = at(xMin, xMax, c);
        if (dims[1] !== dims[0]) codes[row + dims[1]] = at(yMax, yMin, r);
      }
    }
    const label = bounds.label ?? 0;
    input(
      !model.conditional || (isInt(label) && label >= 0 && label < model.classes),
      `The grid label must be a class from 0 to ${model.classes - 1}.`,
    );
    return infer.decode(model, codes, model.conditional ? new Uint8Array(n * n).fill(label) : undefined);
  }

  /** z ~ N(0, I) from `seed`; a conditional model cycles through the classes. */
  async sample(modelId: string, n: number, seed: number): Promise<{ codes: Float32Array; images: Float32Array }> {
    const { model } = this.entry(modelId);
    input(isInt(n) && n >= 1 && n <= MAX_SAMPLES, `The sample count must be a whole number from 1 to ${MAX_SAMPLES}.`);
    input(isInt(seed), 'The seed must be a whole number.');
    const rng = createRng(seed);
    if (model.codebook) {
      const { size, slots } = model.codebook;
      const indices = Uint16Array.from({ length: n * slots }, () => rng.int(size));
      return { codes: await vqInfer.codesOf(model, indices), images: await vqInfer.decodeCodes(model, indices) };
    }
    const codes = Float32Array.from({ length: n * model.latentSize }, () => rng.normal());
    const labels = model.conditional ? Uint8Array.from({ length: n }, (_, i) => i % model.classes) : undefined;
    return { codes, images: await infer.decode(model, codes, labels) };
  }

  async evaluate(modelId: string, split: Split, loss: LossName = 'mse', limit?: number): Promise<EvaluateResult> {
    const entry = this.entry(modelId);
    input(SPLITS.includes(split), `"${String(split)}" is not a split. Pick train, test or all.`);
    input(LOSSES.includes(loss), `"${String(loss)}" is not a loss. Pick mse or bce.`);
    input(
      limit === undefined || (isInt(limit) && limit >= 1),
      'The example limit must be a whole number of at least 1.',
    );
    const ds = await this.dataset(entry.spec.dataset);
    const data = splitData(ds, split, 0, limit);
    return { split, count: data.count, loss: await infer.evaluate(entry.model, data.images, data.labels, loss) };
  }

  // ---- PCA ----

  async pca(dataset: DatasetName, k: number): Promise<PcaResult> {
    checkDatasetName(dataset);
    await this.ready();
    const ds = await this.dataset(dataset);
    const size = ds.info.size;
    input(isInt(k) && k >= 1 && k <= size, `k must be a whole number from 1 to ${size}.`);
    let basis = this.pcaCache.get(dataset);
    if (!basis) {
      // MNIST's basis ships with the assets (no 2.5 s block); computed only when that file is missing or stale.
      const shipped =
        dataset === 'mnist'
          ? shippedPcaBasis(this.fetchAsset, ds.images, ds.splits.train, size)
          : Promise.resolve(null);
      basis = shipped.then((found) => {
        if (found) return found;
        const train = splitData(ds, 'train');
        return computePcaBasis(train.images, train.count, size);
      });
      this.pcaCache.set(dataset, basis);
      basis.catch(() => this.pcaCache.delete(dataset));
    }
    const b = await basis;
    const test = splitData(ds, 'test');
    const trainSse = discardedVariance(b, k);
    const totalVariance = discardedVariance(b, 0);
    return {
      dataset,
      k,
      size,
      mean: b.mean.slice(),
      components: b.components.slice(0, k * size),
      eigenvalues: Float32Array.from(b.eigenvalues),
      explainedVarianceRatio: Float32Array.from(b.eigenvalues.subarray(0, k), (v) =>
        totalVariance > 0 ? v / totalVariance : 0,
      ),
      trainSse,
      trainMse: trainSse / size,
      testMse: (await pcaErrors(b, k, test.images, test.count)).mse,
    };
  }

  // ---- weights ----

  private stored(entry: ModelEntry, arrays: Float32Array[], optimizer?: OptimizerState): StoredWeights {
    return {
      version: STORED_WEIGHTS_VERSION,
      spec: structuredClone(entry.spec),
      tensors: describeWeights(entry.model),
      data: flatten(arrays),
      savedAt: Date.now(),
      ...(optimizer ? { optimizer: flattenOptimizerState(optimizer) } : {}),
    };
  }

  private checkKey(key: string): void {
    input(typeof key === 'string' && key.length > 0 && key.length <= 200, 'A weights key must be a non-empty string.');
  }

  async saveWeights(modelId: string, key: string): Promise<void> {
    const entry = this.entry(modelId);
    this.checkKey(key);
    await this.store.put(key, this.stored(entry, await readWeights(entry.model)));
  }

  async loadWeights(modelId: string, key: string): Promise<boolean> {
    const entry = this.entry(modelId);
    this.checkKey(key);
    input(!entry.job, `Model "${modelId}" is training; stop it before loading weights.`);
    const saved = await this.store.get(key);
    if (!saved) return false;
    const arrays = unflatten(entry.model, saved.tensors, saved.data);
    writeWeights(entry.model, arrays);
    entry.snapshot = { step: 0, arrays };
    entry.pretrained = undefined;
    // Version 1 records (and plain saveWeights) have none: the next job then starts a fresh optimizer.
    const known = saved.version !== undefined && saved.version >= 2 && saved.version <= STORED_WEIGHTS_VERSION;
    entry.carriedOptimizer = (known && unflattenOptimizerState(saved.optimizer, entry.model)) || undefined;
    return true;
  }

  async exportWeights(modelId: string): Promise<WeightsExport> {
    const entry = this.entry(modelId);
    const arrays = await readWeights(entry.model);
    return {
      modelId: entry.id,
      spec: structuredClone(entry.spec),
      tensors: describeWeights(entry.model),
      data: flatten(arrays),
    };
  }

  /** Creates (or replaces) model `weights.modelId` from an export. */
  async importWeights(weights: WeightsExport): Promise<ModelInfo> {
    input(typeof weights === 'object' && weights !== null, 'Nothing to import.');
    validateModelSpec(weights.spec);
    const existing = this.models.get(weights.modelId);
    input(!existing?.job, `Model "${weights.modelId}" is training; stop it before importing weights.`);
    const info = await this.createModel(weights.spec, { id: weights.modelId });
    const entry = this.entry(info.modelId);
    try {
      const arrays = unflatten(entry.model, weights.tensors, weights.data);
      writeWeights(entry.model, arrays);
      entry.snapshot = { step: 0, arrays };
    } catch (error) {
      await this.disposeModel(info.modelId);
      throw error;
    }
    return info;
  }

  // ---- pretrained models ----

  /** Fetches, checks (format, sha256) and decodes a pretrained asset once; a failed load is retried next time. */
  private pretrainedAsset(name: PretrainedAssetName): Promise<PretrainedAsset> {
    input(
      typeof name === 'string' && Object.hasOwn(PRETRAINED_ASSETS, name),
      `There is no pretrained model called "${String(name)}". Pick one of: ${Object.keys(PRETRAINED_ASSETS).join(', ')}.`,
    );
    let pending = this.pretrainedAssets.get(name);
    if (!pending) {
      pending = (async () => {
        try {
          const [json, bin] = await Promise.all([
            this.fetchAsset(`pretrained/${name}.json`),
            this.fetchAsset(`pretrained/${name}.bin`),
          ]);
          const manifest = JSON.parse(new TextDecoder().decode(json)) as PretrainedManifest;
          const problem = manifestProblem(manifest, name);
          if (problem) throw new Error(problem);
          const bytes = new Uint8Array(bin);
          if (bytes.byteLength !== manifest.bin.bytes)
            throw new Error(`the weights file has ${bytes.byteLength} bytes, not ${manifest.bin.bytes}`);
          const digest = await sha256Hex(bytes);
          if (digest !== null && digest !== manifest.bin.sha256)
            throw new Error('the weights file does not match its description (damaged or out of date)');
          return { manifest, arrays: decodeTensors(manifest.tensors, bytes) };
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new MlError(
            'WEIGHTS_NOT_FOUND',
            `The pretrained model "${name}" could not be loaded (${why}). Reload the page to try again.`,
          );
        }
      })();
      this.pretrainedAssets.set(name, pending);
      pending.catch(() => this.pretrainedAssets.delete(name));
    }
    return pending;
  }

  async loadPretrained(name: PretrainedAssetName): Promise<PretrainedModelInfo> {
    input(
      name !== JUDGE,
      'The judge is a classifier, not an autoencoder: use classify() instead of loading it as a model.',
    );
    const asset = await this.pretrainedAsset(name);
    const id = `pretrained:${name}`;
    const existing = this.models.get(id);
    let info: ModelInfo;
    if (existing && existing.pretrained === name) {
      info = this.info(existing);
    } else {
      input(!existing?.job, `Model "${id}" is training; stop it before loading the pretrained weights again.`);
      const spec = asset.manifest.spec as ModelSpec;
      info = await this.createModel(spec, { id });
      const entry = this.entry(id);
      const arrays = unflatten(entry.model, asset.manifest.tensors, flatten(asset.arrays));
      writeWeights(entry.model, arrays);
      entry.snapshot = { step: 0, arrays };
      entry.pretrained = name;
    }
    const { codeBox, classMeans } = asset.manifest;
    return {
      ...info,
      asset: name,
      ...(codeBox ? { codeBox: { min: [...codeBox.min], max: [...codeBox.max] } } : {}),
      ...(classMeans ? { classMeans: classMeans.map((m) => [...m]) } : {}),
    };
  }

  /** The judge's tensors on the current backend (rebuilt after a backend change). */
  private async judgeModel(): Promise<Classifier> {
    const asset = await this.pretrainedAsset(JUDGE);
    await this.ready();
    const backend = tf.getBackend();
    if (this.judge && this.judge.backend === backend && this.judge.generation === this.generation)
      return this.judge.model;
    try {
      this.judge?.model.dispose();
    } catch {
      // Tensors of a lost WebGL context.
    }
    const shape = asset.manifest.classifier;
    check(
      shape !== undefined,
      'WEIGHTS_NOT_FOUND',
      'The judge could not be loaded (its description has no classifier shape).',
    );
    const model = buildClassifier(shape, 0);
    tf.tidy(() =>
      model.weights.forEach((w, i) => w.variable.assign(tf.tensor(asset.arrays[i], w.variable.shape, 'float32'))),
    );
    this.judge = { backend, generation: this.generation, model };
    return model;
  }

  async classify(images: Float32Array): Promise<ClassifyResult> {
    input(images instanceof Float32Array, 'The images must be a Float32Array.');
    const model = await this.judgeModel();
    const size = model.shape.inputSize;
    input(
      images.length > 0 && images.length % size === 0,
      `Expected whole 28x28 images of ${size} pixels, but got ${images.length} numbers.`,
    );
    const count = images.length / size;
    input(count <= MAX_CLASSIFY, `At most ${MAX_CLASSIFY.toLocaleString('en')} images per call, please.`);
    for (let i = 0; i < images.length; i++)
      input(Number.isFinite(images[i]), 'The images contain a value that is not a finite number.');
    return { probabilities: await classifyImages(model, images), count, classes: model.shape.classes };
  }
}
