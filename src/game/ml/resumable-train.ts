/**
 * The one owner of crash-resume, used by the level's trained play and the Lab's training controller: a training
 * job that the ML worker dies under continues on the restarted worker from the checkpoint it restored, with the
 * same config for the remaining steps. Steps and elapsed time stay absolute across the resume.
 */
import { MlError } from '../../shared/errors';
import type { TrainProgress, TrainResult } from '../../shared/worker-api';
import { abortable, abortError } from './abortable';
import type { MlPort, RestartReport, TrainOptions } from './ml-port';

export type ResumeDecision = { kind: 'resume'; fromStep: number; steps: number } | { kind: 'noCheckpoint' | 'again' };

/**
 * Pure: after a restart, where the run can continue. `restoredStep` is the restart report's entry for the run's
 * model (undefined: the new worker does not know the model; null: it has no checkpoint of it).
 */
export function resumePoint(
  restoredStep: number | null | undefined,
  totalSteps: number | null,
  resumedBefore: boolean,
): ResumeDecision {
  if (resumedBefore) return { kind: 'again' };
  if (restoredStep === null || restoredStep === undefined || totalSteps === null || totalSteps <= 0)
    return { kind: 'noCheckpoint' };
  const fromStep = Math.min(restoredStep, totalSteps);
  // A checkpoint taken at the very last step still trains one step: the worker's train() needs at least one.
  return { kind: 'resume', fromStep, steps: Math.max(1, totalSteps - fromStep) };
}

/** Resolves with the next restart report, or null when the bridge gives up or stops instead. */
export function nextRestart(port: Pick<MlPort, 'status' | 'events'>): Promise<RestartReport | null> {
  if (port.status !== 'restarting') return Promise.resolve(null);
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    const done = (report: RestartReport | null): void => {
      for (const off of offs) off();
      resolve(report);
    };
    offs.push(
      port.events.on('restarted', (report) => done(report)),
      port.events.on('failed', () => done(null)),
      port.events.on('status', (status) => {
        if (status === 'stopped' || status === 'failed') done(null);
      }),
    );
  });
}

export interface ResumableHooks {
  /** A progress event of the job that started at `offset` steps, after `elapsedBase` ms of earlier jobs. */
  onProgress(p: TrainProgress, offset: number, elapsedBase: number): void;
  /** True while the crashed job waits for the restarted worker; false once it knows. */
  onWaiting?(waiting: boolean): void;
  /** The run continues from `fromStep` (the worker died at `crashStep`). */
  onResumed?(fromStep: number, crashStep: number): void;
}

export type ResumableOutcome =
  | { kind: 'finished'; result: TrainResult }
  /** The run cannot continue: the bridge gave up ('failed'), no checkpoint, or a second crash ('again'). */
  | { kind: 'stopped'; reason: 'failed' | 'noCheckpoint' | 'again'; crashStep: number };

export interface ResumableOptions {
  signal?: AbortSignal;
  /** Where to continue after a restart (default `resumePoint`: once per run, from a checkpoint only). */
  decide?: (
    restoredStep: number | null | undefined,
    totalSteps: number | null,
    resumedBefore: boolean,
  ) => ResumeDecision;
}

function crashed(error: unknown): boolean {
  return error instanceof MlError && error.code === 'WORKER_CRASHED';
}

/**
 * One training job, continued after each worker crash the `decide` rule allows. Rejects with an AbortError when
 * `signal` aborts, and with the job's own error otherwise; the result's steps and time cover the whole run.
 */
export async function trainResumable(
  port: MlPort,
  modelId: string,
  config: TrainOptions,
  hooks: ResumableHooks,
  { signal, decide = resumePoint }: ResumableOptions = {},
): Promise<ResumableOutcome> {
  let offset = 0;
  let elapsedBase = 0;
  let jobConfig = config;
  let resumed = false;
  let last: { step: number; total: number; elapsed: number } | null = null;
  for (;;) {
    const base = { offset, elapsedBase };
    try {
      const result = await port.train(
        modelId,
        jobConfig,
        (p) => {
          if (signal?.aborted) return;
          last = {
            step: base.offset + p.step,
            total: base.offset + p.totalSteps,
            elapsed: base.elapsedBase + p.elapsedMs,
          };
          hooks.onProgress(p, base.offset, base.elapsedBase);
        },
        { stepOffset: offset, ...(signal ? { signal } : {}) },
      );
      return {
        kind: 'finished',
        result: { ...result, steps: offset + result.steps, elapsedMs: elapsedBase + result.elapsedMs },
      };
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (!crashed(error)) throw error;
      const seen = last as { step: number; total: number; elapsed: number } | null;
      const crashStep = seen?.step ?? offset;
      hooks.onWaiting?.(true);
      const report = await abortable(signal, nextRestart(port)).finally(() => hooks.onWaiting?.(false));
      if (!report) return { kind: 'stopped', reason: 'failed', crashStep };
      const point = decide(report.restored.get(modelId), seen?.total ?? null, resumed);
      if (point.kind !== 'resume') return { kind: 'stopped', reason: point.kind, crashStep };
      resumed = true;
      offset = point.fromStep;
      elapsedBase = seen?.elapsed ?? elapsedBase;
      if (seen) last = { ...seen, step: offset };
      // Steps win over epochs in TrainConfig: the remaining part of the same run, whatever the plan counted in.
      jobConfig = { ...config, steps: point.steps };
      hooks.onResumed?.(offset, crashStep);
    }
  }
}
