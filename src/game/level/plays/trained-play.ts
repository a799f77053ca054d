/**
 * Trained levels: control values → setup.plan(values, seed) → createModel + train (live progress, loss,
 * previews) → measureTrained → the level's pure score. A worker crash mid-run continues once from the last
 * checkpoint (src/game/ml/resumable-train.ts). After a run whose model has a 2-D code: the latent map and probe.
 */
import { MlError } from '../../../shared/errors';
import { GLYPH_PIXELS } from '../../../shared/glyphs';
import { resolveControlValues } from '../../../shared/levels/controls';
import { denseParamCount } from '../../../shared/levels/harness';
import { measureTrained } from '../../../shared/levels/measure';
import { priorCodes } from '../../../shared/levels/measure/prior-digits';
import { MNIST_PIXELS } from '../../../shared/mnist-format';
import type { ControlValue, LevelDefinition, SolutionPayload, TrainedSetup } from '../../../shared/levels/types';
import type { DatasetName, TrainProgress } from '../../../shared/worker-api';
import { bitsPerImage } from '../../../shared/vq';
import { abortable } from '../../ml/abortable';
import { lossPointOf, previewOf, type ImageRows, type LossPoint, type PreviewImages } from '../../ml/progress-types';
import { trainEndText } from '../../ml/engine-words';
import { trainResumable } from '../../ml/resumable-train';
import { restoredControlValues } from '../remembered';
import { decodeCodebook, type DecodedCodebook } from './codebook';
import { elboParts, type ElboParts } from './elbo';
import { encodeMap, type LatentMapData } from './latent-map';
import { interruptionText, type WorkerInterruption } from './interruption';
import { encodeWeightsInSlices } from './model-upload';
import type { LevelPlay, PlayHost, PlaySnapshot } from './play';
import { ProbeDecoder } from './probe';
import { afterRun, beginRun, emptySlots, slotsSummary, type RunSlots } from './run-slots';
import { KernelWarmer, runOptions } from './run-options';

export interface LiveProgress {
  step: number;
  totalSteps: number;
  etaMs: number;
  elapsedMs: number;
  samplesPerSecond: number;
}

export { PREVIEW_COUNT } from './run-options';
/** Held-out images in the "after training" rows. */
export const HELD_OUT_PREVIEW = 10;
/** Letters levels scored on every letter (Squeeze, the identity trap) show the whole alphabet after a run. */
export const ALPHABET_PREVIEW = 26;

/**
 * The identity trap: the first half of the alphabet rows gives way to random patterns, so the player sees both
 * what the model rebuilds (letters, top row) and what it makes of patterns it should not copy (bottom row).
 */
function withPatterns(preview: PreviewImages, patterns: PreviewImages | null | undefined): PreviewImages {
  if (!patterns || patterns.count === 0) return preview;
  const size = preview.width * preview.height;
  const half = Math.ceil(preview.count / 2);
  const n = Math.min(half, patterns.count);
  const join = (a: Float32Array | undefined, b: Float32Array | undefined): Float32Array => {
    const out = new Float32Array((half + n) * size);
    if (a) out.set(a.subarray(0, half * size), 0);
    if (b) out.set(b.subarray(0, n * size), half * size);
    return out;
  };
  const { width, height } = preview;
  return {
    width,
    height,
    count: half + n,
    inputs: join(preview.inputs, patterns.inputs),
    outputs: join(preview.outputs, patterns.outputs),
  };
}

/** Whether a level's after-training rows show all 26 letters with their wrong pixels marked. */
export function showsAlphabet(level: LevelDefinition): boolean {
  return (
    level.setup.kind === 'trained' &&
    level.setup.heldOut.source === 'letters' &&
    !level.setup.heldOut.noise &&
    level.measures.includes('glyphWrongPixels')
  );
}
/** The loss chart keeps at most this many points (every other one is dropped past it). */
const MAX_LOSS_POINTS = 600;
const noop = (): void => undefined;

