import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/ml-worker/api';
import type { Engine } from '../../src/ml-worker/engine';
import type { MlWorkerApi, TrainProgress } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

describe('the exposed api object', () => {
  it('satisfies the contract and hands every big result array to transfer', async () => {
    const transferred: ArrayBuffer[] = [];
    const api: MlWorkerApi = createApi(engine, (value, list) => {
      transferred.push(...(list as ArrayBuffer[]));
      return value;
    });
    const { modelId } = await api.createModel(spec({ kind: 'vae', bottleneck: 2 }));
    const batch = await api.getImages('glyphs', 'all', 0, 4);
    expect(transferred).toEqual([batch.images.buffer, batch.labels.buffer]);
    const out = await api.reconstruct(modelId, batch.images);
    expect(transferred.at(-1)).toBe(out.buffer);
    const sample = await api.sample(modelId, 3, 1);
    expect(transferred.slice(-2)).toEqual([sample.codes.buffer, sample.images.buffer]);
    const pca = await api.pca('glyphs', 2);
    expect(transferred.slice(-4)).toEqual([
      pca.mean.buffer,
      pca.components.buffer,
      pca.eigenvalues.buffer,
      pca.explainedVarianceRatio.buffer,
    ]);
    const progress: TrainProgress[] = [];
    await api.train(modelId, config({ steps: 3, previewCount: 2 }), (p) => progress.push(p));
    const last = progress.at(-1) as TrainProgress;
    expect(transferred).toContain(last.preview?.outputs.buffer);
    expect(transferred).toContain(last.preview?.inputs.buffer);
  });

  it('results are fresh arrays: transferring one cannot detach engine state', async () => {
    const api = createApi(engine);
    const { modelId } = await api.createModel(spec());
    const a = await api.exportWeights(modelId);
    const b = await api.exportWeights(modelId);
    expect(a.data.buffer).not.toBe(b.data.buffer);
    const p1 = await api.pca('glyphs', 2);
    const p2 = await api.pca('glyphs', 2);
    expect(p1.components.buffer).not.toBe(p2.components.buffer);
  });
});
