/**
 * A level's training run survives an ML worker crash: the session continues from the checkpoint the restarted
 * worker restored (same plan, same seed, the remaining steps), tells the player, then measures and scores as
 * usual; when it cannot continue (no checkpoint, a second crash, the bridge gave up) it says so and is ready to
 * train again. The bridge here is a real engine (tfjs CPU) behind the MlBridge surface the session uses, with a
 * crash injected the way the bridge reports one: in-flight calls reject WORKER_CRASHED while the status is
 * 'restarting', then 'restarted' carries the restored checkpoint step per model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { interruptionLines, interruptionText } from '../../src/game/level/plays/interruption';
import { TrainedPlay } from '../../src/game/level/plays/trained-play';
import { LevelSession } from '../../src/game/level/shell/level-session';
import { Emitter } from '../../src/game/emitter';
import type { BridgeEvents, BridgeStatus, MlPort, TrainCall, TrainOptions } from '../../src/game/ml/ml-port';
import { resumePoint } from '../../src/game/ml/resumable-train';
import { getLevel, resolveControlValues, type TrainedSetup } from '../../src/shared/levels';
import { MlError } from '../../src/shared/errors';
import type { TrainConfig, TrainProgress } from '../../src/shared/worker-api';
import type { Engine } from '../../src/ml-worker/engine';
import { testEngine } from './support/engine';

const LEVEL = getLevel('squeeze-the-alphabet')!;

describe('resumePoint (pure)', () => {
  it('continues from the restored checkpoint for the remaining steps', () => {
    expect(resumePoint(400, 1000, false)).toEqual({ kind: 'resume', fromStep: 400, steps: 600 });
    // A checkpoint at the last step still runs one step (train() needs at least one).
    expect(resumePoint(1000, 1000, false)).toEqual({ kind: 'resume', fromStep: 1000, steps: 1 });
  });

  it('cannot continue without a checkpoint, without a known length, or a second time', () => {
    expect(resumePoint(null, 1000, false)).toEqual({ kind: 'noCheckpoint' });
    expect(resumePoint(undefined, 1000, false)).toEqual({ kind: 'noCheckpoint' });
    expect(resumePoint(400, null, false)).toEqual({ kind: 'noCheckpoint' });
    expect(resumePoint(400, 1000, true)).toEqual({ kind: 'again' });
  });

  it('words each outcome for the player', () => {
    expect(interruptionText({ kind: 'resumed', crashStep: 700, fromStep: 400 })).toBe(
      'The ML worker stopped and was restarted; training continues from step 400.',
    );
    expect(interruptionText({ kind: 'noCheckpoint', crashStep: 10, fromStep: null })).toBe(
      'The ML worker stopped and was restarted. No checkpoint yet to continue from: press Train again.',
    );
    expect(interruptionText({ kind: 'again', crashStep: 10, fromStep: null })).toMatch(/second time.*Train/);
    expect(interruptionText({ kind: 'failed', crashStep: 10, fromStep: null })).toMatch(/reload the page/);
    // Phones: each line of the progress bar stays short.
    for (const kind of ['resumed', 'noCheckpoint', 'again', 'measuring', 'failed'] as const) {
      const lines = interruptionLines({ kind, crashStep: 2500, fromStep: 2400 }, true);
      expect(lines.title.length, kind).toBeLessThanOrEqual(46);
      expect(lines.detail.length, kind).toBeLessThanOrEqual(57);
    }
  });
});

/** The MlPort over a real engine, with `crashAt` crashes injected into train jobs as the bridge reports them. */
class CrashingBridge implements MlPort {
  readonly events = new Emitter<BridgeEvents>();
  status: BridgeStatus = 'ready';
  activeJobId: string | null = null;
  readonly jobs: TrainConfig[] = [];
  private jobSeq = 0;
  private readonly checkpoints = new Map<string, number>();

  /** `crashes[i]`: the i-th train job dies once the worker has checkpointed at least this step (null: never). */
  constructor(
    private readonly engine: Engine,
    private readonly crashes: (number | null)[],
    private readonly restoreCheckpoint = true,
  ) {}

