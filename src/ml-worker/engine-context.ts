/**
 * What the Engine's parts share: the model entries, the engine state they reach through the facade, and the
 * input checks every public call uses. The Engine class builds one EngineContext and hands it to each part.
 */
import { check, MlError } from '../shared/errors';
import type { BackendName, DatasetName, ModelInfo, ModelSpec, PretrainedAssetName } from '../shared/worker-api';
import type { Dataset, FetchAsset } from './datasets';
import type { DeviceCache } from './device-cache';
import type { JobControl, JobRegistry } from './jobs';
import { paramCount, type Autoencoder } from './models/autoencoder';
import type { OptimizerState } from './optimizer-state';
import type { ContextWatch } from './webgl-watch';
import type { WeightSnapshot } from './weights';
import type { WeightsStore } from './weights-store';

export interface ModelEntry {
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

export interface EngineContext {
  readonly models: Map<string, ModelEntry>;
  readonly jobs: JobRegistry;
  readonly device: DeviceCache;
  readonly store: WeightsStore;
  readonly fetchAsset: FetchAsset;
  ready(): Promise<void>;
  dataset(name: DatasetName): Promise<Dataset>;
  backendName(): BackendName;
  /** Bumped whenever every model was rebuilt on a new backend. */
  generation(): number;
  /** The WebGL watch while training on WebGL, else null. */
  contextWatch(): ContextWatch | null;
  recoverFromContextLoss(): Promise<BackendName>;
  nextModelId(): string;
}

export function input(ok: boolean, message: string): asserts ok {
  check(ok, 'INVALID_INPUT', message);
}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function entryOf(ctx: EngineContext, modelId: string): ModelEntry {
  const entry = typeof modelId === 'string' ? ctx.models.get(modelId) : undefined;
  if (!entry)
    throw new MlError(
      'UNKNOWN_MODEL',
      `There is no model "${String(modelId)}" (it may have been removed, or the worker restarted).`,
    );
  return entry;
}

export function modelInfo(entry: ModelEntry): ModelInfo {
  const m = entry.model;
  return {
    modelId: entry.id,
    spec: structuredClone(entry.spec),
    paramCount: paramCount(m),
    inputSize: m.inputSize,
    latentSize: m.latentSize,
  };
}

export function anyJobRunning(ctx: EngineContext): boolean {
  for (const e of ctx.models.values()) if (e.job) return true;
  return false;
}
