/**
 * The one contract between the game (main thread) and the ML worker.
 * The worker's exposed object `satisfies MlWorkerApi`; the game wraps the worker with this type and imports
 * nothing from src/ml-worker. Only plain data crosses: numbers, strings, plain objects, Float32Array/Uint8Array.
 */
import type { BackendWhy, ContextLostEvent, TrainEnd } from './engine-events';
import type { CodeProjection } from './lab/latent-tools';
import type { NoiseSpec } from './noise';

/** The tfjs backends, fastest first: the order the worker falls back in when one does not start. */
export const BACKEND_NAMES = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
/** What a player may ask for (Settings, the Lab, `?backend=`): 'auto' or one backend. */
export const BACKEND_PREFERENCES = ['auto', ...BACKEND_NAMES] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export interface InitOptions {
  /** 'auto' picks WebGL on hardware GL, WASM on software GL (SwiftShader/llvmpipe) or no GL, CPU last. */
  backend: BackendPreference;
  /** Base URL of generated assets (the MNIST binary), e.g. '/assets/'. */
  assetBase: string;
  /** Threads for WASM's threaded build (≥ 2, cross-origin isolated pages only; ?threads= to measure). Default 0. */
  wasmThreads?: number;
}

export interface InitResult {
  backend: BackendName;
  /** The GL renderer string the worker saw ('' when no WebGL context could be made). */
  renderer: string;
  isSoftwareGl: boolean;
  /** Why this backend, in English for logs; the game words `why` in the player's language. */
  reason: string;
  why: BackendWhy;
  /** tfjs version. */
  version: string;
  /** Threads the WASM backend computes with (1: single-threaded); absent on other backends. */
  wasmThreads?: number;
}

export type DatasetName = 'glyphs' | 'glyphs28' | 'mnist';
export type Split = 'train' | 'test' | 'all';

export interface DatasetInfo {
  name: DatasetName;
  width: number;
  height: number;
  /** Pixels per image (width * height). */
  size: number;
  classes: number;
  /** Class names in label order ('0'..'9' or 'A'..). */
  classNames: string[];
  trainCount: number;
  testCount: number;
}

/** Images as one flat array, row-major, values in [0, 1]. */
export interface ImageBatch {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
  width: number;
  height: number;
}

