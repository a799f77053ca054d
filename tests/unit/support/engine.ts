/** Test support: an Engine on a tfjs Node backend, reading the generated assets from disk. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { Engine } from '../../../src/ml-worker/engine';
import { MemoryWeightsStore } from '../../../src/ml-worker/weights-store';
import { MlError, type MlErrorCode } from '../../../src/shared/errors';
import type { BackendName, ModelSpec, TrainConfig } from '../../../src/shared/worker-api';

// Quiet tfjs' "install tfjs-node" banner in test output.
tf.env().set('PROD', true);

const assetsDir = fileURLToPath(new URL('../../../assets/', import.meta.url));

export async function readAsset(path: string): Promise<ArrayBuffer> {
  const bytes = await readFile(assetsDir + path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A fresh engine on `backend` ('cpu' unless speed matters). tfjs is global, so one backend per test file. */
export async function testEngine(backend: BackendName = 'cpu'): Promise<Engine> {
  const engine = new Engine({ fetchAsset: readAsset, weightsStore: new MemoryWeightsStore() });
  const init = await engine.init({ backend, assetBase: '' });
  if (init.backend !== backend) throw new Error(`tfjs backend ${backend} did not start: ${init.reason}`);
  return engine;
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
