/**
 * The worker's test-build calls (e2e tests and `npm run bench`) and their types, apart from the shipped contract in
 * worker-api.ts (which re-exports them).
 */
import type { BackendName, LossName, ModelSpec, OptimizerName } from './worker-api';

export interface BenchFitOptions {
  optimizer?: OptimizerName;
  learningRate?: number;
  loss?: LossName;
}

export interface BenchResult {
  backend: BackendName;
  samplesPerSecond: number;
  steps: number;
}

/**
 * Calls the worker answers only in the test build (`__LQ_TEST_HOOKS__`: e2e tests and `npm run bench`); the
 * shipped worker does not have them.
 */
export interface MlWorkerTestApi {
  /** Benchmark support: tfjs model.fit on the same (dense) model, same batch, for `steps` steps (default Adam 1e-3, MSE). */
  benchFit(spec: ModelSpec, batchSize: number, steps: number, options?: BenchFitOptions): Promise<BenchResult>;
  /** Test support: lose the WebGL context (WEBGL_lose_context) as a driver crash would. */
  loseWebGlContext(): Promise<boolean>;
}
