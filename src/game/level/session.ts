/**
 * LevelSession: one play of one level, from its data. It owns the attempt's state (controls, training progress,
 * measurements, score) and talks to the ML bridge; the Level and Hud scenes only draw it and forward input.
 * Trained levels: values → setup.plan(values, seed) → createModel + train (live progress) → measure the held-out
 * recipe → level.score(payload, evaluation). The shown score is exactly that pure function's output.
 */
import { MlError } from '../../shared/errors';
import { resolveControlValues } from '../../shared/levels/controls';
import { denseParamCount, fromDataBox, heldOutLetters, type CodeBox } from '../../shared/levels/harness';
import type { Evaluation } from '../../shared/levels/measurements';
import type {
  ArithmeticSetup,
  ControlValue,
  LevelDefinition,
  LevelScore,
  LinearTerm,
  MapSetup,
  SolutionPayload,
  SolutionSpecOf,
  TrainedSetup,
} from '../../shared/levels/types';
import { isCleanDigit, isNonDigit, predictedClass } from '../../shared/scoring/judge';
import { drawLatent } from '../../shared/levels/harness';
import { judgeImages, measureTrained, PretrainedLevel } from '../../shared/levels/measure';
import { t } from '../../shared/messages';
import type { TrainConfig, TrainProgress, TrainResult } from '../../shared/worker-api';
import { Emitter } from '../emitter';
import type { MlBridge, RestartReport } from '../ml/bridge';
import { ArithmeticPlay, type ArithmeticOutcome } from './arithmetic';
import { bridgeEngine, HELD_OUT_PREVIEW, type HeldOutPreview } from './measure';
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

/** A probe the player placed on a map level's map (latent coordinates), with what it scored. */
export interface PlacedProbe {
  x: number;
  y: number;
  /** Navigator: match % with the target. Holes: the judge's top probability. */
  value: number;
  /** Navigator: reached the match goal. Holes: the judge sees no digit (a hole). */
  good: boolean;
}

/** What the judge says about the compare model's decode at a placed point's relative position (not scored). */
export interface CompareVerdict {
  /** The point in the compare map's latent coordinates. */
  x: number;
  y: number;
  digit: number;
  /** The judge's top probability, 0..1. */
  confidence: number;
  /** isNonDigit: the compare model has a hole there too. */
  hole: boolean;
  clean: boolean;
}

/** Map levels played with latent points (Navigator, Holes in the map). */
export interface MapPlay {
  mode: 'navigator' | 'holes' | 'dream' | 'path';
  /** The path: its points (latent), and the judge's verdict of each once checked. */
  path: number[][];
  /** Dream digits: the draws so far (μ, σ, seed), the digits the judge found, σ for the next draw, the last dream. */
  draws: { mu: number[]; sigma: number; seed: number }[];
  found: number[];
  sigma: number;
  lastDream: Float32Array | null;
  /** Navigator: the target picked for this attempt and its decode. */
  target: number | null;
  targetImage: Float32Array | null;
  placed: PlacedProbe[];
  /** Holes: the judge's probabilities of each placed point, in order. */
  judged: number[][];
  /** Holes with a compare model: the judge's verdict on the compare (VAE) decode at the same relative spot. */
  compareVerdicts: CompareVerdict[];
  /** Navigator: match % of the probe being dragged (live). */
  live: number | null;
  codeBox: CodeBox | null;
  /** The match % that wins Navigator. */
  goal: number;
}

export type SessionEvents = { change: [] };

/**
 * What happened to a trained run when the ML worker died under it:
 * - 'resumed': the restarted worker restored the checkpoint at `fromStep` and the run continues from there;
 * - 'noCheckpoint': the worker died before the run's first checkpoint (or while building the model);
 * - 'again': it died a second time in the same run (one resume per run, so a worker that keeps dying cannot loop);
 * - 'measuring': it died after training, while measuring (the restored checkpoint is older than the trained weights);
 * - 'failed': the bridge gave up restarting it.
 */
export interface WorkerInterruption {
  kind: 'resumed' | 'noCheckpoint' | 'again' | 'measuring' | 'failed';
  /** The step the run had reached when the worker died (null before training began). */
  crashStep: number | null;
  /** 'resumed': the checkpoint's step the run continues from. */
  fromStep: number | null;
}