export type Activation = 'relu' | 'sigmoid' | 'tanh' | 'elu' | 'linear';
/** Every model type the worker builds. */
export const MODEL_KINDS = ['dense', 'conv', 'denoising', 'vae', 'cvae', 'sparse', 'ksparse', 'vqvae'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * vqvae: the encoder's code is `slots` vectors of `codeDim` numbers, each replaced by the nearest of
 * `codebookSize` (K) codebook vectors (van den Oord et al. 2017). The spec's bottleneck must be slots × codeDim.
 * An image is then slots indices: slots · log2 K bits (`bitsPerImage` in src/shared/vq.ts).
 */
export interface VqSpec {
  /** K, the number of codebook vectors. */
  codebookSize: number;
  /** Code vectors per image. */
  slots: number;
  /** Numbers per code vector (and per codebook vector). */
  codeDim: number;
  /** β_commit, the weight of the commitment loss ‖z_e − sg[e]‖² (default 0.25). */
  commitment?: number;
}

export interface ModelSpec {
  kind: ModelKind;
  dataset: DatasetName;
  /** Encoder hidden widths, outermost first; the decoder mirrors them. Ignored by 'conv' (uses `filters`). */
  hidden: number[];
  /** Code size, 1..64. */
  bottleneck: number;
  /** Hidden-layer activation. */
  activation: Activation;
  /** Every layer linear (no non-linearity, output included): the PCA-equivalent AE. */
  linear?: boolean;
  /** Seed for initial weights. */
  seed: number;
  /** conv: filters per encoder conv layer (e.g. [16, 8]). */
  filters?: number[];
  /** denoising: corruption applied to each batch's input, never to the target. */
  noise?: NoiseSpec;
  /** vae/cvae: weight of the KL term. */
  beta?: number;
  /** sparse: target mean activation rho and penalty weight. */
  sparsity?: { rho: number; weight: number };
  /** ksparse: number of code units kept per sample. */
  k?: number;
  /**
   * vae/cvae: false samples z = μ + σ·ε as a constant (no gradient through the sample), so the reconstruction
   * does not reach μ and σ: the encoder learns from the KL term only and the codes collapse onto the prior.
   * Default true (the reparameterisation trick).
   */
  reparameterize?: boolean;
  /** vqvae: the codebook (required for vqvae, refused elsewhere). */
  vq?: VqSpec;
}

export interface ModelInfo {
  modelId: string;
  spec: ModelSpec;
  paramCount: number;
  /** Input pixels (784 for MNIST, 35 for 7x5 glyphs). */
  inputSize: number;
  latentSize: number;
}

export type LossName = 'mse' | 'bce';
export type OptimizerName = 'adam' | 'sgd';

export interface TrainConfig {
  /** Chosen by the caller so it can pause/resume/cancel before the promise settles. */
  jobId: string;
  /** Stop after this many epochs... */
  epochs?: number;
  /** ...or after this many steps (whichever is given; steps wins when both are). */
  steps?: number;
  batchSize: number;
  optimizer: OptimizerName;
  learningRate: number;
  loss: LossName;
  /** Same seed + same backend => same batch order, same noise, same result. */
  seed: number;
  split?: Split;
  /** Max training examples taken from the split (default: all). */
  limit?: number;
  /** Progress at most every this many ms (default 100). */
  progressIntervalMs?: number;
  /** How many reconstructions to attach to progress events (default 8). */
  previewCount?: number;
  /** Save weights to persistent storage every this many ms (0/undefined: never). */
  checkpointIntervalMs?: number;
  /** Storage key for those checkpoints (default `checkpoint:<modelId>`); restore with loadWeights(modelId, key). */
  checkpointKey?: string;
  /**
   * Class labels left out of training (applied after `split` and `limit`), e.g. [4] drops the glyph 'E'
   * (Letter forge). Each must be a class of the model's dataset; at least one example must remain.
   */
  excludeLabels?: number[];
  /**
   * Needs a spec with noise (denoising): train on a FIXED pool of this many noisy copies of each example, drawn
   * once from `seed`, instead of fresh noise every batch (Storm: "more noisy copies per letter"). An epoch is then
   * one pass over examples × copies. 1..100.
   */
  noisyCopies?: number;
  /**
   * The player's own examples (the Lab's "my alphabet" and "MNIST + my drawings"): images of the model's dataset
   * size with class labels. They come first in the training data (so the progress previews show them), then the
   * selected dataset examples; with mode 'replace' the dataset's examples of the same classes are left out.
   */
  own?: OwnExamples;
}

/** Your own training images (TrainConfig.own); the worker checks every shape and value. */
export interface OwnExamples {
  /** count × the dataset's pixels, row-major, each in [0, 1]. */
  images: Float32Array;
  /** One class per image, a class of the model's dataset. */
  labels: Uint8Array;
  count: number;
  /** 'add': beside the dataset's examples (MNIST + my drawings); 'replace': instead of the dataset's ones of their classes (my alphabet). */
  mode: 'add' | 'replace';
  /** Each own example this many times in an epoch (1..100, default 1), so a few drawings count among thousands. */
  repeat?: number;
}

export interface LossTerms {
  /** What the optimiser minimises. */
  total: number;
  /** Reconstruction term (per-pixel mean MSE or BCE). */
  reconstruction: number;
  /** KL divergence to N(0, I), nats per sample (vae/cvae). */
  kl?: number;
  /** Sparsity penalty (sparse). */
  sparsity?: number;
  /** Per-pixel mean squared error, always reported so every model compares with PCA. */
  mse: number;
  /**
   * vqvae: mean squared distance ‖z_e − e‖² between the encoder's code vectors and their codebook vectors (per
   * number). It is both the codebook loss and the commitment loss, so total = reconstruction + (1 + β_commit)·vq.
   */
  vq?: number;
  /** vqvae, reported only: codebook entries used by at least one code vector (of the batch, or of the split). */
  codebookUsed?: number;
  /** vqvae, reported only: exp of the entropy of the entries' use, from 1 (one entry) to K (all used evenly). */
  perplexity?: number;
}

export interface TrainProgress {
  jobId: string;
  step: number;
  epoch: number;
  totalSteps: number;
  loss: LossTerms;
  samplesPerSecond: number;
  elapsedMs: number;
  etaMs: number;
  backend: BackendName;
  /** previewCount clean inputs, their corrupted versions (denoising) and reconstructions. */
  preview?: { inputs: Float32Array; corrupted?: Float32Array; outputs: Float32Array; count: number };
  /** Set when the backend changed mid-job (WebGL context lost -> WASM): English for logs, `event` as data. */
  notice?: string;
  event?: ContextLostEvent;
  /** Last step whose weights were checkpointed to storage. */
  checkpointStep?: number;
}

export type TrainEndReason = 'completed' | 'cancelled' | 'diverged';

export interface TrainResult {
  jobId: string;
  reason: TrainEndReason;
  /** How it ended, in English for logs (why it diverged, that it was cancelled...); the game words `end`. */
  message: string;
  end: TrainEnd;
  steps: number;
  epochs: number;
  finalLoss: LossTerms;
  samplesPerSecond: number;
  elapsedMs: number;
  backend: BackendName;
  /** Backend changes during the job, e.g. 'WebGL context lost at step 120; continued on WASM from step 100'. */
  notices: string[];
  /** The same backend changes as data. */
  events: ContextLostEvent[];
}

export type ProgressCallback = (progress: TrainProgress) => void;

export interface LatentGridBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** For latents above 2-D: the other coordinates (default 0). */
  base?: Float32Array;
  /** Which two latent dims span the grid (default [0, 1]). */
  dims?: [number, number];
  /** cvae only: the class every grid point is decoded as (default 0). */
  label?: number;
}

