/** Saving, loading, exporting and importing a model's weights (with optimizer state for checkpoints). */
import { validateModelSpec } from '../shared/model-spec-validation';
import type { ModelInfo, WeightsExport } from '../shared/worker-api';
import { entryOf, input, type EngineContext, type ModelEntry } from './engine-context';
import { createModel, disposeModel } from './model-registry';
import { flattenOptimizerState, unflattenOptimizerState, type OptimizerState } from './optimizer-state';
import { describeWeights, flatten, readWeights, unflatten, writeWeights } from './weights';
import { STORED_WEIGHTS_VERSION, type StoredWeights } from './weights-store';

export function storedWeights(entry: ModelEntry, arrays: Float32Array[], optimizer?: OptimizerState): StoredWeights {
  return {
    version: STORED_WEIGHTS_VERSION,
    spec: structuredClone(entry.spec),
    tensors: describeWeights(entry.model),
    data: flatten(arrays),
    savedAt: Date.now(),
    ...(optimizer ? { optimizer: flattenOptimizerState(optimizer) } : {}),
  };
}

function checkKey(key: string): void {
  input(typeof key === 'string' && key.length > 0 && key.length <= 200, 'A weights key must be a non-empty string.');
}

export async function saveWeights(ctx: EngineContext, modelId: string, key: string): Promise<void> {
  const entry = entryOf(ctx, modelId);
  checkKey(key);
  await ctx.store.put(key, storedWeights(entry, await readWeights(entry.model)));
}

export async function loadWeights(ctx: EngineContext, modelId: string, key: string): Promise<boolean> {
  const entry = entryOf(ctx, modelId);
  checkKey(key);
  input(!entry.job, `Model "${modelId}" is training; stop it before loading weights.`);
  const saved = await ctx.store.get(key);
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

export async function exportWeights(ctx: EngineContext, modelId: string): Promise<WeightsExport> {
  const entry = entryOf(ctx, modelId);
  const arrays = await readWeights(entry.model);
  return {
    modelId: entry.id,
    spec: structuredClone(entry.spec),
    tensors: describeWeights(entry.model),
    data: flatten(arrays),
  };
}

/** Creates (or replaces) model `weights.modelId` from an export. */
export async function importWeights(ctx: EngineContext, weights: WeightsExport): Promise<ModelInfo> {
  input(typeof weights === 'object' && weights !== null, 'Nothing to import.');
  validateModelSpec(weights.spec);
  const existing = ctx.models.get(weights.modelId);
  input(!existing?.job, `Model "${weights.modelId}" is training; stop it before importing weights.`);
  const info = await createModel(ctx, weights.spec, { id: weights.modelId });
  const entry = entryOf(ctx, info.modelId);
  try {
    const arrays = unflatten(entry.model, weights.tensors, weights.data);
    writeWeights(entry.model, arrays);
    entry.snapshot = { step: 0, arrays };
  } catch (error) {
    await disposeModel(ctx, info.modelId);
    throw error;
  }
  return info;
}
