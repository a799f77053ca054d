/** Creating and removing the Engine's models. */
import { validateModelSpec } from '../shared/model-spec-validation';
import type { ModelInfo, ModelSpec } from '../shared/worker-api';
import { entryOf, input, modelInfo, type EngineContext, type ModelEntry } from './engine-context';
import { buildAutoencoder } from './models/autoencoder';
import { readWeights } from './weights';

export async function createModel(ctx: EngineContext, spec: ModelSpec, options?: { id?: string }): Promise<ModelInfo> {
  validateModelSpec(spec);
  const id = options?.id;
  input(
    id === undefined || (typeof id === 'string' && id.length > 0 && id.length <= 200),
    'A model id must be a non-empty string.',
  );
  await ctx.ready();
  const ds = await ctx.dataset(spec.dataset);
  const own = structuredClone(spec);
  const model = buildAutoencoder(own, { width: ds.info.width, height: ds.info.height, classes: ds.info.classes });
  const entry: ModelEntry = {
    id: id ?? ctx.nextModelId(),
    spec: own,
    model,
    snapshot: { step: 0, arrays: await readWeights(model) },
    job: null,
    jobDone: null,
  };
  if (ctx.models.has(entry.id)) await disposeModel(ctx, entry.id);
  ctx.models.set(entry.id, entry);
  return modelInfo(entry);
}

/** Removes a model; a running job on it is cancelled first. */
export async function disposeModel(ctx: EngineContext, modelId: string): Promise<void> {
  const entry = entryOf(ctx, modelId);
  if (entry.job) {
    entry.job.cancel();
    await entry.jobDone?.catch(() => {});
  }
  if (ctx.models.get(modelId) === entry) ctx.models.delete(modelId);
  entry.model.dispose();
}
