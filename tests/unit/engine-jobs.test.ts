import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import type { TrainProgress } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('training jobs', () => {
  it('cancel stops a job early with reason "cancelled"', async () => {
    const { modelId } = await engine.createModel(spec());
    const c = config({ steps: 100_000, progressIntervalMs: 20 });
    let progressEvents = 0;
    const done = engine.train(modelId, c, () => {
      if (++progressEvents === 3) void engine.cancel(c.jobId);
    });
    const result = await done;
    expect(result.reason).toBe('cancelled');
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThan(100_000);
    expect(result.message).toMatch(/stopped at step/);
    // The job is over: cancel/pause are a harmless false now.
    expect(await engine.cancel(c.jobId)).toBe(false);
    expect(await engine.pause(c.jobId)).toBe(false);
  });

  it('cancel right after train() stops before the first step', async () => {
    const { modelId } = await engine.createModel(spec());
    const c = config({ steps: 1000 });
    const done = engine.train(modelId, c);
    expect(await engine.cancel(c.jobId)).toBe(true);
    const result = await done;
    expect(result.reason).toBe('cancelled');
    expect(result.steps).toBe(0);
  });

  it('pause holds the job (no steps, no progress), resume finishes it', async () => {
    const { modelId } = await engine.createModel(spec());
    const c = config({ steps: 400, progressIntervalMs: 10 });
    const events: TrainProgress[] = [];
    const done = engine.train(modelId, c, (p) => events.push(p));
    while (events.length < 2) await sleep(5);
    expect(await engine.pause(c.jobId)).toBe(true);
    expect(await engine.pause(c.jobId)).toBe(false);
    await sleep(50);
    const heldAt = events.length;
    const heldStep = events.at(-1)?.step;
    await sleep(150);
    expect(events.length).toBe(heldAt);
    expect(events.at(-1)?.step).toBe(heldStep);
    expect(await engine.resume(c.jobId)).toBe(true);
    const result = await done;
    expect(result.reason).toBe('completed');
    expect(result.steps).toBe(400);
    expect(events.length).toBeGreaterThan(heldAt);
  });

  it('progress is throttled and carries step, epochs, ETA and previews', async () => {
    const { modelId } = await engine.createModel(
      spec({ kind: 'denoising', noise: { type: 'masking', fraction: 0.4 } }),
    );
    const events: TrainProgress[] = [];
    const result = await engine.train(
      modelId,
      config({ steps: undefined, epochs: 20, batchSize: 10, progressIntervalMs: 1000, previewCount: 3 }),
      (p) => events.push(p),
    );
    // 46 glyphs in batches of 10: 5 steps per epoch.
    expect(result.steps).toBe(100);
    expect(result.epochs).toBe(20);
    // A fast job: the first and the last step report, the throttle swallows the rest.
    expect(events.length).toBeLessThanOrEqual(4);
    // The first step's event already has an ETA (from that step's own time), not a blank one.
    expect(events[0].step).toBe(1);
    expect(events[0].etaMs).toBeGreaterThan(0);
    const last = events.at(-1) as TrainProgress;
    expect(last.step).toBe(100);
    expect(last.totalSteps).toBe(100);
    expect(last.etaMs).toBe(0);
    expect(last.preview?.count).toBe(3);
    expect(last.preview?.inputs.length).toBe(3 * 35);
    expect(last.preview?.corrupted?.length).toBe(3 * 35);
    expect(last.preview?.outputs.length).toBe(3 * 35);
    expect(Array.from(last.preview?.corrupted ?? [])).not.toEqual(Array.from(last.preview?.inputs ?? []));
  });

  it('one job per model; a job id cannot be reused while running', async () => {
    const { modelId } = await engine.createModel(spec());
    const other = await engine.createModel(spec());
    const c = config({ steps: 100_000 });
    const done = engine.train(modelId, c);
    await expect(engine.train(modelId, config())).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.train(other.modelId, config({ jobId: c.jobId }))).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
    await engine.cancel(c.jobId);
    expect((await done).reason).toBe('cancelled');
  });

  it('checkpoints are saved under the checkpoint key and can be loaded back', async () => {
    const { modelId } = await engine.createModel(spec());
    const events: TrainProgress[] = [];
    await engine.train(modelId, config({ steps: 30, checkpointIntervalMs: 1, checkpointKey: 'ckpt-test' }), (p) =>
      events.push(p),
    );
    expect(events.some((p) => p.checkpointStep !== undefined)).toBe(true);
    const fresh = await engine.createModel(spec({ seed: 99 }));
    expect(await engine.loadWeights(fresh.modelId, 'ckpt-test')).toBe(true);
    expect(await engine.loadWeights(fresh.modelId, 'nothing-here')).toBe(false);
  });

  it('disposing a model cancels its running job', async () => {
    const { modelId } = await engine.createModel(spec());
    const done = engine.train(modelId, config({ steps: 100_000 }));
    await sleep(20);
    await engine.disposeModel(modelId);
    expect((await done).reason).toBe('cancelled');
    await expect(engine.reconstruct(modelId, new Float32Array(35))).rejects.toMatchObject({ code: 'UNKNOWN_MODEL' });
  });
});
