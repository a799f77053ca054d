/**
 * LevelSession: one play of one level, from its data. It owns the attempt's state (controls, training progress,
 * measurements, score) and talks to the ML bridge; the Level and Hud scenes only draw it and forward input.
 * Trained levels: values → setup.plan(values, seed) → createModel + train (live progress) → measure the held-out
 * recipe → level.score(payload, evaluation). The shown score is exactly that pure function's output.
 */
import { MlError } from '../../shared/errors';
import { resolveControlValues } from '../../shared/levels/controls';
import { denseParamCount, heldOutLetters } from '../../shared/levels/harness';
import type { Evaluation } from '../../shared/levels/measurements';
import type { ControlValue, LevelDefinition, LevelScore, SolutionPayload, TrainedSetup } from '../../shared/levels/types';
import type { TrainProgress } from '../../shared/worker-api';
import { Emitter } from '../emitter';
import type { MlBridge } from '../ml/bridge';
import { measureTrained, type HeldOutPreview } from './measure';
import { meterFraction, unlockedHints } from './meter';

export type LevelStatus = 'card' | 'idle' | 'preparing' | 'training' | 'measuring' | 'done' | 'error' | 'unplayable';

export interface LossPoint {
  step: number;
  total: number;
  reconstruction: number;
  kl?: number;
}

export interface LiveProgress {
  step: number;
  totalSteps: number;
  etaMs: number;
  elapsedMs: number;
  samplesPerSecond: number;
}

export interface ImageRows {
  width: number;
  height: number;
  count: number;
  inputs: Float32Array;
  corrupted?: Float32Array;
  outputs?: Float32Array;
  /** 'training': live previews of training images; 'heldOut': the measured held-out images. */
  source: 'training' | 'heldOut';
}

export interface LevelResult extends LevelScore {
  payload: SolutionPayload;
  evaluation: Evaluation;
}

/** The trained model's 2-D code space: held-out images encoded, for the latent map (2-D codes only). */
export interface LatentMapData {
  codes: Float32Array;
  labels: Uint8Array;
  count: number;
  classNames: string[];
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
  width: number;
  height: number;
}

export type SessionEvents = { change: [] };

const PREVIEW_COUNT = 8;
/** Held-out digits on the latent map. */
const MAP_POINTS = 1000;
const noop = (): void => undefined;