/**
 * The player's words for a worker interruption: a short headline and what to do (the progress bar's title and
 * detail lines, each short enough for a phone); `compact` shortens the resume notice for phones.
 */
export function interruptionLines(i: WorkerInterruption, compact = false): { title: string; detail: string } {
  switch (i.kind) {
    case 'resumed':
      return {
        title: t('level.resume.stopped'),
        detail: t(compact ? 'level.resume.continuesShort' : 'level.resume.continues', { step: i.fromStep ?? 0 }),
      };
    case 'noCheckpoint':
      return { title: t('level.resume.stopped'), detail: t('level.resume.noCheckpoint') };
    case 'again':
      return { title: t('level.resume.stopped'), detail: t('level.resume.again') };
    case 'measuring':
      return { title: t('level.resume.stopped'), detail: t('level.resume.measuring') };
    case 'failed':
      return { title: t('level.resume.gaveUp'), detail: t('level.resume.failed') };
  }
}

/** The whole sentence (the session's message or error, and the test snapshot). */
export function interruptionText(i: WorkerInterruption): string {
  if (i.kind === 'resumed') return t('level.resume.continues', { step: i.fromStep ?? 0 });
  const { title, detail } = interruptionLines(i);
  return `${title} ${detail}`;
}

/**
 * Pure: after a restart, where the run can continue. `restoredStep` is the restart report's entry for the run's
 * model (undefined: the new worker does not know the model; null: it has no checkpoint of it).
 */
export function resumePoint(
  restoredStep: number | null | undefined,
  totalSteps: number | null,
  resumedBefore: boolean,
): { kind: 'resume'; fromStep: number; steps: number } | { kind: 'noCheckpoint' | 'again' } {
  if (resumedBefore) return { kind: 'again' };
  if (restoredStep === null || restoredStep === undefined || totalSteps === null || totalSteps <= 0)
    return { kind: 'noCheckpoint' };
  const fromStep = Math.min(restoredStep, totalSteps);
  // A checkpoint taken at the very last step still trains one step: the worker's train() needs at least one.
  return { kind: 'resume', fromStep, steps: Math.max(1, totalSteps - fromStep) };
}

/** Resolves with the next restart report, or null when the bridge gives up or stops instead. */
function nextRestart(bridge: MlBridge): Promise<RestartReport | null> {
  if (bridge.status !== 'restarting') return Promise.resolve(null);
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    const done = (report: RestartReport | null): void => {
      for (const off of offs) off();
      resolve(report);
    };
    offs.push(
      bridge.events.on('restarted', (report) => done(report)),
      bridge.events.on('failed', () => done(null)),
      bridge.events.on('status', (status) => {
        if (status === 'stopped' || status === 'failed') done(null);
      }),
    );
  });
}

/** Images shown per row of the live grids (and asked of the worker per progress event). */
export const PREVIEW_COUNT = 8;
/**
 * Glyph runs last a few seconds and their weights are a few KB: checkpoint them often, or a crash would almost
 * never find one to continue from. MNIST runs keep the bridge's default.
 */
