/**
 * The bridge against an in-process fake worker (a MessageChannel with Comlink on both ends): lazy start,
 * superseded jobs, typed errors, crash recovery with checkpoint restore, and giving up on a crash loop.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MlError } from '../../src/shared/errors';
import type {
  InitResult,
  ModelSpec,
  ProgressCallback,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from '../../src/shared/worker-api';
import { MlBridge, type RestartReport } from '../../src/game/ml/bridge';

const INIT: InitResult = {
  backend: 'wasm',
  renderer: 'SwiftShader',
  isSoftwareGl: true,
  reason: 'test',
  why: { kind: 'autoFallback', backend: 'wasm', cause: 'softwareGl', renderer: 'SwiftShader' },
  version: '0',
};
const SPEC: ModelSpec = { kind: 'dense', dataset: 'glyphs', hidden: [8], bottleneck: 2, activation: 'relu', seed: 1 };

interface Job {
  config: TrainConfig;
  onProgress?: ProgressCallback;
  finish(result: Partial<TrainResult>): void;
}

/** One fake worker "process": its API object, the calls it saw, and a Worker-shaped endpoint. */
function fakeWorker(log: string[], jobs: Job[]) {
  const { port1, port2 } = new MessageChannel();
  const api = {
    init: async (o: { backend: string }) => (log.push(`init:${o.backend}`), INIT),
    createModel: async (spec: ModelSpec, options?: { id?: string }) => {
      log.push(`createModel:${options?.id}`);
      if (spec.bottleneck === 0)
        throw new MlError('INVALID_SPEC', 'The bottleneck must be a whole number from 1 to 64.');
      return { modelId: options?.id ?? 'x', spec, paramCount: 10, inputSize: 35, latentSize: spec.bottleneck };
    },
    loadWeights: async (id: string, key: string) => (log.push(`loadWeights:${id}:${key}`), true),
    train: (modelId: string, config: TrainConfig, onProgress?: ProgressCallback) =>
      new Promise<TrainResult>((resolve) => {
        log.push(`train:${config.jobId}:${config.checkpointKey}`);
        jobs.push({
          config,
          onProgress,
          finish: (r) =>
            resolve({
              jobId: config.jobId,
              reason: 'completed',
              message: '',
              end: { kind: 'completed', steps: 1, epochs: 1 },
              steps: 1,
              epochs: 1,
              finalLoss: { total: 1, reconstruction: 1, mse: 1 },
              samplesPerSecond: 1,
              elapsedMs: 1,
              backend: 'wasm',
              notices: [],
              events: [],
              ...r,
            }),
        });
      }),
    cancel: async (jobId: string) => {
      log.push(`cancel:${jobId}`);
      jobs.find((j) => j.config.jobId === jobId)?.finish({ reason: 'cancelled' });
      return true;
    },
  };
  Comlink.expose(api, port2);
  const endpoint = Object.assign(port1, {
    terminate: () => {
      log.push('terminate');
      port1.close();
      port2.close();
    },
  });
  return endpoint as unknown as Worker;
}

const bridges: MlBridge[] = [];
afterEach(() => {
  for (const b of bridges.splice(0)) b.dispose();
});