  loadDataset = (name: Parameters<Engine['loadDataset']>[0]) => this.engine.loadDataset(name);
  getImages: Engine['getImages'] = (...a) => this.engine.getImages(...a);
  createModel: Engine['createModel'] = (spec) => this.engine.createModel(spec);
  warmKernels: Engine['warmKernels'] = (spec, options) => this.engine.warmKernels(spec, options);
  disposeModel = async (id: string): Promise<void> => void (await this.engine.disposeModel(id));
  reconstruct: Engine['reconstruct'] = (...a) => this.engine.reconstruct(...a);
  exportWeights: Engine['exportWeights'] = (...a) => this.engine.exportWeights(...a);
  encode: Engine['encode'] = (...a) => this.engine.encode(...a);
  encodeDistribution: Engine['encodeDistribution'] = (...a) => this.engine.encodeDistribution(...a);
  decode: Engine['decode'] = (...a) => this.engine.decode(...a);
  evaluate: Engine['evaluate'] = (...a) => this.engine.evaluate(...a);
  encodeCodes: Engine['encodeCodes'] = (...a) => this.engine.encodeCodes(...a);
  decodeCodes: Engine['decodeCodes'] = (...a) => this.engine.decodeCodes(...a);
  cancel = (jobId: string) => this.engine.cancel(jobId);
  pca: Engine['pca'] = (...a) => this.engine.pca(...a);
  classify: Engine['classify'] = (...a) => this.engine.classify(...a);
  loadPretrained: Engine['loadPretrained'] = (...a) => this.engine.loadPretrained(...a);

  async train(
    modelId: string,
    options: TrainOptions,
    onProgress: (p: TrainProgress) => void,
    { stepOffset = 0 }: TrainCall = {},
  ) {
    const jobId = `job-${++this.jobSeq}`;
    const crashAt = this.crashes[this.jobSeq - 1] ?? null;
    const key = `checkpoint:${modelId}`;
    // Checkpoint on every report, so a crash always has a recent one to resume from.
    const config: TrainConfig = {
      ...options,
      jobId,
      checkpointKey: key,
      checkpointIntervalMs: 1,
      progressIntervalMs: 0,
    };
    this.jobs.push(config);
    this.activeJobId = jobId;
    let crashed = false;
    const job = this.engine.train(modelId, config, (p) => {
      if (crashed) return;
      if (p.checkpointStep !== undefined) this.checkpoints.set(modelId, stepOffset + p.checkpointStep);
      onProgress(p);
      if (crashAt !== null && (p.checkpointStep ?? -1) >= crashAt) {
        crashed = true;
        void this.engine.cancel(jobId);
      }
    });
    const result = await job;
    this.activeJobId = null;
    if (!crashed) return result;
    // The worker "dies": the call rejects while the bridge restarts, then the model comes back from its checkpoint.
    this.status = 'restarting';
    setTimeout(() => {
      void (async () => {
        const found = this.restoreCheckpoint && (await this.engine.loadWeights(modelId, key));
        this.status = 'ready';
        this.events.emit('restarted', {
          init: {} as never,
          restored: new Map([[modelId, found ? (this.checkpoints.get(modelId) ?? 0) : null]]),
          cause: 'test crash',
        });
      })();
    }, 20);
    throw new MlError('WORKER_CRASHED', 'The ML worker stopped unexpectedly (test crash).');
  }
}

