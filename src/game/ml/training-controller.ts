/**
 * Connects the lab store to the bridge: turns the controls into a run, feeds progress into the store,
 * and tells the player what happened (restarts, backend switches, failures). The bridge owns the worker; this
 * owns "the current run".
 */
import { MlError } from '../../shared/errors';
import { corrupt } from '../../shared/noise';
import type { ContextLostEvent } from '../../shared/engine-events';
import type { TrainProgress, TrainResult } from '../../shared/worker-api';
import type { GameStoreApi } from '../state';
import { isSuperseded } from './abortable';
import type { MlBridge, RestartReport } from './bridge';
import { contextLostNotice, trainEndText } from './engine-words';
import { previewOf } from './progress-types';
import { resumePoint, trainResumable, type ResumeDecision } from './resumable-train';
import { PREVIEW_COUNT, RUN_SEED, noiseSpec, planProblem, planRun, type RunPlan } from './run-plan';

interface CurrentRun {
  modelId: string;
  plan: RunPlan;
  width: number;
  height: number;
}

const noop = (): void => undefined;

function isCode(error: unknown, code: MlError['code']): boolean {
  return error instanceof MlError && error.code === code;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrainingController {
  /** The current run's work: a newer run, a cancel before training or an engine restart aborts it. */
  private work: AbortController | null = null;
  private current: CurrentRun | null = null;
  private lastModelId: string | null = null;
  private readonly shownNotices = new Set<string>();
  /** The clean samples shown while idle, so the noisy row can be recomputed when the noise controls move. */
  private samples: { dataset: string; images: Float32Array; width: number; height: number; count: number } | null =
    null;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly store: GameStoreApi,
    private readonly bridge: MlBridge,
  ) {
    const s = () => this.store.getState();
    this.unsubscribers.push(
      bridge.events.on('status', (status) => s().setWorkerStatus(status)),
      bridge.events.on('init', (init) =>
        s().setBackendInfo({
          backend: init.backend,
          renderer: init.renderer,
          isSoftwareGl: init.isSoftwareGl,
          reason: init.reason,
          why: init.why,
          version: init.version,
        }),
      ),
      bridge.events.on('restarted', (report) => this.onRestarted(report)),
      bridge.events.on('failed', (detail) => {
        s().addNotice('error', 'notice.workerFailed', { detail });
        if (this.current) s().setStatus('error');
        this.current = null;
      }),
      store.subscribe(
        (st) => st.lab.config.dataset,
        () => void this.loadSamples(),
      ),
      store.subscribe(
        (st) => [st.lab.config.kind, st.lab.config.noiseType, st.lab.config.noiseLevel] as const,
        () => this.refreshIdlePreview(),
        { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] },
      ),
    );
  }

  /** Starts the worker early (during preload) and shows a few dataset samples once it is up. */
  async warmUp(): Promise<void> {
    try {
      await this.bridge.start();
      await this.loadSamples();
    } catch (error) {
      if (!isCode(error, 'WORKER_CRASHED'))
        this.store.getState().addNotice('error', 'notice.trainingFailed', { detail: message(error) });
    }
  }

  /** Trains a fresh model from the current controls; a run already going is superseded. */
  async train(): Promise<void> {
    this.work?.abort();
    const work = new AbortController();
    this.work = work;
    const { signal } = work;
    const st = () => this.store.getState();
    const plan = planRun(st().lab.config);
    // The shared checks the worker runs, before anything starts: a Lab setting the engine refuses says why.
    const problem = planProblem(plan);
    if (problem) {
      st().addNotice('error', 'lab.invalid', { detail: problem });
      return;
    }
    this.current = null;
    this.shownNotices.clear();
    st().setStatus('initialising');
    try {
      await this.bridge.start();
      const info = await this.bridge.loadDataset(plan.spec.dataset);
      if (signal.aborted) return;
      if (this.lastModelId) {
        this.bridge.disposeModel(this.lastModelId).catch(noop);
        this.lastModelId = null;
      }
      const model = await this.bridge.createModel(plan.spec);
      this.lastModelId = model.modelId;
      if (signal.aborted) return;
      const run: CurrentRun = { modelId: model.modelId, plan, width: info.width, height: info.height };
      this.current = run;
      st().beginRun(
        {
          modelId: model.modelId,
          kind: plan.spec.kind,
          dataset: st().lab.config.dataset,
          paramCount: model.paramCount,
          latentSize: model.latentSize,
        },
        plan.train.steps,
      );
      const total = plan.train.steps;
      // The Lab continues after every restart the bridge survives, from the checkpoint or else from the start.
      const decide = (restored: number | null | undefined): ResumeDecision =>
        restored === undefined ? { kind: 'noCheckpoint' } : resumePoint(restored ?? 0, total, false);
      const outcome = await trainResumable(
        this.bridge,
        model.modelId,
        plan.train,
        {
          onProgress: (p, offset, elapsedBase) => this.onProgress(run, p, offset, elapsedBase),
          onResumed: (fromStep) => st().resumeRun(fromStep),
        },
        { signal, decide },
      );
      if (signal.aborted || this.current !== run) return;
      if (outcome.kind === 'finished') this.onFinished(run, outcome.result);
      else {
        this.current = null;
        // 'failed': the bridge's failed event already told the player.
        if (outcome.reason !== 'failed') st().setStatus('idle');
      }
    } catch (error) {
      this.onRunError(signal, error);
    }
  }

  async pause(): Promise<void> {
    const jobId = this.bridge.activeJobId;
    if (!jobId || this.store.getState().lab.status !== 'training') return;
    if (await this.bridge.pause(jobId).catch(() => false)) this.store.getState().setStatus('paused');
  }

  async resume(): Promise<void> {
    const jobId = this.bridge.activeJobId;
    if (!jobId || this.store.getState().lab.status !== 'paused') return;
    if (await this.bridge.resume(jobId).catch(() => false)) this.store.getState().setStatus('training');
  }

  async cancel(): Promise<void> {
    const jobId = this.bridge.activeJobId;
    const status = this.store.getState().lab.status;
    if (jobId) {
      await this.bridge.cancel(jobId).catch(noop);
    } else if (status === 'initialising') {
      // Not started yet: forget the run.
      this.work?.abort();
      this.current = null;
      this.store.getState().setStatus('idle');
    }
  }

  /** A new backend preference takes effect on a fresh worker. */
  restartEngine(): void {
    this.work?.abort();
    this.current = null;
    this.lastModelId = null;
    this.bridge.restart();
    const st = this.store.getState();
    if (st.lab.status === 'training' || st.lab.status === 'paused' || st.lab.status === 'initialising') {
      st.setStatus('idle');
    }
    void this.warmUp();
  }

  dispose(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }

  // ---- internals ----

  private onProgress(run: CurrentRun, p: TrainProgress, offset: number, elapsedBase: number): void {
    if (this.current !== run) return;
    const st = this.store.getState();
    const info = st.lab.backendInfo;
    if (info && info.backend !== p.backend)
      st.setBackendInfo({
        ...info,
        backend: p.backend,
        reason: p.notice ?? info.reason,
        why: p.event ? { kind: 'contextLost', backend: p.backend } : info.why,
      });
    if (p.event) this.showWorkerNotice(p.event);
    const preview = previewOf(p, run.width, run.height);
    st.recordProgress({
      step: offset + p.step,
      totalSteps: offset + p.totalSteps,
      epoch: p.epoch,
      total: p.loss.total,
      reconstruction: p.loss.reconstruction,
      ...(p.loss.kl !== undefined ? { kl: p.loss.kl } : {}),
      samplesPerSecond: p.samplesPerSecond,
      etaMs: p.etaMs,
      elapsedMs: elapsedBase + p.elapsedMs,
      ...(preview ? { preview } : {}),
    });
  }

  /** `result` covers the whole run (its steps count from 0 across a resume). */
  private onFinished(run: CurrentRun, result: TrainResult): void {
    const st = this.store.getState();
    for (const e of result.events) this.showWorkerNotice(e);
    const ending = trainEndText(result.end);
    st.finishRun({ reason: result.reason, message: ending, steps: result.steps });
    if (result.reason === 'diverged') st.addNotice('error', 'notice.diverged', { detail: ending });
    if (this.current === run) this.current = null;
  }

  private onRunError(signal: AbortSignal, error: unknown): void {
    if (isSuperseded(error) || signal.aborted) return;
    if (isCode(error, 'WORKER_CRASHED') && this.bridge.status === 'restarting') {
      // Crashed before the run began: nothing to continue; the restart notice tells the player.
      this.current = null;
      this.store.getState().setStatus('idle');
      return;
    }
    this.current = null;
    const st = this.store.getState();
    st.setStatus('error');
    if (!isCode(error, 'WORKER_CRASHED') || this.bridge.status !== 'failed') {
      st.addNotice('error', 'notice.trainingFailed', { detail: message(error) });
    }
  }

  /** Tells the player what came back (the run itself continues in trainResumable). */
  private onRestarted(report: RestartReport): void {
    const st = this.store.getState();
    const backend = report.init.backend.toUpperCase().replace('WEBGL', 'WebGL');
    const modelId = this.current?.modelId ?? this.lastModelId;
    const step = modelId ? report.restored.get(modelId) : undefined;
    if (step === undefined) st.addNotice('warning', 'notice.workerRestartedIdle', { backend });
    else if (step === null) st.addNotice('warning', 'notice.workerRestartedFresh', { backend });
    else st.addNotice('warning', 'notice.workerRestarted', { backend, step });
  }

  private showWorkerNotice(event: ContextLostEvent): void {
    const seen = `${event.lostAt}:${event.backend}:${event.fromStep}`;
    if (this.shownNotices.has(seen)) return;
    this.shownNotices.add(seen);
    const { key, params } = contextLostNotice(event);
    this.store.getState().addNotice('warning', key, params);
  }

  private async loadSamples(): Promise<void> {
    const dataset = this.store.getState().lab.config.dataset;
    if (this.bridge.status !== 'ready') return;
    try {
      const batch = await this.bridge.getImages(dataset, 'test', 0, PREVIEW_COUNT);
      if (this.store.getState().lab.config.dataset !== dataset) return;
      this.samples = { dataset, images: batch.images, width: batch.width, height: batch.height, count: batch.count };
      this.refreshIdlePreview(true);
    } catch (error) {
      if (!isCode(error, 'WORKER_CRASHED'))
        this.store.getState().addNotice('error', 'notice.trainingFailed', { detail: message(error) });
    }
  }

  /** While nothing trains, show the samples and (for denoising) what the chosen noise does to them. */
  private refreshIdlePreview(datasetChanged = false): void {
    const st = this.store.getState();
    const { status, config } = st.lab;
    if (status === 'training' || status === 'paused' || status === 'initialising') return;
    // A finished run keeps its reconstructions on screen until the dataset changes.
    if (status === 'done' && !datasetChanged) return;
    const samples = this.samples;
    if (!samples || samples.dataset !== config.dataset) return;
    const shape = { width: samples.width, height: samples.height };
    const corrupted =
      config.kind === 'denoising'
        ? corrupt(samples.images, shape, noiseSpec(config.noiseType, config.noiseLevel, config.dataset), RUN_SEED)
        : undefined;
    st.setPreview({
      width: samples.width,
      height: samples.height,
      count: samples.count,
      inputs: samples.images,
      ...(corrupted ? { corrupted } : {}),
    });
  }
}