function setup(maxCrashes = 4) {
  const log: string[] = [];
  const jobs: Job[] = [];
  const workers: Worker[] = [];
  const bridge = new MlBridge({
    backend: () => 'wasm',
    assetBase: 'http://localhost/',
    maxCrashes,
    createWorker: () => {
      const w = fakeWorker(log, jobs);
      workers.push(w);
      return w;
    },
  });
  bridges.push(bridge);
  return { bridge, log, jobs, workers };
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('MlBridge', () => {
  it('starts the worker lazily and inits it with the backend preference', async () => {
    const { bridge, log, workers } = setup();
    expect(workers.length).toBe(0);
    await bridge.createModel(SPEC);
    expect(workers.length).toBe(1);
    expect(log[0]).toBe('init:wasm');
  });

  it('revives thrown MlErrors with their code', async () => {
    const { bridge } = setup();
    const error = await bridge.createModel({ ...SPEC, bottleneck: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlError);
    expect((error as MlError).code).toBe('INVALID_SPEC');
  });

  it('supersedes a running job: the old promise rejects with JOB_SUPERSEDED and the worker cancels it', async () => {
    const { bridge, log, jobs } = setup();
    const model = await bridge.createModel(SPEC);
    const first = bridge.train(
      model.modelId,
      { steps: 10, batchSize: 4, optimizer: 'adam', learningRate: 0.01, loss: 'mse', seed: 1 },
      () => undefined,
    );
    await until(() => jobs.length === 1);
    const second = bridge.train(
      model.modelId,
      { steps: 10, batchSize: 4, optimizer: 'adam', learningRate: 0.01, loss: 'mse', seed: 1 },
      () => undefined,
    );
    await expect(first).rejects.toMatchObject({ code: 'JOB_SUPERSEDED' });
    await until(() => jobs.length === 2);
    expect(log).toContain(`cancel:${jobs[0].config.jobId}`);
    expect(jobs[0].config.checkpointKey).toBe(`checkpoint:${model.modelId}`);
    expect(jobs[0].config.checkpointIntervalMs).toBeGreaterThan(0);
    jobs[1].finish({});
    await expect(second).resolves.toMatchObject({ reason: 'completed' });
  });

  it('an aborted signal supersedes its job: the promise rejects JOB_SUPERSEDED and the worker cancels it', async () => {
    const { bridge, log, jobs } = setup();
    const model = await bridge.createModel(SPEC);
    const options = { steps: 10, batchSize: 4, optimizer: 'adam', learningRate: 0.01, loss: 'mse', seed: 1 } as const;
    const controller = new AbortController();
    const job = bridge.train(model.modelId, options, () => undefined, { signal: controller.signal });
    await until(() => jobs.length === 1);
    expect(bridge.activeJobId).toBe(jobs[0].config.jobId);
    controller.abort();
    await expect(job).rejects.toMatchObject({ code: 'JOB_SUPERSEDED' });
    await until(() => log.includes(`cancel:${jobs[0].config.jobId}`));
    expect(bridge.activeJobId).toBeNull();
    // Already aborted: no job starts at all.
    await expect(bridge.train(model.modelId, options, () => undefined, { signal: controller.signal })).rejects.toThrow(
      /Superseded/,
    );
    expect(jobs).toHaveLength(1);
  });

  it('survives a crash: in-flight calls reject, models are re-created and their checkpoint restored', async () => {
    const { bridge, log, jobs, workers } = setup();
    const model = await bridge.createModel(SPEC);
    const progress = vi.fn();
    const job = bridge.train(
      model.modelId,
      { steps: 100, batchSize: 4, optimizer: 'adam', learningRate: 0.01, loss: 'mse', seed: 1 },
      progress,
    );
    await until(() => jobs.length === 1);
    await jobs[0].onProgress?.({ jobId: jobs[0].config.jobId, step: 40, checkpointStep: 34 } as TrainProgress);
    await until(() => progress.mock.calls.length === 1);
    const restarted = new Promise<RestartReport>((r) => bridge.events.on('restarted', r));
    bridge.kill();
    await expect(job).rejects.toMatchObject({ code: 'WORKER_CRASHED' });
    const report = await restarted;
    expect(workers.length).toBe(2);
    expect(report.restored.get(model.modelId)).toBe(34);
    expect(log).toContain(`createModel:${model.modelId}`);
    expect(log).toContain(`loadWeights:${model.modelId}:checkpoint:${model.modelId}`);
    expect(bridge.status).toBe('ready');
    expect(bridge.isAlive()).toBe(true);
  });

  it('treats a worker error event as a crash', async () => {
    const { bridge, workers } = setup();
    await bridge.start();
    const crashed = new Promise<string>((r) => bridge.events.on('crashed', r));
    workers[0].dispatchEvent(new Event('error'));
    expect(await crashed).toMatch(/failed/);
    await until(() => workers.length === 2 && bridge.status === 'ready');
  });

  it('gives up after repeated crashes instead of looping', async () => {
    const { bridge } = setup(2);
    await bridge.start();
    const failed = new Promise<string>((r) => bridge.events.on('failed', r));
    bridge.kill();
    await until(() => bridge.status === 'ready');
    bridge.kill();
    expect(await failed).toMatch(/2 times/);
    await expect(bridge.start()).rejects.toMatchObject({ code: 'WORKER_CRASHED' });
  });
});