const GLYPH_CHECKPOINT_MS = 500;
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
  /** Map levels played with latent points: the attempt in progress. */
  mapPlay: MapPlay | null = null;
  /** Holes in the map: the compare model's map (setup.compare, e.g. the 2-D VAE) beside the played one. */
  compare: LatentMapData | null = null;
  private compareModelId: string | null = null;
  /** Map levels: the pretrained model their probes are decoded, matched and judged with. */
  private pretrained: PretrainedLevel | null = null;
  /** Arithmetic levels: the cards and their codes, the player's expression, and its live measurement. */
  arith: ArithmeticPlay | null = null;
  terms: LinearTerm[] = [];
  arithLive: ArithmeticOutcome | null = null;
  private evaluating = false;
  private evalDirty = false;
  /** Pretrained models are shared: never disposed by a session. */
  private ownsModel = true;
  /** Set when a run ends without a score (cancelled, diverged, a worker crash it could not survive). */
  message: string | null = null;
  /** The last worker crash under this run and what came of it (cleared by the next Train). */
  interruption: WorkerInterruption | null = null;
  /** Last step of the running attempt whose weights the worker checkpointed (absolute, across a resume). */
  checkpointStep: number | null = null;
  /** True while a crashed run waits for the restarted worker (Stop then just forgets the run). */
  private awaitingRestart = false;
  /** True once the card was dismissed the first time (the hint clock runs from then). */
  started = false;
  private startedAt = 0;
  private runSeq = 0;
  private modelId: string | null = null;
  private disposed = false;
  private placing = false;

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

  /** Trained levels, and map levels whose solution is latent points (Navigator, Holes in the map). */
  get playable(): boolean {
    return this.trained !== null || this.mapLevel || this.arithmeticSetup !== null;
  }

  get arithmeticSetup(): ArithmeticSetup | null {
    return this.level.setup.kind === 'arithmetic' && this.level.solution.kind === 'expression'
      ? this.level.setup
      : null;
  }

  /** Most terms and largest |weight| an expression may have (arithmetic levels). */
  get expressionSpec(): SolutionSpecOf<'expression'> | null {
    return this.level.solution.kind === 'expression' ? this.level.solution : null;
  }

  /** The latent-points solution of a map level, or null. */
  get pointsSpec(): SolutionSpecOf<'latentPoints'> | null {
    return this.level.setup.kind === 'map' && this.level.solution.kind === 'latentPoints' ? this.level.solution : null;
  }

  /** Dream digits' solution bounds, or null. */
  get pathSpec(): SolutionSpecOf<'path'> | null {
    return this.level.setup.kind === 'map' && this.level.solution.kind === 'path' ? this.level.solution : null;
  }

  get drawsSpec(): SolutionSpecOf<'draws'> | null {
    return this.level.setup.kind === 'map' && this.level.solution.kind === 'draws' ? this.level.solution : null;
  }

  /** A map level this build plays (latent points or draws). */
  get mapLevel(): boolean {
    return this.pointsSpec !== null || this.drawsSpec !== null || this.pathSpec !== null;
  }

  /** A crashed run waiting for the restarted worker to say where it can continue. */
  get restarting(): boolean {
    return this.awaitingRestart;
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
    if (this.status === 'card') {
      this.status = this.playable ? 'idle' : 'unplayable';
      if (this.mapLevel && !this.map) void this.loadMapLevel();
      if (this.arithmeticSetup && !this.arith) void this.loadArithmetic();
    }
    this.changed();
  }

  setValue(id: string, value: ControlValue): void {
    if (this.busy || this.values[id] === value) return;
    this.values = { ...this.values, [id]: value };
    this.changed();
  }

  /**
   * Trains a fresh model from the current controls, measures it and scores it; a run going is replaced. A worker
   * crash during training continues the run once from its last checkpoint on the restarted worker.
   */
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
    this.interruption = null;
    this.checkpointStep = null;
    this.map = null;
    this.probe = null;
    this.changed();
    const stale = () => run !== this.runSeq || this.disposed;
    let phase: 'preparing' | 'training' | 'measuring' = 'preparing';
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
      phase = 'training';
      this.changed();
      const config = {
        ...plan.config,
        ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}),
        ...(plan.spec.dataset === 'glyphs' ? { checkpointIntervalMs: GLYPH_CHECKPOINT_MS } : {}),
        progressIntervalMs: 100,
        previewCount: PREVIEW_COUNT,
      };
      const outcome = await this.trainResumable(model.modelId, config, info.width, info.height, stale);
      if (!outcome || stale()) return;
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
      phase = 'measuring';
      this.changed();
      const measured = await measureTrained(bridgeEngine(this.bridge), level, model.modelId, plan.spec.bottleneck, {
        previewCount: HELD_OUT_PREVIEW,
      });
      if (stale()) return;
      const scored = level.score(payload, measured.evaluation);
      const result: LevelResult = { ...scored, payload, evaluation: measured.evaluation };
      this.result = result;
      if (!this.best || better(level, result, this.best)) this.best = result;
      if (measured.preview) this.images = toRows(measured.preview);
      if (model.latentSize === 2)
        this.map = await this.encodeMap(model.modelId, info.classNames, setup).catch(() => null);
      if (stale()) return;
      this.status = 'done';
      this.changed();
    } catch (error) {
      if (isCode(error, 'JOB_SUPERSEDED') || stale()) return;
      if (isCode(error, 'WORKER_CRASHED')) {
        this.endInterrupted(
          phase === 'measuring' ? 'measuring' : this.bridge.status === 'failed' ? 'failed' : 'noCheckpoint',
          this.progress?.step ?? null,
        );
        return;
      }
      this.status = 'error';
      this.error = describe(error);
      this.changed();
    }
  }

  /**
   * One training job, continued once after a worker crash from the checkpoint the restarted worker restored,
   * with the same plan and seed for the remaining steps. Steps, elapsed time and the loss chart stay absolute.
   * Null when the run ended here (stale, or a crash it could not survive; the player has been told).
   */
  private async trainResumable(
    modelId: string,
    config: Omit<TrainConfig, 'jobId' | 'checkpointKey'>,
    width: number,
    height: number,
    stale: () => boolean,
  ): Promise<TrainResult | null> {
    let offset = 0;
    let elapsedBase = 0;
    let jobConfig = config;
    for (;;) {
      const base = { offset, elapsedBase };
      try {
        const result = await this.bridge.train(
          modelId,
          jobConfig,
          (p) => {
            if (!stale()) this.onProgress(p, width, height, base.offset, base.elapsedBase);
          },
          offset,
        );
        return { ...result, steps: offset + result.steps, elapsedMs: elapsedBase + result.elapsedMs };
      } catch (error) {
        if (!isCode(error, 'WORKER_CRASHED') || stale()) throw error;
        const crashStep = this.progress?.step ?? offset;
        const totalSteps = this.progress?.totalSteps ?? null;
        const elapsed = this.progress?.elapsedMs ?? elapsedBase;
        const resumedBefore = this.interruption?.kind === 'resumed';
        this.awaitingRestart = true;
        this.changed();
        const report = await nextRestart(this.bridge);
        this.awaitingRestart = false;
        if (stale()) return null;
        if (!report) {
          this.endInterrupted('failed', crashStep);
          return null;
        }
        const point = resumePoint(report.restored.get(modelId), totalSteps, resumedBefore);
        if (point.kind !== 'resume') {
          this.endInterrupted(point.kind, crashStep);
          return null;
        }
        this.interruption = { kind: 'resumed', crashStep, fromStep: point.fromStep };
        offset = point.fromStep;
        elapsedBase = elapsed;
        // Steps win over epochs in TrainConfig: the remaining part of the same run, whatever the plan counted in.
        jobConfig = { ...config, steps: point.steps };
        this.lossHistory = this.lossHistory.filter((p) => p.step <= offset);
        if (this.progress) this.progress = { ...this.progress, step: offset, etaMs: 0 };
        this.changed();
      }
    }
  }

  /** A crash the run cannot continue from: tell the player and leave the level ready to train again. */
  private endInterrupted(kind: Exclude<WorkerInterruption['kind'], 'resumed'>, crashStep: number | null): void {
    this.interruption = { kind, crashStep, fromStep: null };
    this.awaitingRestart = false;
    if (kind === 'failed') {
      this.status = 'error';
      this.error = interruptionText(this.interruption);
    } else {
      this.status = 'idle';
      this.message = interruptionText(this.interruption);
    }
    this.changed();
  }

  /** Decodes one 2-D code with the trained model (the latent map's probe); null when there is no model. */
  async decodeAt(x: number, y: number): Promise<Float32Array | null> {
    if (!this.modelId || !this.map || this.busy) return null;
    this.probe = { x, y };
    const image = await this.bridge.decode(this.modelId, new Float32Array([x, y]));
    this.probeDecodes++;
    const mp = this.mapPlay;
    if (mp?.targetImage && this.pretrained) {
      mp.live = this.pretrained.match(mp.targetImage, image);
      this.changed();
    }
    return image;
  }

  // ---- arithmetic levels (an expression over image cards) ----

  private async loadArithmetic(): Promise<void> {
    const setup = this.arithmeticSetup;
    if (!setup) return;
    const run = ++this.runSeq;
    this.status = 'preparing';
    this.changed();
    try {
      const play = await ArithmeticPlay.load(this.bridge, this.level);
      if (run !== this.runSeq || this.disposed) return;
      this.arith = play;
      this.ownsModel = false;
      this.status = 'idle';
      this.changed();
    } catch (error) {
      if (run !== this.runSeq || this.disposed) return;
      this.status = 'error';
      this.error = describe(error);
      this.changed();
    }
  }

  /** Adds a card to the expression (weight 1), or takes it out when it is already in. */
  toggleCard(cardId: string): void {
    const spec = this.expressionSpec;
    if (!this.arith || !spec || this.status === 'preparing') return;
    const i = this.terms.findIndex((t) => t.card === cardId);
    if (i >= 0) this.terms = this.terms.filter((_, k) => k !== i);
    else if (this.terms.length < spec.maxTerms) this.terms = [...this.terms, { card: cardId, weight: 1 }];
    else return;
    this.expressionChanged();
  }

  setWeight(index: number, weight: number): void {
    if (!this.terms[index] || this.terms[index].weight === weight) return;
    this.terms = this.terms.map((t, k) => (k === index ? { ...t, weight } : t));
    this.expressionChanged();
  }

  clearTerms(): void {
    if (this.terms.length === 0) return;
    this.terms = [];
    this.expressionChanged();
  }

  /** The expression as a payload would carry it: zero weights dropped. */
  expressionTerms(): LinearTerm[] {
    return this.terms.filter((t) => t.weight !== 0).map((t) => ({ ...t }));
  }

  /** Scores the current expression with the level's pure scorer. */
  async submitExpression(): Promise<void> {
    const play = this.arith;
    const terms = this.expressionTerms();
    if (!play || terms.length === 0 || this.status !== 'idle') return;
    try {
      const outcome = await play.evaluate(terms);
      const payload: SolutionPayload = { kind: 'expression', terms };
      const scored = this.level.score(payload, outcome.evaluation);
      const result: LevelResult = { ...scored, payload, evaluation: outcome.evaluation };
      this.result = result;
      if (!this.best || better(this.level, result, this.best)) this.best = result;
      this.status = 'done';
    } catch (error) {
      this.status = 'error';
      this.error = describe(error);
    }
    this.changed();
  }

  private expressionChanged(): void {
    if (this.status === 'done' || this.status === 'error') {
      this.status = 'idle';
      this.result = null;
      this.error = null;
    }
    this.changed();
    void this.evaluateLive();
  }

  /** One live evaluation at a time; a change meanwhile runs one more with the newest terms. */
  private async evaluateLive(): Promise<void> {
    const play = this.arith;
    if (!play) return;
    if (this.evaluating) {
      this.evalDirty = true;
      return;
    }
    this.evaluating = true;
    try {
      do {
        this.evalDirty = false;
        const terms = this.expressionTerms();
        this.arithLive = terms.length > 0 ? await play.evaluate(terms) : null;
        if (this.disposed) return;
        this.changed();
      } while (this.evalDirty);
    } catch (error) {
      this.error = describe(error);
      this.changed();
    } finally {
      this.evaluating = false;
    }
  }

  // ---- map levels (latent points) ----

  private async loadMapLevel(): Promise<void> {
    const draws = this.drawsSpec;
    const pathSpec = this.pathSpec;
    const spec =
      this.pointsSpec ??
      (draws
        ? {
            kind: 'latentPoints' as const,
            dims: 2,
            maxPoints: draws.maxDraws,
            bound: draws.muBound,
            minSeparation: 0,
            space: 'latent' as const,
          }
        : null) ??
      (pathSpec
        ? {
            kind: 'latentPoints' as const,
            dims: 2,
            maxPoints: pathSpec.maxPoints,
            bound: pathSpec.bound,
            minSeparation: 0,
            space: 'latent' as const,
          }
        : null);
    const setup = this.level.setup as MapSetup;
    if (!spec) return;
    const run = ++this.runSeq;
    this.status = 'preparing';
    this.changed();
    try {
      const pretrained = await PretrainedLevel.load(bridgeEngine(this.bridge), this.level);
      const info = pretrained.model;
      this.pretrained = pretrained;
      this.modelId = info.modelId;
      this.ownsModel = false;
      const dataset = await this.bridge.loadDataset('mnist');
      const box = spec.space === 'dataBox' && info.codeBox ? info.codeBox : null;
      const map = await this.encodeMap(info.modelId, dataset.classNames, null);
      if (run !== this.runSeq || this.disposed) return;
      // The map spans the data box (Holes: every point is "inside"), else the codes, never past the bound.
      map.bounds = box
        ? { xMin: box.min[0], xMax: box.max[0], yMin: box.min[1], yMax: box.max[1] }
        : {
            xMin: Math.max(-spec.bound, map.bounds.xMin),
            xMax: Math.min(spec.bound, map.bounds.xMax),
            yMin: Math.max(-spec.bound, map.bounds.yMin),
            yMax: Math.min(spec.bound, map.bounds.yMax),
          };
      const mode = this.level.mode;
      if (mode !== 'dream' && mode !== 'path' && mode !== 'navigator' && mode !== 'holes') return;
      const compareAsset = setup.compare;
      if (mode === 'holes' && compareAsset) {
        // The compare model is shown, never scored: a failure to load it leaves the level playable.
        const other = await this.bridge.call((api) => api.loadPretrained(compareAsset)).catch(() => null);
        const cmap = other ? await this.encodeMap(other.modelId, dataset.classNames, null).catch(() => null) : null;
        if (run !== this.runSeq || this.disposed) return;
        if (other && cmap) {
          const cb = other.codeBox;
          if (cb) cmap.bounds = { xMin: cb.min[0], xMax: cb.max[0], yMin: cb.min[1], yMax: cb.max[1] };
          this.compareModelId = other.modelId;
          this.compare = cmap;
        }
      }
      this.map = map;
      this.mapPlay = {
        compareVerdicts: [],
        mode,
        path: [],
        target: null,
        targetImage: null,
        placed: [],
        judged: [],
        live: null,
        codeBox: box,
        goal: Number(this.level.goal.params?.match ?? 90),
        draws: [],
        found: [],
        sigma: draws ? Math.min(draws.sigmaMax, Math.max(draws.sigmaMin, 1)) : 1,
        lastDream: null,
      };
      await this.newMapAttempt();
      if (run !== this.runSeq || this.disposed) return;
      this.status = 'idle';
      this.changed();
    } catch (error) {
      if (run !== this.runSeq || this.disposed) return;
      this.status = 'error';
      this.error = describe(error);
      this.changed();
    }
  }

  /** A fresh attempt on a map level: no probes; Navigator picks a new target. */
  async newMapAttempt(): Promise<void> {
    const mp = this.mapPlay;
    const setup = this.level.setup as MapSetup;
    const pretrained = this.pretrained;
    if (!mp || !this.modelId || !pretrained) return;
    mp.placed = [];
    mp.judged = [];
    mp.compareVerdicts = [];
    mp.live = null;
    mp.draws = [];
    mp.path = [];
    mp.found = [];
    mp.lastDream = null;
    this.result = null;
    this.message = null;
    if (setup.targets && setup.targets.length > 0) {
      mp.target = Math.floor(Math.random() * setup.targets.length);
      mp.targetImage = await pretrained.targetImage(mp.target);
    }
    if (this.status === 'done') this.status = 'idle';
    this.changed();
  }

  /** Places a probe at latent (x, y): Navigator scores its match, Holes asks the judge. Ends the attempt when won or full. */
  async placeProbe(x: number, y: number): Promise<void> {
    const mp = this.mapPlay;
    const spec = this.pointsSpec;
    const pretrained = this.pretrained;
    if (!mp || !spec || !pretrained || this.status !== 'idle' || this.placing) return;
    if (mp.placed.length >= spec.maxPoints) return;
    if (mp.mode === 'holes' && spec.minSeparation > 0) {
      const p = this.toPayloadPoint(x, y);
      const tooClose = mp.placed.some(
        (q) => Math.hypot(...this.toPayloadPoint(q.x, q.y).map((v, i) => v - p[i])) < spec.minSeparation,
      );
      if (tooClose) {
        this.message = 'tooClose';
        this.changed();
        return;
      }
    }
    this.placing = true;
    try {
      const image = await pretrained.decode(new Float32Array([x, y]));
      if (mp.mode === 'navigator' && mp.targetImage) {
        const m = pretrained.match(mp.targetImage, image);
        mp.placed.push({ x, y, value: m, good: m >= mp.goal });
      } else {
        const [probs] = await pretrained.judge(image);
        mp.judged.push(probs);
        mp.placed.push({ x, y, value: Math.max(...probs), good: isNonDigit(probs) });
        if (mp.mode === 'holes') await this.judgeCompare(x, y);
      }
      this.message = null;
      const last = mp.placed[mp.placed.length - 1];
      if ((mp.mode === 'navigator' && last.good) || mp.placed.length >= spec.maxPoints) this.finishMap();
      else this.changed();
    } catch (error) {
      this.error = describe(error);
      this.changed();
    } finally {
      this.placing = false;
    }
  }

  /** The path: extends it to (x, y) in straight steps no longer than the level allows (the first point starts it). */
  extendPath(x: number, y: number): void {
    const mp = this.mapPlay;
    const spec = this.pathSpec;
    if (!mp || !spec || this.status !== 'idle') return;
    const round = (v: number): number => Math.round(Math.min(spec.bound, Math.max(-spec.bound, v)) * 1000) / 1000;
    const last = mp.path[mp.path.length - 1];
    if (!last) mp.path.push([round(x), round(y)]);
    else {
      const d = Math.hypot(x - last[0], y - last[1]);
      if (d < spec.maxStep * 0.25) return;
      const steps = Math.ceil(d / (spec.maxStep * 0.95));
      for (let k = 1; k <= steps && mp.path.length < spec.maxPoints; k++)
        mp.path.push([round(last[0] + ((x - last[0]) * k) / steps), round(last[1] + ((y - last[1]) * k) / steps)]);
    }
    mp.judged = [];
    this.changed();
  }

  clearPath(): void {
    const mp = this.mapPlay;
    if (!mp || mp.path.length === 0) return;
    mp.path = [];
    mp.judged = [];
    if (this.status === 'done') this.status = 'idle';
    this.changed();
  }

  /** The judge looks at every step of the path; the level's pure scorer turns that into the score. */
  async checkPath(): Promise<void> {
    const mp = this.mapPlay;
    const spec = this.pathSpec;
    const pretrained = this.pretrained;
    if (!mp || !spec || !pretrained || this.status !== 'idle' || this.placing || mp.path.length < spec.minPoints)
      return;
    this.placing = true;
    try {
      mp.judged = await pretrained.judge(await pretrained.decode(Float32Array.from(mp.path.flat())));
      this.scoreMap(
        { kind: 'path', points: mp.path.map((p) => [...p]) },
        { judgeProbabilities: mp.judged.map((r) => [...r]) },
      );
    } catch (error) {
      this.error = describe(error);
      this.changed();
    } finally {
      this.placing = false;
    }
  }

  /** σ of the next dream (Dream digits), snapped into the level's bounds. */
  setSigma(sigma: number): void {
    const spec = this.drawsSpec;
    const mp = this.mapPlay;
    if (!spec || !mp) return;
    mp.sigma = Math.min(spec.sigmaMax, Math.max(spec.sigmaMin, sigma));
    this.changed();
  }

  /** Dream digits: one reparameterised draw z = μ + σ·ε around (x, y), decoded and shown to the judge. */
  async dream(x: number, y: number): Promise<void> {
    const mp = this.mapPlay;
    const spec = this.drawsSpec;
    const pretrained = this.pretrained;
    if (!mp || !spec || !pretrained || this.status !== 'idle' || this.placing) return;
    if (mp.draws.length >= spec.maxDraws) return;
    const round = (v: number): number => Math.round(v * 1000) / 1000;
    const mu = [x, y].map((v) => round(Math.min(spec.muBound, Math.max(-spec.muBound, v))));
    const draw = { mu, sigma: mp.sigma, seed: mp.draws.length + 1 };
    this.placing = true;
    try {
      const z = drawLatent(draw);
      const image = await pretrained.decode(Float32Array.from(z));
      const [probs] = await pretrained.judge(image);
      mp.draws.push(draw);
      mp.judged.push(probs);
      mp.lastDream = image;
      const clean = isCleanDigit(probs);
      if (clean) {
        const digit = predictedClass(probs).label;
        if (!mp.found.includes(digit)) mp.found = [...mp.found, digit].sort((a, b) => a - b);
      }
      mp.placed.push({ x: z[0], y: z[1], value: Math.max(...probs), good: clean });
      if (mp.found.length === 10 || mp.draws.length >= spec.maxDraws) this.finishMap();
      else this.changed();
    } catch (error) {
      this.error = describe(error);
      this.changed();
    } finally {
      this.placing = false;
    }
  }

  /** Holes: decodes the compare (VAE) model at the same relative spot of its map's box and asks the judge. */
  private async judgeCompare(x: number, y: number): Promise<void> {
    const mp = this.mapPlay;
    const from = this.map?.bounds;
    const to = this.compare?.bounds;
    if (!mp || !from || !to || !this.compareModelId) return;
    const cx = to.xMin + ((x - from.xMin) / (from.xMax - from.xMin)) * (to.xMax - to.xMin);
    const cy = to.yMin + ((y - from.yMin) / (from.yMax - from.yMin)) * (to.yMax - to.yMin);
    try {
      const image = await this.bridge.decode(this.compareModelId, new Float32Array([cx, cy]));
      const [probs] = await judgeImages(bridgeEngine(this.bridge), image);
      const verdict = predictedClass(probs);
      mp.compareVerdicts.push({
        x: cx,
        y: cy,
        digit: verdict.label,
        confidence: verdict.confidence,
        hole: isNonDigit(probs),
        clean: isCleanDigit(probs),
      });
    } catch {
      // Not scored: a failed compare decode only leaves the verdict out.
    }
  }

  /** Scores the probes placed so far with the level's pure scorer. */
  finishMap(): void {
    const mp = this.mapPlay;
    if (!mp || mp.placed.length === 0) return;
    if (mp.mode === 'dream') {
      const payload: SolutionPayload = {
        kind: 'draws',
        draws: mp.draws.map((d) => ({ mu: [...d.mu], sigma: d.sigma, seed: d.seed })),
      };
      const evaluation: Evaluation = { judgeProbabilities: mp.judged.map((r) => [...r]) };
      this.scoreMap(payload, evaluation);
      return;
    }
    const points = mp.placed.map((p) => this.toPayloadPoint(p.x, p.y));
    const payload: SolutionPayload = {
      kind: 'latentPoints',
      points,
      ...(mp.target !== null ? { target: mp.target } : {}),
    };
    const evaluation: Evaluation =
      mp.mode === 'navigator'
        ? { matchPercent: mp.placed.map((p) => p.value) }
        : { judgeProbabilities: mp.judged.map((r) => [...r]) };
    this.scoreMap(payload, evaluation);
  }

  private scoreMap(payload: SolutionPayload, evaluation: Evaluation): void {
    try {
      const scored = this.level.score(payload, evaluation);
      const result: LevelResult = { ...scored, payload, evaluation };
      this.result = result;
      if (!this.best || better(this.level, result, this.best)) this.best = result;
      this.status = 'done';
    } catch (error) {
      this.status = 'error';
      this.error = describe(error);
    }
    this.changed();
  }

  /** Latent (x, y) → the payload's coordinates ('dataBox': [−1, 1] over the box; 'latent': as is). */
  private toPayloadPoint(x: number, y: number): number[] {
    const box = this.mapPlay?.codeBox;
    if (!box) return [x, y];
    const to = (v: number, i: number): number => {
      const t = (2 * (v - box.min[i])) / (box.max[i] - box.min[i]) - 1;
      return Math.min(1, Math.max(-1, t));
    };
    return [to(x, 0), to(y, 1)];
  }

  /** Payload point → latent coordinates (inverse of toPayloadPoint). */
  fromPayloadPoint(point: readonly number[]): number[] {
    const box = this.mapPlay?.codeBox;
    return box ? fromDataBox(point, box) : [...point];
  }

  private async encodeMap(modelId: string, classNames: string[], setup: TrainedSetup | null): Promise<LatentMapData> {
    let images: Float32Array;
    let labels: Uint8Array;
    let width: number;
    let height: number;
    if (setup?.heldOut.source === 'letters') {
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
    if (this.status === 'training' && this.modelId && !this.awaitingRestart) {
      const jobId = this.bridge.activeJobId;
      if (jobId) this.bridge.cancel(jobId).catch(noop);
      return;
    }
    this.awaitingRestart = false;
    this.runSeq++;
    this.status = 'idle';
    this.changed();
  }

  /** Leaving: forget the run, cancel its job in the worker and free the model. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runSeq++;
    if (this.modelId && this.ownsModel) {
      // disposeModel supersedes the model's running job (its promise rejects JOB_SUPERSEDED) and cancels it.
      const jobId = this.bridge.activeJobId;
      if (jobId && this.status === 'training') this.bridge.cancel(jobId).catch(noop);
      this.bridge.disposeModel(this.modelId).catch(noop);
      this.modelId = null;
    }
    this.events.removeAll();
  }

  /** `offset`/`elapsedBase`: a resumed job counts from its checkpoint; the player sees the whole run's numbers. */
  private onProgress(p: TrainProgress, width: number, height: number, offset = 0, elapsedBase = 0): void {
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
      this.lossHistory.push({
        step,
        total: p.loss.total,
        reconstruction: p.loss.reconstruction,
        ...(p.loss.kl !== undefined ? { kl: p.loss.kl } : {}),
      });
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