describe('a level session through a worker crash', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  const values = { bottleneck: 4, width: 32, steps: 500 };

  /** A 500-step run of LEVEL on a bridge that crashes at `crashes` (see CrashingBridge). */
  async function crashedRun(
    crashes: (number | null)[],
    restoreCheckpoint = true,
  ): Promise<{ bridge: CrashingBridge; session: LevelSession; play: TrainedPlay }> {
    const bridge = new CrashingBridge(engine, crashes, restoreCheckpoint);
    const { session, play } = trainedSession(bridge);
    session.start();
    play.setValue('steps', 500);
    await play.train();
    return { bridge, session, play };
  }

  function trainedSession(bridge: MlPort): { session: LevelSession; play: TrainedPlay } {
    const session = new LevelSession(LEVEL, bridge, (h) => new TrainedPlay(h, LEVEL.setup as TrainedSetup));
    return { session, play: session.play as TrainedPlay };
  }

  it('continues from the checkpoint with the same plan and seed, finishes, and scores with the pure scorer', async () => {
    const bridge = new CrashingBridge(engine, [150, null]);
    const { session, play } = trainedSession(bridge);
    session.start();
    for (const [id, v] of Object.entries(values)) play.setValue(id, v);
    const seen: { step: number; interrupted: boolean }[] = [];
    session.events.on(
      'change',
      () => play.progress && seen.push({ step: play.progress.step, interrupted: play.interruption !== null }),
    );
    await play.train();

    expect(session.error).toBeNull();
    expect(session.status).toBe('done');
    expect(bridge.jobs).toHaveLength(2);
    const [first, second] = bridge.jobs;
    const from = play.interruption?.fromStep ?? -1;
    expect(play.interruption?.kind).toBe('resumed');
    expect(from).toBeGreaterThanOrEqual(150);
    expect(from).toBeLessThan(500);
    expect(play.interruption!.crashStep).toBeGreaterThanOrEqual(from);
    // Same plan and seed; only the remaining steps.
    const setup = LEVEL.setup as TrainedSetup;
    const plan = setup.plan(resolveControlValues(LEVEL.controls, values), setup.seed);
    expect(first.steps).toBe(500);
    expect(second.steps).toBe(500 - from);
    const { steps: _a, jobId: _b, ...firstRest } = first;
    const { steps: _c, jobId: _d, ...secondRest } = second;
    expect(secondRest).toEqual(firstRest);
    expect(second.seed).toBe(plan.config.seed);
    // After the resume the step count continues past the checkpoint, never from 0, and ends at the full run.
    const afterResume = seen.filter((s) => s.interrupted).map((s) => s.step);
    expect(afterResume.length).toBeGreaterThan(0);
    expect(Math.min(...afterResume)).toBeGreaterThanOrEqual(from);
    expect(play.progress?.step).toBe(500);
    expect(play.progress?.totalSteps).toBe(500);
    expect(play.lossHistory.every((p, i, a) => i === 0 || p.step > a[i - 1].step)).toBe(true);
    // Scored as usual.
    const r = session.result!;
    expect(r.evaluation.glyphWrongPixels).toHaveLength(26);
    expect(LEVEL.score(r.payload, r.evaluation)).toEqual({
      score: r.score,
      stars: r.stars,
      goalMet: r.goalMet,
      detail: r.detail,
    });
    session.dispose();
  }, 60_000);

  it('says so and is ready to train again when there is no checkpoint to continue from', async () => {
    const { bridge, session, play } = await crashedRun([100], false);
    expect(bridge.jobs).toHaveLength(1);
    expect(session.status).toBe('idle');
    expect(session.result).toBeNull();
    expect(play.interruption?.kind).toBe('noCheckpoint');
    expect(session.message).toBe(interruptionText(play.interruption!));
    session.dispose();
  }, 60_000);

  it('resumes once: a second crash in the same run ends it with a clear message', async () => {
    const { bridge, session, play } = await crashedRun([100, 50]);
    expect(bridge.jobs).toHaveLength(2);
    expect(session.status).toBe('idle');
    expect(play.interruption?.kind).toBe('again');
    expect(session.message).toMatch(/second time/);
    // Ready to train again: the next Train starts a clean run that completes.
    await play.train();
    expect(bridge.jobs).toHaveLength(3);
    expect(bridge.jobs[2].steps).toBe(500);
    expect(session.status).toBe('done');
    expect(play.interruption).toBeNull();
    session.dispose();
  }, 60_000);
});
