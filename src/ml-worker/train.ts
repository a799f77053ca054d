/**
 * The custom training loop. Each step is one tf.tidy around optimizer.minimize with an explicit varList; the
 * dataset lives on the backend as one tensor and batches are gathered by index. Values are read back only at
 * the throttled progress tick (await data()), where the loop also checks for divergence and a lost WebGL
 * context, snapshots weights to the CPU now and then (the "last good weights"), and yields to the event loop so
 * pause/cancel messages get through.
 */
import * as tf from '@tensorflow/tfjs';
import type {
  BackendName,
  LossTerms,
  ProgressCallback,
  TrainConfig,
  TrainEndReason,
  TrainProgress,
  TrainResult,
} from '../shared/worker-api';
import { BatchPlan, mixSeed, SEED_STREAM } from './batches';
import type { JobControl } from './jobs';
import { objective, stackTerms } from './losses';
import type { Autoencoder } from './models/autoencoder';
import { corruptRows, hasNoise } from './models/denoising';
import { divergedEnd, divergedInEnglish, divergenceCause } from './divergence';
import { reconstruct } from './inference';
import type { ContextLostEvent, TrainEnd } from '../shared/engine-events';
import { corrupt } from '../shared/noise';
import {
  fitsOptimizerState,
  makeOptimizer,
  readOptimizerState,
  writeOptimizerState,
  type OptimizerState,
} from './optimizer-state';
import { allFinite, readWeights, writeWeights, type WeightSnapshot } from './weights';
import { yieldToEventLoop } from '../shared/yield';

/** CPU copy of the training examples plus their device tensors (owned by the engine's cache). */
export interface TrainData {
  /** The clean images (the targets). */
  images: Float32Array;
  labels: Uint8Array;
  count: number;
  /** A fixed pool of corrupted inputs, row for row (config.noisyCopies); absent: fresh noise every batch. */
  inputs?: Float32Array;
}

export interface DeviceData {
  x: tf.Tensor2D;
  /** One-hot labels, for conditional models. */
  oneHot: tf.Tensor2D | null;
  /** The fixed pool of corrupted inputs (TrainData.inputs), when there is one. */
  input?: tf.Tensor2D | null;
}

/** What the loop needs from the engine; the model and device data change when the backend does. */
export interface TrainHost {
  model(): Autoencoder;
  deviceData(): DeviceData;
  backend(): BackendName;
  /** null unless training on WebGL. */
  contextWatch(): { isLost(): boolean; whenLost(): { promise: Promise<void>; stop: () => void } } | null;
  /** Moves everything to a fallback backend, rebuilding models from their snapshots; returns its name. */
  recoverFromContextLoss(): Promise<BackendName>;
  /** Records the model's latest good weights (used to rebuild it elsewhere). */
  keepSnapshot(snapshot: WeightSnapshot): void;
  /** Persists a snapshot (checkpoint), optimizer state included. */
  checkpoint(snapshot: WeightSnapshot): Promise<void>;
  /**
   * The optimizer state restored with the model's weights from a checkpoint, handed over once (the first job
   * after the restore continues it; later jobs start fresh).
   */
  takeOptimizerState?(): OptimizerState | undefined;
  /** Bumped whenever the engine rebuilt its models on another backend (then the loop re-acquires them). */
  generation(): number;
}

export const DEFAULTS = {
  progressIntervalMs: 100,
  previewCount: 8,
  snapshotIntervalMs: 1500,
  yieldIntervalMs: 16,
} as const;

function toLossTerms(values: Float32Array, model: Autoencoder): LossTerms {
  const t: LossTerms = { total: values[0], reconstruction: values[1], mse: values[2] };
  if (model.variational) t.kl = values[3];
  if (model.spec.kind === 'sparse') t.sparsity = values[4];
  if (model.codebook) [t.vq, t.codebookUsed, t.perplexity] = [values[5], values[6], values[7]];
  return t;
}

const now = (): number => performance.now();

