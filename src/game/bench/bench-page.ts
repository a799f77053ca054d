/**
 * In-page half of `npm run bench` (test build only, loaded on demand by the test hooks): measures, through the
 * same bridge and worker the game uses, our training loop vs tfjs model.fit, decode round trips and main-thread
 * frames. scripts/bench.ts drives it from Node and prints the JSON.
 */
import type { ModelSpec } from '../../shared/worker-api';
import type { MlBridge } from '../ml/bridge';
import { testCall, type TestWorkerRemote } from '../ml/test-calls';
import { frameMeter, type FrameStats } from './frames';
import { nearestRankPercentile } from '../../shared/percentile';

export type { FrameStats } from './frames';

export interface BackendBench {
  backend: string;
  reason: string;
  isSoftwareGl: boolean;
  /** Threads WASM computed with (1: single-threaded build; null on other backends). */
  wasmThreads: number | null;
  train: { ourSamplesPerSecond: number; fitSamplesPerSecond: number; ratio: number; steps: number; batchSize: number };
  decode: { onePointP50Ms: number; onePointP95Ms: number; grid20P50Ms: number; grid20P95Ms: number };
  frames: { idle: FrameStats; training: FrameStats; fpsRatio: number };
  tensors: { before: number; after: number; steps: number };
}

export interface BenchOptions {
  trainSteps: number;
  batchSize: number;
  decodeRuns: number;
  memorySteps: number;
}

/** 784-256-32-256-784, the model the design's figures are measured on. */
export const BENCH_SPEC: ModelSpec = {
  kind: 'dense',
  dataset: 'mnist',
  hidden: [256],
  bottleneck: 32,
  activation: 'relu',
  seed: 7,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm-up (shader compilation, first allocation)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { p50: nearestRankPercentile(times, 50), p95: nearestRankPercentile(times, 95) };
}

export async function runBackendBench(bridge: MlBridge, opts: BenchOptions): Promise<BackendBench> {
  const init = await bridge.start();
  const call = <T>(fn: (api: TestWorkerRemote) => Promise<T>) => testCall(bridge, fn);
  const train = (modelId: string, steps: number, batchSize: number, jobId: string) =>
    call((api) =>
      api.train(modelId, { jobId, steps, batchSize, optimizer: 'adam', learningRate: 1e-3, loss: 'mse', seed: 1 }),
    );

  await sleep(500);
  const idleMeter = frameMeter();
  await sleep(3000);
  const idle = idleMeter.stop();

  const model = await call((api) => api.createModel(BENCH_SPEC));
  await train(model.modelId, 10, opts.batchSize, 'bench-warm');
  const trainMeter = frameMeter();
  const ours = await train(model.modelId, opts.trainSteps, opts.batchSize, 'bench-train');
  const training = trainMeter.stop();
  const fit = await call((api) => api.benchFit(BENCH_SPEC, opts.batchSize, opts.trainSteps));

  const one = new Float32Array(32);
  const decodeOne = await timeRuns(opts.decodeRuns, () => call((api) => api.decode(model.modelId, one.slice())));
  // As many grid runs as point runs: a p95 of 20 samples would be their second largest (nearest rank), one
  // hiccup of a shared machine; of 80 it is the fifth largest.
  const grid = await timeRuns(opts.decodeRuns, () =>
    call((api) => api.latentGrid(model.modelId, { xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, 20)),
  );

  const small = await call((api) =>
    api.createModel({ kind: 'dense', dataset: 'glyphs', hidden: [32], bottleneck: 4, activation: 'relu', seed: 3 }),
  );
  await train(small.modelId, 20, 32, 'bench-burn-in');
  const before = (await call((api) => api.memory())).numTensors;
  await train(small.modelId, opts.memorySteps, 32, 'bench-memory');
  const after = (await call((api) => api.memory())).numTensors;
  await call((api) => api.disposeModel(small.modelId));
  await call((api) => api.disposeModel(model.modelId));

  return {
    backend: init.backend,
    reason: init.reason,
    isSoftwareGl: init.isSoftwareGl,
    wasmThreads: init.wasmThreads ?? null,
    train: {
      ourSamplesPerSecond: ours.samplesPerSecond,
      fitSamplesPerSecond: fit.samplesPerSecond,
      ratio: ours.samplesPerSecond / fit.samplesPerSecond,
      steps: opts.trainSteps,
      batchSize: opts.batchSize,
    },
    decode: {
      onePointP50Ms: decodeOne.p50,
      onePointP95Ms: decodeOne.p95,
      grid20P50Ms: grid.p50,
      grid20P95Ms: grid.p95,
    },
    frames: { idle, training, fpsRatio: idle.fps > 0 ? training.fps / idle.fps : 0 },
    tensors: { before, after, steps: opts.memorySteps },
  };
}
