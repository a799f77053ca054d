import { MlError } from '../../src/shared/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerMlErrorTransfer } from '../../src/ml-worker/comlink-errors';
import { Engine } from '../../src/ml-worker/engine';
import type { DatasetName } from '../../src/shared/worker-api';
import * as Comlink from 'comlink';
import { config, expectCode, readAsset, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

describe('bad input gives typed errors a player can read', () => {
  it('bad specs: bottleneck 0, too wide, unknown kind, k above the bottleneck, rho out of range', async () => {
    await expectCode(
      engine.createModel(spec({ bottleneck: 0 })),
      'INVALID_SPEC',
      /bottleneck must be a whole number from 1 to 64/,
    );
    await expectCode(engine.createModel(spec({ bottleneck: 2.5 })), 'INVALID_SPEC', /bottleneck/);
    await expectCode(engine.createModel(spec({ hidden: [0] })), 'INVALID_SPEC', /hidden width/);
    await expectCode(engine.createModel(spec({ kind: 'gan' as never })), 'INVALID_SPEC', /not a model type/);
    await expectCode(engine.createModel(spec({ kind: 'ksparse', k: 9 })), 'INVALID_SPEC', /k \(code units kept\)/);
    await expectCode(
      engine.createModel(spec({ kind: 'sparse', sparsity: { rho: 1.5, weight: 1 } })),
      'INVALID_SPEC',
      /rho/,
    );
    await expectCode(engine.createModel(spec({ kind: 'denoising' })), 'INVALID_SPEC', /noise/);
  });

  it('bad training configs: negative learning rate, no length, batch size 0', async () => {
    const { modelId } = await engine.createModel(spec());
    await expectCode(
      engine.train(modelId, config({ learningRate: -0.1 })),
      'INVALID_CONFIG',
      /learning rate must be a positive number/,
    );
    await expectCode(engine.train(modelId, config({ learningRate: Number.NaN })), 'INVALID_CONFIG', /learning rate/);
    await expectCode(
      engine.train(modelId, config({ steps: undefined, epochs: undefined })),
      'INVALID_CONFIG',
      /epochs or of steps/,
    );
    await expectCode(engine.train(modelId, config({ batchSize: 0 })), 'INVALID_CONFIG', /batch size/);
  });

  it('unknown dataset, model and job ids', async () => {
    await expectCode(engine.loadDataset('cifar' as DatasetName), 'UNKNOWN_DATASET', /no dataset called "cifar"/);
    await expectCode(engine.createModel(spec({ dataset: 'cifar' as DatasetName })), 'UNKNOWN_DATASET');
    await expectCode(engine.pca('cifar' as DatasetName, 2), 'UNKNOWN_DATASET');
    await expectCode(engine.reconstruct('nope', new Float32Array(35)), 'UNKNOWN_MODEL', /no model "nope"/);
    await expectCode(engine.train('nope', config()), 'UNKNOWN_MODEL');
    await expectCode(engine.cancel('no-such-job'), 'UNKNOWN_JOB');
  });

  it('wrong array lengths and labels', async () => {
    const { modelId } = await engine.createModel(spec());
    await expectCode(engine.reconstruct(modelId, new Float32Array(34)), 'INVALID_INPUT', /35 pixels, but got 34/);
    await expectCode(engine.decode(modelId, new Float32Array(9)), 'INVALID_INPUT', /codes of 8 numbers/);
    await expectCode(engine.encode(modelId, [1, 2] as unknown as Float32Array), 'INVALID_INPUT', /Float32Array/);
    await expectCode(engine.reconstruct(modelId, new Float32Array(35).fill(Number.NaN)), 'INVALID_INPUT', /finite/);
    await expectCode(
      engine.latentGrid(modelId, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 0),
      'INVALID_INPUT',
      /grid size/,
    );
    const cvae = await engine.createModel(spec({ kind: 'cvae' }));
    await expectCode(engine.decode(cvae.modelId, new Float32Array(8)), 'INVALID_INPUT', /label/);
    await expectCode(
      engine.decode(cvae.modelId, new Float32Array(8), Uint8Array.from([200])),
      'INVALID_INPUT',
      /below 46/,
    );
  });

  it('a dataset that fails to load is a typed error, and a later load retries', async () => {
    let fail = true;
    const flaky = new Engine({ fetchAsset: (path) => (fail ? Promise.reject(new Error('offline')) : readAsset(path)) });
    await flaky.init({ backend: 'cpu', assetBase: '' });
    await expectCode(flaky.loadDataset('mnist'), 'DATASET_LOAD_FAILED', /MNIST digits could not be loaded \(offline\)/);
    fail = false;
    expect((await flaky.loadDataset('mnist')).trainCount).toBeGreaterThan(0);
  });
});

describe('divergence', () => {
  it('a huge SGD learning rate ends the job as diverged, keeping the last good weights', async () => {
    const { modelId } = await engine.createModel(spec({ linear: true, activation: 'linear', hidden: [16] }));
    const before = await engine.exportWeights(modelId);
    const result = await engine.train(modelId, config({ optimizer: 'sgd', learningRate: 50, steps: 200 }));
    expect(result.reason).toBe('diverged');
    expect(result.steps).toBeLessThan(200);
    expect(result.message).toMatch(/diverged at step \d+: the loss .*learning rate 50 is probably too high for SGD/);
    // No snapshot was taken after step 0 in so short a run: the weights are back to where the job started.
    const after = await engine.exportWeights(modelId);
    expect(after.data.every((v) => Number.isFinite(v))).toBe(true);
    expect(Array.from(after.data)).toEqual(Array.from(before.data));
  });

  it('the engine keeps working afterwards: the same model trains with a sane rate', async () => {
    const { modelId } = await engine.createModel(spec({ linear: true, activation: 'linear', hidden: [16] }));
    await expectCode(engine.train(modelId, config({ learningRate: -1 })), 'INVALID_CONFIG');
    expect((await engine.train(modelId, config({ optimizer: 'sgd', learningRate: 50, steps: 100 }))).reason).toBe(
      'diverged',
    );
    const good = await engine.train(modelId, config({ steps: 60 }));
    expect(good.reason).toBe('completed');
    expect(Number.isFinite(good.finalLoss.total)).toBe(true);
    expect((await engine.reconstruct(modelId, new Float32Array(35))).length).toBe(35);
  });
});

describe('the error wire format', () => {
  it("the worker's Comlink 'throw' handler sends MlError as { isMlError, code, message }", () => {
    registerMlErrorTransfer();
    const handler = Comlink.transferHandlers.get('throw');
    const [wire] = handler?.serialize({ value: new MlError('UNKNOWN_MODEL', 'There is no model "x".') } as never) ?? [];
    expect(wire).toEqual({
      isError: false,
      value: { isMlError: true, code: 'UNKNOWN_MODEL', message: 'There is no model "x".' },
    });
    const [other] = handler?.serialize({ value: new TypeError('boom') } as never) ?? [];
    expect(other).toEqual({ isError: false, value: { isMlError: true, code: 'INTERNAL', message: 'boom' } });
  });
});
