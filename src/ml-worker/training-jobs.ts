/** Training jobs on the Engine's models: start (train), pause, resume and cancel. */
import { check, MlError } from '../shared/errors';
import { validateTrainConfig, validateTrainConfigFor } from '../shared/model-spec-validation';
import type { ProgressCallback, TrainConfig, TrainResult } from '../shared/worker-api';
import { entryOf, input, type EngineContext, type ModelEntry } from './engine-context';
import type { JobControl } from './jobs';
import type { OptimizerState } from './optimizer-state';
import { runTraining, type TrainHost } from './train';
import { selectTrainingData } from './train-data';
import { storedWeights } from './weights-io';

export async function train(
  ctx: EngineContext,
  modelId: string,
  config: TrainConfig,
  onProgress?: ProgressCallback,
): Promise<TrainResult> {
  validateTrainConfig(config);
  const entry = entryOf(ctx, modelId);
  validateTrainConfigFor(config, entry.spec, entry.model.classes);
  input(!entry.job, `Model "${modelId}" is already training; cancel that job first.`);
  check(!ctx.jobs.has(config.jobId), 'INVALID_CONFIG', `A job with id "${config.jobId}" is already running.`);
  // Registered before the first await, so a pause/cancel sent right after train() finds the job.
  const job = ctx.jobs.start(config.jobId);
  entry.job = job;
  entry.pretrained = undefined;
  const carried = entry.carriedOptimizer;
  entry.carriedOptimizer = undefined;
  const done = runJob(ctx, entry, config, job, onProgress, carried);
  entry.jobDone = done;
  try {
    return await done;
  } finally {
    entry.job = null;
    entry.jobDone = null;
    ctx.jobs.finish(config.jobId);
  }
}

async function runJob(
  ctx: EngineContext,
  entry: ModelEntry,
  config: TrainConfig,
  job: JobControl,
  onProgress?: ProgressCallback,
  carried?: OptimizerState,
): Promise<TrainResult> {
  await ctx.ready();
  const ds = await ctx.dataset(entry.spec.dataset);
  const selected = selectTrainingData(ds, entry.spec, config);
  const data = selected.data;
  check(
    data.count > 0,
    'INVALID_CONFIG',
    config.excludeLabels?.length
      ? 'Leaving out those classes leaves no examples to train on.'
      : 'There are no examples to train on.',
  );
  let held = ctx.device.acquire(ds, selected, entry.model.conditional);
  const host: TrainHost = {
    model: () => entry.model,
    deviceData: () => {
      if (held.data.x.isDisposed) {
        held.release();
        held = ctx.device.acquire(ds, selected, entry.model.conditional);
      }
      return held.data;
    },
    backend: () => ctx.backendName(),
    contextWatch: () => ctx.contextWatch(),
    recoverFromContextLoss: () => ctx.recoverFromContextLoss(),
    keepSnapshot: (s) => (entry.snapshot = s),
    checkpoint: (s) =>
      ctx.store.put(config.checkpointKey ?? `checkpoint:${entry.id}`, {
        ...storedWeights(entry, s.arrays, s.optimizer),
        step: s.step,
      }),
    takeOptimizerState: () => {
      const state = carried;
      carried = undefined;
      return state;
    },
    generation: () => ctx.generation(),
  };
  try {
    return await runTraining(host, data, config, job, onProgress);
  } finally {
    held.release();
  }
}

/** The running job `jobId`, null when it just finished; throws for an id never started. */
export function jobOf(ctx: EngineContext, jobId: string): JobControl | null {
  const job = ctx.jobs.lookup(jobId);
  if (job === undefined) throw new MlError('UNKNOWN_JOB', `There is no training job "${String(jobId)}".`);
  return job;
}