function isCode(error: unknown, code: MlError['code']): boolean {
  return error instanceof MlError && error.code === code;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Engine-side seconds are not the player's: the hint clock counts time on the level, card closed or not. */
export class LevelSession {
  readonly events = new Emitter<SessionEvents>();
  status: LevelStatus = 'card';
  values: Record<string, ControlValue>;
  progress: LiveProgress | null = null;
  lossHistory: LossPoint[] = [];
  images: ImageRows | null = null;
  result: LevelResult | null = null;
  /** The best result of this visit (what the meter shows after a worse retry). */
  best: LevelResult | null = null;
  error: string | null = null;
  /** After a run whose model has a 2-D code: where the held-out images land (for the latent map). */
  map: LatentMapData | null = null;
  /** The latent map's probe (2-D code) and how many probe decodes have come back (tests read both). */
  probe: { x: number; y: number } | null = null;
  probeDecodes = 0;
  /** Set when a run ends without a score (cancelled, diverged). */
  message: string | null = null;
  /** True once the card was dismissed the first time (the hint clock runs from then). */
  started = false;
  private startedAt = 0;
  private runSeq = 0;
  private modelId: string | null = null;
  private disposed = false;

  constructor(
    readonly level: LevelDefinition,
    private readonly bridge: MlBridge,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.values = resolveControlValues(level.controls);
    if (level.setup.kind !== 'trained') this.status = 'card';
  }

  get trained(): TrainedSetup | null {
    return this.level.setup.kind === 'trained' ? this.level.setup : null;
  }

  /** Map and arithmetic levels need the pretrained assets (not wired in this build). */
  get playable(): boolean {
    return this.trained !== null;
  }

  get busy(): boolean {
    return this.status === 'preparing' || this.status === 'training' || this.status === 'measuring';
  }

  /** Milliseconds on the level since the concept card was first dismissed. */
  elapsedMs(): number {
    return this.started ? this.now() - this.startedAt : 0;
  }

  hintsUnlocked(): number {
    return unlockedHints(
      this.level.hints.map((h) => h.afterSeconds),
      this.elapsedMs() / 1000,
    );
  }

  /** Seconds until the next hint unlocks, or null when all are open. */
  nextHintInMs(): number | null {
    const next = this.level.hints[this.hintsUnlocked()];
    return next ? Math.max(0, next.afterSeconds * 1000 - this.elapsedMs()) : null;
  }

  /** 0..1 toward three stars, from the best score of this visit. */
  meter(): number {
    const r = this.best;
    return r ? meterFraction(r.score, this.level.stars, this.level.metric.direction) : 0;
  }

  payload(): SolutionPayload {
    return { kind: 'hyperparameters', values: resolveControlValues(this.level.controls, this.values) };
  }

  /** Weights of the model these controls would build (dense-like models), or null. */
  paramCount(): number | null {
    const setup = this.trained;
    if (!setup) return null;
    try {
      const { spec } = setup.plan(resolveControlValues(this.level.controls, this.values), setup.seed);
      const input = spec.dataset === 'glyphs' ? 35 : 784;
      return denseParamCount(spec, input);
    } catch {
      return null;
    }
  }

  /** Dismisses the concept card (the first time, the clock starts). */
  start(): void {
    if (!this.started) {
      this.started = true;
      this.startedAt = this.now();
    }
    if (this.status === 'card') this.status = this.playable ? 'idle' : 'unplayable';
    this.changed();
  }

  setValue(id: string, value: ControlValue): void {
    if (this.busy || this.values[id] === value) return;
    this.values = { ...this.values, [id]: value };
    this.changed();
  }

  /** Trains a fresh model from the current controls, measures it and scores it; a run going is replaced. */
  async train(): Promise<void> {
    const setup = this.trained;
    if (!setup || this.disposed) return;
    const run = ++this.runSeq;
    const level = this.level;
    const payload = this.payload();
    const plan = setup.plan(payload.kind === 'hyperparameters' ? payload.values : {}, setup.seed);
    this.status = 'preparing';
    this.progress = null;
    this.lossHistory = [];
    this.result = null;
    this.error = null;
    this.message = null;
    this.map = null;
    this.probe = null;
    this.changed();
    const stale = () => run !== this.runSeq || this.disposed;
    try {
      const info = await this.bridge.loadDataset(plan.spec.dataset);
      if (stale()) return;
      if (this.modelId) {
        this.bridge.disposeModel(this.modelId).catch(noop);
        this.modelId = null;
      }
      const model = await this.bridge.createModel(plan.spec);
      this.modelId = model.modelId;
      if (stale()) return;
      this.status = 'training';
      this.changed();
      const outcome = await this.bridge.train(
        model.modelId,
        { ...plan.config, ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}), progressIntervalMs: 100, previewCount: PREVIEW_COUNT },
        (p) => {
          if (!stale()) this.onProgress(p, info.width, info.height);
        },
      );
      if (stale()) return;
      // The last progress event may precede the last step: the result's numbers are the final ones.
      const last = this.progress as LiveProgress | null;
      this.progress = {
        step: outcome.steps,
        totalSteps: last && outcome.reason === 'completed' ? outcome.steps : (last?.totalSteps ?? outcome.steps),
        etaMs: 0,
        elapsedMs: outcome.elapsedMs,
        samplesPerSecond: outcome.samplesPerSecond,
      };
      if (outcome.reason !== 'completed') {
        this.status = 'idle';
        this.message = outcome.message;
        this.changed();
        return;
      }
      this.status = 'measuring';
      this.changed();
      const measured = await measureTrained(
        {
          getImages: (n, s, o, c) => this.bridge.getImages(n, s, o, c),
          reconstruct: (id, images) => this.bridge.reconstruct(id, images),
          evaluate: (id, s, loss, limit) => this.bridge.evaluate(id, s, loss, limit),
          pca: (dataset, k) => this.bridge.call((api) => api.pca(dataset, k)),
        },
        model.modelId,
        setup.heldOut,
        level.measures,
        plan.spec.dataset,
        plan.spec.bottleneck,
      );
      if (stale()) return;
      const scored = level.score(payload, measured.evaluation);
      const result: LevelResult = { ...scored, payload, evaluation: measured.evaluation };
      this.result = result;
      if (!this.best || better(level, result, this.best)) this.best = result;
      if (measured.preview) this.images = toRows(measured.preview);
      if (model.latentSize === 2) this.map = await this.encodeMap(model.modelId, info.classNames, setup).catch(() => null);
      if (stale()) return;
      this.status = 'done';
      this.changed();
    } catch (error) {
      if (isCode(error, 'JOB_SUPERSEDED') || stale()) return;
      this.status = 'error';
      this.error = describe(error);
      this.changed();
    }
  }

  /** Decodes one 2-D code with the trained model (the latent map's probe); null when there is no model. */
  async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    if (!this.modelId || !this.map || this.busy) return null;
    this.probe = { x, y };
    const image = await this.bridge.decode(this.modelId, new Float32Array([x, y]));
    this.probeDecodes++;
    return image;
  }

  private async encodeMap(modelId: string, classNames: string[], setup: TrainedSetup): Promise<LatentMapData> {
    let images: Float32Array;
    let labels: Uint8Array;
    let width: number;
    let height: number;
    if (setup.heldOut.source === 'letters') {
      const letters = heldOutLetters({ source: 'letters', copies: 1, noiseSeed: 0 });
      images = letters.targets;
      labels = Uint8Array.from({ length: letters.count }, (_, i) => i);
      width = 5;
      height = 7;
    } else {
      const batch = await this.bridge.getImages('mnist', 'test', 0, MAP_POINTS);
      images = batch.images;
      labels = batch.labels;
      width = batch.width;
      height = batch.height;
    }
    const count = labels.length;
    const codes = await this.bridge.encode(modelId, images.slice());
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < count; i++) {
      xMin = Math.min(xMin, codes[2 * i]);
      xMax = Math.max(xMax, codes[2 * i]);
      yMin = Math.min(yMin, codes[2 * i + 1]);
      yMax = Math.max(yMax, codes[2 * i + 1]);
    }
    // A margin around the codes, and never a degenerate box (a collapsed VAE puts everything at 0).
    const padX = Math.max(0.25, (xMax - xMin) * 0.12);
    const padY = Math.max(0.25, (yMax - yMin) * 0.12);
    return {
      codes,
      labels,
      count,
      classNames,
      bounds: { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY },
      width,
      height,
    };
  }

  /** Stops the running job (the worker ends it at the next step). */
  stop(): void {
    if (!this.busy) return;
    if (this.status === 'training' && this.modelId) {
      const jobId = this.bridge.activeJobId;
      if (jobId) this.bridge.cancel(jobId).catch(noop);
      return;
    }
    this.runSeq++;
    this.status = 'idle';
    this.changed();
  }

  /** Leaving: forget the run, cancel its job in the worker and free the model. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runSeq++;
    if (this.modelId) {
      // disposeModel supersedes the model's running job (its promise rejects JOB_SUPERSEDED) and cancels it.
      const jobId = this.bridge.activeJobId;
      if (jobId && this.status === 'training') this.bridge.cancel(jobId).catch(noop);
      this.bridge.disposeModel(this.modelId).catch(noop);
      this.modelId = null;
    }
    this.events.removeAll();
  }

  private onProgress(p: TrainProgress, width: number, height: number): void {
    this.progress = { step: p.step, totalSteps: p.totalSteps, etaMs: p.etaMs, elapsedMs: p.elapsedMs, samplesPerSecond: p.samplesPerSecond };
    const last = this.lossHistory[this.lossHistory.length - 1];
    if (!last || last.step !== p.step) {
      this.lossHistory.push({ step: p.step, total: p.loss.total, reconstruction: p.loss.reconstruction, ...(p.loss.kl !== undefined ? { kl: p.loss.kl } : {}) });
      if (this.lossHistory.length > 600) this.lossHistory = this.lossHistory.filter((_, i) => i % 2 === 0);
    }
    if (p.preview) {
      this.images = {
        width,
        height,
        count: p.preview.count,
        inputs: p.preview.inputs,
        outputs: p.preview.outputs,
        ...(p.preview.corrupted ? { corrupted: p.preview.corrupted } : {}),
        source: 'training',
      };
    }
    this.changed();
  }

  private changed(): void {
    this.events.emit('change');
  }
}

function toRows(p: HeldOutPreview): ImageRows {
  return { ...p, source: 'heldOut' };
}

/** More stars first, then a better score in the metric's direction. */
export function better(level: LevelDefinition, a: LevelScore, b: LevelScore): boolean {
  if (a.stars !== b.stars) return a.stars > b.stars;
  return level.metric.direction === 'lower' ? a.score < b.score : a.score > b.score;
}
