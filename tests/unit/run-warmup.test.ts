import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { WARM_UP_STEPS, warmRun } from '../../src/ml-worker/run-warmup';
import type { ModelSpec, TrainConfig } from '../../src/shared/worker-api';
import { config, expectCode, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

describe('the warm-up before the first Train (run-warmup.ts)', () => {
  it('trains a throwaway copy of the run for two steps through the engine, then frees it: no tensor left', async () => {
    await engine.loadDataset('glyphs');
    const runs: { modelId: string; config: TrainConfig; steps: number }[] = [];
    const created: string[] = [];
    const disposed: string[] = [];
    const warm = () =>
      warmRun(
        {
          createModel: async (s: ModelSpec, o) => {
            const info = await engine.createModel(s, o);
            created.push(info.modelId);
            return info;
          },
          disposeModel: async (id) => {
            disposed.push(id);
            await engine.disposeModel(id);
          },
          runJob: async (id, c, p) => {
            const result = await engine.train(id, c, p);
            runs.push({ modelId: id, config: c, steps: result.steps });
            return result;
          },
        },
        spec({ kind: 'vae', bottleneck: 2 }),
        { ...config({ epochs: 5, steps: undefined, previewCount: 8, checkpointIntervalMs: 500 }) },
      );
    // The first warm-up leaves the run's data on the device (the engine's cache, which the real run reuses).
    await warm();
    const before = (await engine.memory()).numTensors;
    await warm();
    expect(runs).toHaveLength(2);
    expect(runs[0].steps).toBe(WARM_UP_STEPS);
    // Never the player's checkpoints, never a long run.
    expect(runs[0].config.checkpointIntervalMs).toBeUndefined();
    expect(runs[0].config.epochs).toBeUndefined();
    expect(disposed).toEqual(created);
    expect((await engine.memory()).numTensors).toBe(before);
  });

  it('on WASM the engine warms up once per worker, through the real loop, leaving no tensor', async () => {
    const wasm = await testEngine('wasm');
    await wasm.loadDataset('glyphs');
    // The device cache keeps the run's data (the real run reuses it): measure from the second request on.
    expect(await wasm.warmKernels(spec(), config())).toBe(true);
    const before = (await wasm.memory()).numTensors;
    expect(await wasm.warmKernels(spec(), config())).toBe(false);
    expect((await wasm.memory()).numTensors).toBe(before);
    await tf.setBackend('cpu');
  });

  it('a backend switch during a warm-up waits for its few steps instead of refusing as if the player trained', async () => {
    const wasm = await testEngine('wasm');
    await wasm.loadDataset('glyphs');
    const before = (await wasm.memory()).numTensors;
    const warming = wasm.warmKernels(spec(), config());
    // Switch once the warm-up's model exists and its job has started (its weights are on the backend).
    while ((await wasm.memory()).numTensors === before) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 0));
    const switched = await wasm.init({ backend: 'cpu', assetBase: '' });
    expect(await warming).toBe(true);
    expect(switched.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('the engine warms nothing on the CPU backend, and rejects a bad spec with a clear message', async () => {
    const before = (await engine.memory()).numTensors;
    expect(await engine.warmKernels(spec(), config())).toBe(false);
    expect((await engine.memory()).numTensors).toBe(before);
    await expectCode(
      warmRun(
        {
          createModel: (s, o) => engine.createModel(s, o),
          disposeModel: (id) => engine.disposeModel(id),
          runJob: (id, c, p) => engine.train(id, c, p),
        },
        spec({ bottleneck: -3 }),
        config(),
      ),
      'INVALID_SPEC',
    );
    expect((await engine.memory()).numTensors).toBe(before);
    expect(tf.getBackend()).toBe('cpu');
  });
});