export interface PcaResult {
  dataset: DatasetName;
  k: number;
  /** Pixels per image. */
  size: number;
  mean: Float32Array;
  /** k x size, row-major, unit-length rows, by decreasing eigenvalue. */
  components: Float32Array;
  /** All eigenvalues of the training covariance (1/N), decreasing. */
  eigenvalues: Float32Array;
  /** Share of variance kept by each of the k components. */
  explainedVarianceRatio: Float32Array;
  /** Mean per-image squared error on the training split (= sum of the discarded eigenvalues). */
  trainSse: number;
  /** Per-pixel MSE on the training split. */
  trainMse: number;
  /** Per-pixel MSE on the held-out split. */
  testMse: number;
}

export interface EvaluateResult {
  split: Split;
  count: number;
  loss: LossTerms;
}

export interface WeightsExport {
  modelId: string;
  spec: ModelSpec;
  /** Tensor names, shapes and the flat float32 data, in model order. */
  tensors: { name: string; shape: number[] }[];
  data: Float32Array;
}

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  backend: BackendName;
}

/** Models shipped in assets/pretrained (made by `npm run pretrain`; the plan is src/shared/levels/assets.ts). */
export type PretrainedAssetName =
  'mnist-ae-2d' | 'mnist-vae-2d' | 'mnist-vae-16d' | 'letters-vae-forge' | 'mnist-judge' | 'mnist-cvae-2d';

/** A VAE encoder's output for a batch: μ and log σ² of q(z|x), row-major, count × latentSize each. */
export interface EncodedDistribution {
  mu: Float32Array;
  logVar: Float32Array;
}

/** Per latent dimension: the 1st–99th percentile box of the encoded training codes (μ for VAEs). */
export interface CodeBox {
  min: number[];
  max: number[];
}

/** What loadPretrained returns: a ready model (id `pretrained:<name>`) plus what the asset knows about its codes. */
export interface PretrainedModelInfo extends ModelInfo {
  asset: PretrainedAssetName;
  /** 2-D map assets: the box of the encoded training codes (Holes in the map's 'dataBox' space). */
  codeBox?: CodeBox;
  /** Mean code (μ) of each class over the held-out split, in label order (e.g. where the 7s are on a map). */
  classMeans?: number[][];
}