export class TrainedPlay implements LevelPlay {
  values: Record<string, ControlValue>;
  progress: LiveProgress | null = null;
  lossHistory: LossPoint[] = [];
  images: ImageRows | null = null;
  /** After a run whose model has a 2-D code: where the held-out images land (for the latent map). */
  map: LatentMapData | null = null;
  /** Levels with `setup.sideBySide` (Two forces): each option's latest run, side by side (run-slots.ts). */
  slots: RunSlots | null;
  /** After a VQ-VAE run (Codebook): its codebook decoded and the letters' use of it. */
  codebook: DecodedCodebook | null = null;
  readonly probe = new ProbeDecoder();
  /** The last worker crash under this run and what came of it (cleared by the next Train). */
  interruption: WorkerInterruption | null = null;
  /** Last step of the running attempt whose weights the worker checkpointed (absolute, across a resume). */
  checkpointStep: number | null = null;
  /** True while a crashed run waits for the restarted worker (Stop then just forgets the run). */
  restarting = false;
  private modelId: string | null = null;
  private readonly warmer: KernelWarmer;

  constructor(
    private readonly host: PlayHost,
    readonly setup: TrainedSetup,
  ) {
    this.values = resolveControlValues(host.level.controls);
    this.slots = emptySlots(host.level);
    this.warmer = new KernelWarmer(host.port, () =>
      setup.plan(resolveControlValues(host.level.controls, this.values), setup.seed),
    );
    // While the concept card is read, the worker warms up for this run (src/ml-worker/run-warmup.ts).
    this.warmer.schedule(false);
  }

  open(): void {
    // Nothing to load: the player trains (the worker has been warming up since the level opened).
  }

  settings(): Record<string, unknown> {
    return { values: { ...this.values } };
  }

  restoreSettings(saved: Readonly<Record<string, unknown>>): void {
    this.values = { ...this.values, ...restoredControlValues(this.host.level.controls, saved.values) };
    this.warmer.schedule(true);
  }

  get busy(): boolean {
    const s = this.host.status;
    return s === 'preparing' || s === 'training' || s === 'measuring';
  }

  setValue(id: string, value: ControlValue): void {
    if (this.busy || this.values[id] === value) return;
    this.values = { ...this.values, [id]: value };
    this.warmer.schedule(true);
    this.host.changed();
  }

  payload(): SolutionPayload {
    return { kind: 'hyperparameters', values: resolveControlValues(this.host.level.controls, this.values) };
  }

  /** Weights of the model these controls would build (dense-like models), or null. */
  paramCount(): number | null {
    try {
      const { spec } = this.setup.plan(resolveControlValues(this.host.level.controls, this.values), this.setup.seed);
      return denseParamCount(spec, spec.dataset === 'glyphs' ? GLYPH_PIXELS : MNIST_PIXELS);
    } catch {
      return null;
    }
  }

  /** The dataset of a run with these controls when its code is 2-D (its end shows a latent map), else null. */
  mapDataset(): DatasetName | null {
    try {
      const { spec } = this.setup.plan(resolveControlValues(this.host.level.controls, this.values), this.setup.seed);
      return spec.bottleneck === 2 && !spec.vq ? spec.dataset : null;
    } catch {
      return null;
    }
  }

  /** Bits per image of the VQ-VAE these controls would build (slots · log2 K), or null for other models. */
  bitsPerImage(): number | null {
    try {
      const { spec } = this.setup.plan(resolveControlValues(this.host.level.controls, this.values), this.setup.seed);
      return spec.vq ? bitsPerImage(spec.vq.slots, spec.vq.codebookSize) : null;
    } catch {
      return null;
    }
  }

  /** Trains a fresh model from the current controls, measures it and scores it; a run going is replaced. */
  train(): Promise<void> {
    return this.host.run((signal) => this.runAttempt(signal));
  }