export async function runTraining(
  host: TrainHost,
  data: TrainData,
  config: TrainConfig,
  job: JobControl,
  onProgress?: ProgressCallback,
): Promise<TrainResult> {
  let model = host.model();
  const { spec } = model;
  const shape = { width: model.width, height: model.height };
  const batchSize = Math.min(config.batchSize, data.count);
  const plan = new BatchPlan(data.count, batchSize, config.seed);
  const totalSteps = config.steps ?? (config.epochs ?? 1) * plan.stepsPerEpoch;
  const intervalMs = config.progressIntervalMs ?? DEFAULTS.progressIntervalMs;
  const checkpointMs = config.checkpointIntervalMs ?? 0;
  const noisy = hasNoise(spec.noise);

  // Previews exist only to be shown: without a listener they would be wasted decodes.
  const previewCount = onProgress ? Math.min(config.previewCount ?? DEFAULTS.previewCount, data.count) : 0;
  const previewInputs = data.images.slice(0, previewCount * model.inputSize);
  const previewLabels = data.labels.slice(0, previewCount);
  const previewCorrupted = data.inputs
    ? data.inputs.slice(0, previewCount * model.inputSize)
    : noisy && spec.noise
      ? corrupt(previewInputs, shape, spec.noise, mixSeed(config.seed, 0, SEED_STREAM.preview))
      : undefined;

  /**
   * A new optimizer that continues `state` when it fits this job. Without it, Adam's first steps after a resume
   * are full-size in every direction (zero moments, step-1 bias correction) and the loss spikes.
   */
  const optimizerFrom = async (
    state: OptimizerState | undefined,
  ): Promise<{ optimizer: tf.Optimizer; state?: OptimizerState }> => {
    const fresh = makeOptimizer(config);
    if (!fitsOptimizerState(state, config, model)) return { optimizer: fresh };
    const own = { ...state, learningRate: config.learningRate };
    try {
      await writeOptimizerState(fresh, own, model);
      return { optimizer: fresh, state: own };
    } catch {
      // The weights alone still resume; a half-loaded optimizer would not.
      fresh.dispose();
      return { optimizer: makeOptimizer(config) };
    }
  };

  // A checkpointed run continues with its optimizer; the first snapshot keeps that state for a context loss.
  const start = await optimizerFrom(host.takeOptimizerState?.());
  let optimizer = start.optimizer;
  let varList = model.weights.map((w) => w.variable);
  let device = host.deviceData();
  let generation = host.generation();

  const notices: string[] = [];
  const events: ContextLostEvent[] = [];
  let snapshot: WeightSnapshot = {
    step: 0,
    arrays: await readWeights(model),
    ...(start.state ? { optimizer: start.state } : {}),
  };
  let snapshotAt = now();
  let checkpointAt = now();
  let checkpointStep: number | undefined;
  let firstLoss: number | undefined;
  let lastTerms: LossTerms = { total: NaN, reconstruction: NaN, mse: NaN };
  let reason: TrainEndReason = 'completed';
  let message = `Trained for ${totalSteps} steps.`;
  let end: TrainEnd | null = null;

  const started = now();
  let pausedMs = 0;
  let warmStart = started;
  let warmStep = 0;
  let lastReport = -Infinity;
  let reportStep = 0;
  let lastYield = now();
  let step = 0;

  const runStep = (s: number, report: boolean): tf.Tensor1D | null => {
    const { indices, tensor: idx } = plan.batch(s);
    const pooled = device.input ?? null;
    const corrupted =
      !pooled && noisy && spec.noise
        ? corruptRows(data.images, indices, shape, spec.noise, mixSeed(config.seed, s, SEED_STREAM.noise))
        : null;
    let stacked: tf.Tensor1D | null = null;
    tf.tidy(() => {
      const clean = tf.gather(device.x, idx) as tf.Tensor2D;
      const input = pooled
        ? (tf.gather(pooled, idx) as tf.Tensor2D)
        : corrupted
          ? tf.tensor2d(corrupted, clean.shape)
          : clean;
      const oneHot = device.oneHot ? (tf.gather(device.oneHot, idx) as tf.Tensor2D) : null;
      const epsSeed = mixSeed(config.seed, s, SEED_STREAM.epsilon);
      optimizer.minimize(
        () => {
          const terms = objective(model, input, clean, oneHot, { loss: config.loss, epsSeed, report });
          if (report) stacked = tf.keep(stackTerms(terms));
          return terms.total;
        },
        false,
        varList,
      );
    });
    idx.dispose();
    return stacked;
  };

  const progress = (extra: Partial<TrainProgress>, samplesPerSecond: number): void => {
    if (!onProgress) return;
    const activeMs = now() - warmStart - pausedMs;
    // After the first (warm-up) step there is nothing to measure from yet: its own time, shader compiles and all,
    // gives the first ETA (too long on software WebGL, which compiles for seconds; the next event corrects it).
    const perStep = step > warmStep ? activeMs / (step - warmStep) : step > 0 ? (now() - started - pausedMs) / step : 0;
    const p: TrainProgress = {
      jobId: job.id,
      step,
      epoch: step / plan.stepsPerEpoch,
      totalSteps,
      loss: lastTerms,
      samplesPerSecond,
      elapsedMs: now() - started,
      etaMs: perStep * (totalSteps - step),
      backend: host.backend(),
      ...extra,
    };
    if (checkpointStep !== undefined) p.checkpointStep = checkpointStep;
    // The callback is a Comlink proxy in the worker: fire and forget, a closed page must not stop training.
    void Promise.resolve()
      .then(() => onProgress(p))
      .catch(() => {});
  };

  const recover = async (): Promise<void> => {
    const lostAt = step;
    plan.dispose();
    try {
      optimizer.dispose();
    } catch {
      // Its variables lived in the lost context.
    }
    host.keepSnapshot(snapshot);
    const backend = await host.recoverFromContextLoss();
    generation = host.generation();
    model = host.model();
    varList = model.weights.map((w) => w.variable);
    device = host.deviceData();
    // The optimizer's moments lived in the lost context: they come back from the snapshot, of the same step.
    optimizer = (await optimizerFrom(snapshot.optimizer)).optimizer;
    step = snapshot.step;
    const notice = `The WebGL context was lost at step ${lostAt}; training continued on ${backend.toUpperCase()} from step ${snapshot.step}, the last good weights.`;
    const event: ContextLostEvent = { kind: 'contextLost', lostAt, backend, fromStep: snapshot.step };
    notices.push(notice);
    events.push(event);
    warmStart = now();
    warmStep = step;
    pausedMs = 0;
    progress({ notice, event }, 0);
  };

  const lost = (): boolean => host.contextWatch()?.isLost() ?? false;

  /** Reads the terms, or null when the WebGL context is lost meanwhile (a lost context may never answer). */
  const readTerms = async (t: tf.Tensor1D): Promise<Float32Array | null> => {
    const watch = host.contextWatch();
    if (!watch) return new Float32Array(await t.data<'float32'>());
    const waiter = watch.whenLost();
    const result = await Promise.race([
      t.data<'float32'>().then((d) => new Float32Array(d)),
      waiter.promise.then(() => null),
    ]);
    waiter.stop();
    return result;
  };

  try {
    while (step < totalSteps) {
      if (job.isPaused) {
        const pausedAt = now();
        await job.whilePaused();
        pausedMs += now() - pausedAt;
      }
      if (job.isCancelled) {
        reason = 'cancelled';
        message = `Training was stopped at step ${step} of ${totalSteps}.`;
        end = { kind: 'cancelled', step, totalSteps };
        break;
      }
      if (host.generation() !== generation) {
        // Another job already moved the engine to a new backend and rebuilt this model from its snapshot.
        await recover();
        continue;
      }
      const t = now();
      const report = step === 0 || step === totalSteps - 1 || t - lastReport >= intervalMs;
      let stacked: tf.Tensor1D | null = null;
      try {
        stacked = runStep(step, report);
      } catch (error) {
        if (!lost()) throw error;
        await recover();
        continue;
      }
      step++;

      if (stacked) {
        const values = lost() ? null : await readTerms(stacked);
        (stacked as tf.Tensor1D).dispose();
        if (!values || lost()) {
          await recover();
          continue;
        }
        lastTerms = toLossTerms(values, model);
        const diverged = divergenceCause(lastTerms.total, firstLoss);
        let arrays: Float32Array[] | null = null;
        let optimizerState: OptimizerState | null = null;
        const wantCheckpoint = checkpointMs > 0 && now() - checkpointAt >= checkpointMs;
        if (!diverged && (wantCheckpoint || now() - snapshotAt >= DEFAULTS.snapshotIntervalMs || step === totalSteps)) {
          // A snapshot reads the weights and Adam's two moments and checks every number (millions on MNIST):
          // the longest stretch of a training job. Other calls get a turn between its parts (issue 15).
          arrays = await readWeights(model);
          await yieldToEventLoop();
          optimizerState = await readOptimizerState(optimizer, config, model);
          await yieldToEventLoop();
        }
        const weightsBad = arrays !== null && !allFinite(arrays);
        if (arrays) await yieldToEventLoop();
        if (diverged || weightsBad || (optimizerState && !allFinite(optimizerState.arrays))) {
          writeWeights(model, snapshot.arrays);
          reason = 'diverged';
          end = divergedEnd(step, diverged ?? { kind: 'weightsNaN' }, config, snapshot.step);
          message = divergedInEnglish(end);
          break;
        }
        firstLoss ??= lastTerms.total;
        if (arrays) {
          snapshot = { step, arrays, ...(optimizerState ? { optimizer: optimizerState } : {}) };
          snapshotAt = now();
          host.keepSnapshot(snapshot);
          if (wantCheckpoint) {
            await yieldToEventLoop();
            await host.checkpoint(snapshot);
            checkpointStep = step;
            checkpointAt = now();
          }
        }
        const sinceReport = now() - lastReport;
        const samplesPerSecond =
          Number.isFinite(sinceReport) && sinceReport > 0 ? ((step - reportStep) * batchSize * 1000) / sinceReport : 0;
        if (step === 1) {
          // The first step compiles shaders / warms caches: throughput is measured from here.
          warmStart = now();
          warmStep = step;
        }
        const preview =
          previewCount > 0
            ? {
                inputs: previewInputs.slice(),
                corrupted: previewCorrupted?.slice(),
                outputs: await reconstruct(model, previewCorrupted ?? previewInputs, previewLabels),
                count: previewCount,
              }
            : undefined;
        progress(preview ? { preview } : {}, samplesPerSecond);
        lastReport = now();
        reportStep = step;
      }
      if (now() - lastYield >= DEFAULTS.yieldIntervalMs) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
  } finally {
    plan.dispose();
    optimizer.dispose();
  }

  // The engine rebuilds models from these if the backend changes later; a diverged job keeps its last good ones.
  if (reason !== 'diverged' && snapshot.step !== step) snapshot = { step, arrays: await readWeights(model) };
  host.keepSnapshot(snapshot);
  const activeMs = now() - warmStart - pausedMs;
  const samplesPerSecond = step > warmStep && activeMs > 0 ? ((step - warmStep) * batchSize * 1000) / activeMs : 0;
  if (reason === 'completed') message = `Trained for ${step} steps (${(step / plan.stepsPerEpoch).toFixed(1)} epochs).`;
  return {
    jobId: job.id,
    reason,
    message,
    end: end ?? { kind: 'completed', steps: step, epochs: step / plan.stepsPerEpoch },
    steps: step,
    epochs: step / plan.stepsPerEpoch,
    finalLoss: lastTerms,
    samplesPerSecond,
    elapsedMs: now() - started,
    backend: host.backend(),
    notices,
    events,
  };
}