export interface ClassifyResult {
  /** count × classes softmax probabilities, row-major. */
  probabilities: Float32Array;
  count: number;
  classes: number;
}

export interface MlWorkerApi {
  init(options: InitOptions): Promise<InitResult>;
  loadDataset(name: DatasetName): Promise<DatasetInfo>;
  /** Plain images of a dataset (for display), `count` from `offset` of a split. */
  getImages(name: DatasetName, split: Split, offset: number, count: number): Promise<ImageBatch>;
  createModel(spec: ModelSpec, options?: { id?: string }): Promise<ModelInfo>;
  disposeModel(modelId: string): Promise<void>;
  train(modelId: string, config: TrainConfig, onProgress?: ProgressCallback): Promise<TrainResult>;
  /** A throwaway run of `spec` + `config` before Train (software WebGL, WASM once; false: nothing to do here). */
  warmKernels(spec: ModelSpec, config: Omit<TrainConfig, 'jobId'>): Promise<boolean>;
  pause(jobId: string): Promise<boolean>;
  resume(jobId: string): Promise<boolean>;
  cancel(jobId: string): Promise<boolean>;
  /** Images in, reconstructions out (same length). `labels` for cvae. */
  reconstruct(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array>;
  /** Images in, codes out (the mean mu for vae/cvae), count * latentSize. */
  encode(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<Float32Array>;
  /**
   * vae/cvae: images in, the encoder's q(z|x) = N(μ, σ²) out: `mu` and `logVar` (log σ²), each count * latentSize.
   * Other kinds have no σ (INVALID_INPUT).
   */
  encodeDistribution(modelId: string, images: Float32Array, labels?: Uint8Array): Promise<EncodedDistribution>;
  /** Codes in (count * latentSize), images out. */
  decode(modelId: string, codes: Float32Array, labels?: Uint8Array): Promise<Float32Array>;
  /** vqvae: images in, the index of each slot's codebook vector out (count × slots). */
  encodeCodes(modelId: string, images: Float32Array): Promise<Uint16Array>;
  /** vqvae: codebook indices in (count × slots, each below K), images out; e.g. [k, k, …] shows entry k. */
  decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array>;
  /** n x n decodes over the bounds, row-major from (xMin, yMax) top-left. */
  latentGrid(modelId: string, bounds: LatentGridBounds, n: number): Promise<Float32Array>;
  /** n codes z ~ N(0, I) decoded, seeded; vqvae: each slot a uniformly drawn codebook vector (its uniform prior). */
  sample(modelId: string, n: number, seed: number): Promise<{ codes: Float32Array; images: Float32Array }>;
  evaluate(modelId: string, split: Split, loss?: LossName, limit?: number): Promise<EvaluateResult>;
  pca(dataset: DatasetName, k: number): Promise<PcaResult>;
  /** The Lab's map of codes wider than 2 (branch lab): PCA of count × dim codes, their first two axes. */
  projectCodes(codes: Float32Array, count: number, dim: number): Promise<CodeProjection>;
  saveWeights(modelId: string, key: string): Promise<void>;
  /** Returns false when nothing is stored under the key. */
  loadWeights(modelId: string, key: string): Promise<boolean>;
  exportWeights(modelId: string): Promise<WeightsExport>;
  importWeights(weights: WeightsExport): Promise<ModelInfo>;
  memory(): Promise<MemoryInfo>;
  /**
   * Loads a shipped pretrained autoencoder (fetched from `${assetBase}pretrained/<name>.json` + `.bin` once) and
   * makes it a ready model with id `pretrained:<name>`. Idempotent: a second call returns the same model, reset
   * to the shipped weights if it was trained or loaded over meanwhile. 'mnist-judge' is not an autoencoder (use classify).
   */
  loadPretrained(name: PretrainedAssetName): Promise<PretrainedModelInfo>;
  /** The judge (pretrained 'mnist-judge', loaded on first use): 28x28 images in, class probabilities out. */
  classify(images: Float32Array): Promise<ClassifyResult>;
}

export type { BenchFitOptions, BenchResult, MlWorkerTestApi } from './worker-test-api';
