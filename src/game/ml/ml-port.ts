/**
 * MlPort: what the level plays and the Lab's training controller need of the ML worker. `MlBridge` implements it
 * over Comlink; the unit tests implement it over a real Engine in Node. Every array given to reconstruct, encode
 * and decode may be transferred (detached), so callers pass arrays they no longer need.
 */
import type { PretrainedEngine, TrainedMeasureEngine } from '../../shared/levels/measure';
import type {
  EncodedDistribution,
  InitResult,
  ModelInfo,
  ModelSpec,
  TrainConfig,
  TrainProgress,
  TrainResult,
  WeightsExport,
} from '../../shared/worker-api';
import type { Emitter } from '../emitter';

export type BridgeStatus = 'stopped' | 'starting' | 'ready' | 'restarting' | 'failed';

/** What a restarted worker brought back. */
export interface RestartReport {
  init: InitResult;
  /** Per re-created model: the step its restored checkpoint was taken at, or null when it starts fresh. */
  restored: Map<string, number | null>;
  /** Why the previous worker stopped. */
  cause: string;
}

export type BridgeEvents = {
  status: [BridgeStatus];
  init: [InitResult];
  crashed: [cause: string];
  restarted: [RestartReport];
  failed: [detail: string];
};

export type TrainOptions = Omit<TrainConfig, 'jobId' | 'checkpointKey'>;

export interface TrainCall {
  /** Added to reported checkpoint steps when a job continues an earlier one. */
  stepOffset?: number;
  /** Aborting supersedes the job: the worker cancels it and the promise rejects with JOB_SUPERSEDED. */
  signal?: AbortSignal;
}

export interface MlPort extends TrainedMeasureEngine, PretrainedEngine {
  readonly status: BridgeStatus;
  readonly events: Pick<Emitter<BridgeEvents>, 'on'>;
  /** The running training job, if any (Stop asks the worker to end it at its next step). */
  readonly activeJobId: string | null;
  createModel(spec: ModelSpec): Promise<ModelInfo>;
  /** A VAE's q(z|x) for each image: μ and log σ² (Navigator's ellipse). `images` may be transferred. */
  encodeDistribution(modelId: string, images: Float32Array): Promise<EncodedDistribution>;
  /** Frees a model; a job training it is superseded. */
  disposeModel(modelId: string): Promise<void>;
  train(
    modelId: string,
    options: TrainOptions,
    onProgress: (p: TrainProgress) => void,
    call?: TrainCall,
  ): Promise<TrainResult>;
  /**
   * The worker warms up for the run `spec` + `options` would start, before Train (software WebGL compiles its
   * programs, WASM tiers up once: src/ml-worker/run-warmup.ts); false when nothing was done. Fire and forget.
   */
  warmKernels(spec: ModelSpec, options: TrainOptions): Promise<boolean>;
  /** Ends job `jobId` at its next step: its train() resolves with reason 'cancelled'. */
  cancel(jobId: string): Promise<boolean>;
  /** VQ-VAE: images in, each slot's codebook index out (count × slots). `images` may be transferred. */
  encodeCodes(modelId: string, images: Float32Array): Promise<Uint16Array>;
  /** VQ-VAE: codebook indices in (count × slots), images out (Codebook's decoded codebook, the Lab's). */
  decodeCodes(modelId: string, indices: Uint16Array): Promise<Float32Array>;
  /** A model's weights, flat in model order (a class competition uploads them). */
  exportWeights(modelId: string): Promise<WeightsExport>;
}
