/** Test support: an Engine on a tfjs Node backend (tools/node-engine.ts), model specs, configs, error checks. */
import { expect } from 'vitest';
import type { Engine } from '../../../src/ml-worker/engine';
import { MlError, type MlErrorCode } from '../../../src/shared/errors';
import type { BackendName, ModelSpec, TrainConfig } from '../../../src/shared/worker-api';
import { nodeEngine } from '../../../tools/node-engine';

export { readAsset } from '../../../tools/node-engine';

/** A fresh engine on `backend` ('cpu' unless speed matters). tfjs is global, so one backend per test file. */
export function testEngine(backend: BackendName = 'cpu'): Promise<Engine> {
  return nodeEngine(backend);
}

export function spec(overrides: Partial<ModelSpec> = {}): ModelSpec {
  return { kind: 'dense', dataset: 'glyphs', hidden: [32], bottleneck: 8, activation: 'relu', seed: 1, ...overrides };
}

let jobs = 0;
/** One small model of every kind (tests that must cover them all). */
export function specOfEveryKind(dense: ModelSpec = spec({ kind: 'dense' })): ModelSpec[] {
  return [
    dense,
    spec({ kind: 'conv', filters: [4] }),
    spec({ kind: 'denoising', noise: { type: 'gaussian', sigma: 0.3 } }),
    spec({ kind: 'vae', bottleneck: 2 }),
    spec({ kind: 'cvae', bottleneck: 2 }),
    spec({ kind: 'sparse', sparsity: { rho: 0.1, weight: 0.01 } }),
    spec({ kind: 'ksparse', k: 2 }),
    spec({ kind: 'vqvae', bottleneck: 4, vq: { codebookSize: 8, slots: 2, codeDim: 2 } }),
  ];
}

export function config(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    jobId: `job-${++jobs}`,
    steps: 50,
    batchSize: 16,
    optimizer: 'adam',
    learningRate: 0.01,
    loss: 'mse',
    seed: 7,
    progressIntervalMs: 0,
    previewCount: 0,
    ...overrides,
  };
}

/** Awaits `p` and checks it rejected with an MlError of `code` (whose message matches `words`, when given). */
export async function expectCode(p: Promise<unknown>, code: MlErrorCode, words?: RegExp): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlError);
  expect((error as MlError).code).toBe(code);
  if (words) expect((error as MlError).message).toMatch(words);
}