  /** Stops the running job (the worker ends it at the next step); before training, forgets the run. */
  stop(): void {
    const host = this.host;
    if (!this.busy) return;
    const jobId = host.port.activeJobId;
    if (host.status === 'training' && this.modelId && !this.restarting) {
      if (jobId) host.port.cancel(jobId).catch(noop);
      return;
    }
    this.restarting = false;
    host.abortRun();
    host.setStatus('idle');
    host.changed();
  }

  /** Decodes one 2-D code with the trained model (the latent map's probe); null when there is no model. */
  async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    if (!this.modelId || !this.map || this.busy) return null;
    return this.probe.decode(this.host.port, this.modelId, x, y);
  }

  /** The −ELBO's parts (levels scored on it): live from training, then the held-out result. */
  elbo(): ElboParts | null {
    const pixels = this.host.level.dataset === 'glyphs' ? GLYPH_PIXELS : MNIST_PIXELS;
    return elboParts(this.host.level, pixels, this.lossHistory, this.host.result);
  }

  dispose(): void {
    this.warmer.cancel();
    if (this.modelId) {
      // disposeModel supersedes the model's running job (its promise rejects JOB_SUPERSEDED) and cancels it.
      this.host.port.disposeModel(this.modelId).catch(noop);
      this.modelId = null;
    }
  }

  snapshot(): PlaySnapshot {
    return {
      values: { ...this.values },
      progress: this.progress ? { ...this.progress } : null,
      lossPoints: this.lossHistory.length,
      map: this.map,
      probe: this.probe.at ? { ...this.probe.at } : null,
      probeDecodes: this.probe.count,
      checkpointStep: this.checkpointStep,
      codebook: this.codebook && { size: this.codebook.size, slots: this.codebook.slots, used: this.codebook.used },
      restarting: this.restarting,
      interruption: this.interruption,
      elbo: this.elbo(),
      slots: slotsSummary(this.slots),
    };
  }

  private async runAttempt(signal: AbortSignal): Promise<void> {
    const { host, setup } = this;
    const { level, port } = host;
    const payload = this.payload();
    const plan = setup.plan(payload.kind === 'hyperparameters' ? payload.values : {}, setup.seed);
    this.warmer.cancel();
    host.setStatus('preparing');
    this.progress = null;
    this.lossHistory = [];
    host.error = null;
    host.message = null;
    this.interruption = null;
    this.checkpointStep = null;
    this.map = null;
    this.codebook = null;
    this.probe.reset();
    host.clearResult();
    if (this.slots) this.slots = beginRun(this.slots);
    host.changed();
    let phase: 'preparing' | 'training' | 'measuring' = 'preparing';
    try {
      const info = await abortable(signal, port.loadDataset(plan.spec.dataset));
      if (this.modelId) {
        port.disposeModel(this.modelId).catch(noop);
        this.modelId = null;
      }
      const model = await port.createModel(plan.spec);
      this.modelId = model.modelId;
      if (signal.aborted) return;
      host.setStatus('training');
      phase = 'training';
      host.changed();
      const config = runOptions(plan);
      const outcome = await trainResumable(
        port,
        model.modelId,
        config,
        {
          onProgress: (p, offset, elapsedBase) => this.onProgress(p, info.width, info.height, offset, elapsedBase),
          onWaiting: (waiting) => {
            this.restarting = waiting;
            if (waiting) host.changed();
          },
          onResumed: (fromStep, crashStep) => {
            this.interruption = { kind: 'resumed', crashStep, fromStep };
            this.lossHistory = this.lossHistory.filter((p) => p.step <= fromStep);
            if (this.progress) this.progress = { ...this.progress, step: fromStep, etaMs: 0 };
            host.changed();
          },
        },
        { signal },
      );
      if (signal.aborted) return;
      if (outcome.kind === 'stopped') {
        this.endInterrupted(outcome.reason, outcome.crashStep);
        return;
      }
      const result = outcome.result;
      // The last progress event may precede the last step: the result's numbers are the final ones.
      const last = this.progress as LiveProgress | null;
      this.progress = {
        step: result.steps,
        totalSteps: last && result.reason === 'completed' ? result.steps : (last?.totalSteps ?? result.steps),
        etaMs: 0,
        elapsedMs: result.elapsedMs,
        samplesPerSecond: result.samplesPerSecond,
      };
      if (result.reason !== 'completed') {
        host.setStatus('idle');
        host.message = trainEndText(result.end);
        host.changed();
        return;
      }
      host.setStatus('measuring');
      phase = 'measuring';
      host.changed();
      const measured = await abortable(
        signal,
        measureTrained(port, level, model.modelId, plan.spec.bottleneck, {
          previewCount: showsAlphabet(level) ? ALPHABET_PREVIEW : HELD_OUT_PREVIEW,
        }),
      );
      const recorded = host.record(payload, measured.evaluation);
      // The model as measured, for a class competition's upload (the server scores it in milliseconds and
      // verifies by re-training later); without it the server re-trains before answering. Only an attempt that
      // goes to a class needs it.
      if (host.uploadsModel)
        recorded.model = await abortable(
          signal,
          port.exportWeights(model.modelId).then(
            (w) => encodeWeightsInSlices(w.data, signal),
            () => undefined,
          ),
        );
      if (measured.preview) this.images = { ...withPatterns(measured.preview, measured.patterns), source: 'heldOut' };
      // Two forces: the first of the prior draws the judge counted, decoded, as a row under the held-out images.
      if (this.images && level.measures.includes('priorDigitCounts')) {
        const codes = priorCodes(model.latentSize).slice(0, this.images.count * model.latentSize);
        this.images = { ...this.images, prior: await abortable(signal, port.decode(model.modelId, codes)) };
      }
      if (model.latentSize === 2)
        this.map = await abortable(
          signal,
          encodeMap(port, model.modelId, info.classNames, setup).catch(() => null),
        );
      this.slots = afterRun(this.slots, level, recorded, this.map, this.images);
      if (plan.spec.vq)
        this.codebook = await abortable(
          signal,
          decodeCodebook(port, model.modelId, plan.spec.vq).catch(() => null),
        );
      host.setStatus('done');
      host.changed();
    } catch (error) {
      if (error instanceof MlError && error.code === 'WORKER_CRASHED' && !signal.aborted) {
        this.endInterrupted(
          phase === 'measuring' ? 'measuring' : port.status === 'failed' ? 'failed' : 'noCheckpoint',
          this.progress?.step ?? null,
        );
        return;
      }
      throw error;
    }
  }

  /** A crash the run cannot continue from: tell the player and leave the level ready to train again. */
  private endInterrupted(kind: Exclude<WorkerInterruption['kind'], 'resumed'>, crashStep: number | null): void {
    const host = this.host;
    this.interruption = { kind, crashStep, fromStep: null };
    this.restarting = false;
    if (kind === 'failed') {
      host.setStatus('error');
      host.error = interruptionText(this.interruption);
    } else {
      host.setStatus('idle');
      host.message = interruptionText(this.interruption);
    }
    host.changed();
  }

  /** `offset`/`elapsedBase`: a resumed job counts from its checkpoint; the player sees the whole run's numbers. */
  private onProgress(p: TrainProgress, width: number, height: number, offset: number, elapsedBase: number): void {
    const step = offset + p.step;
    this.progress = {
      step,
      totalSteps: offset + p.totalSteps,
      etaMs: p.etaMs,
      elapsedMs: elapsedBase + p.elapsedMs,
      samplesPerSecond: p.samplesPerSecond,
    };
    if (p.checkpointStep !== undefined) this.checkpointStep = offset + p.checkpointStep;
    const last = this.lossHistory[this.lossHistory.length - 1];
    if (!last || last.step !== step) {
      this.lossHistory.push(lossPointOf(p, step));
      if (this.lossHistory.length > MAX_LOSS_POINTS) this.lossHistory = this.lossHistory.filter((_, i) => i % 2 === 0);
    }
    const preview = previewOf(p, width, height);
    if (preview) this.images = { ...preview, source: 'training' };
    this.host.changed();
  }
}
