/** TrainConfig.excludeLabels (Letter forge) and TrainConfig.noisyCopies (Storm's fixed pool of noisy copies). */
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetStore } from '../../src/ml-worker/datasets';
import type { Engine } from '../../src/ml-worker/engine';
import { selectTrainingData } from '../../src/ml-worker/train-data';
import { GLYPH_CHARS, GLYPH_HEIGHT, GLYPH_WIDTH, glyphSet } from '../../src/shared/glyphs';
import type { ModelSpec, TrainProgress } from '../../src/shared/worker-api';
import { config, expectCode, readAsset, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

const SIZE = GLYPH_WIDTH * GLYPH_HEIGHT;
const E = GLYPH_CHARS.indexOf('E');
const noisy: ModelSpec = spec({ kind: 'denoising', noise: { type: 'saltPepper', amount: 0.3 } });

describe('excludeLabels', () => {
  it('leaves the class out: 25 letters without E are trained on', async () => {
    const { modelId } = await engine.createModel(spec());
    const previews: TrainProgress[] = [];
    const result = await engine.train(
      modelId,
      config({ steps: 10, batchSize: 5, limit: 26, excludeLabels: [E], previewCount: 26 }),
      (p) => previews.push(p),
    );
    expect(result.reason).toBe('completed');
    // 25 examples in batches of 5: 10 steps are exactly 2 epochs (26 letters would need 6 steps per epoch).
    expect(result.epochs).toBe(2);
    const preview = previews.at(-1)?.preview;
    expect(preview?.count).toBe(25);
    const eImage = glyphSet(['E']).images;
    for (let i = 0; i < 25; i++) {
      const row = preview!.inputs.subarray(i * SIZE, (i + 1) * SIZE);
      expect(row.every((v, j) => v === eImage[j])).toBe(false);
    }
  });

  it('readable errors: unknown class, nothing left, not a list', async () => {
    const { modelId } = await engine.createModel(spec());
    await expectCode(
      engine.train(modelId, config({ excludeLabels: [46] })),
      'INVALID_CONFIG',
      /Class 46 does not exist in glyphs: classes go from 0 to 45/,
    );
    await expectCode(engine.train(modelId, config({ excludeLabels: [1.5] })), 'INVALID_CONFIG', /whole numbers/);
    await expectCode(
      engine.train(modelId, config({ excludeLabels: 3 as unknown as number[] })),
      'INVALID_CONFIG',
      /list of class numbers/,
    );
    await expectCode(
      engine.train(modelId, config({ limit: 2, excludeLabels: [0, 1] })),
      'INVALID_CONFIG',
      /leaves no examples/,
    );
  });
});

describe('noisyCopies', () => {
  it('trains on K fixed copies per example: an epoch is examples × K, and the run is reproducible', async () => {
    const run = async (copies?: number): Promise<{ epochs: number; loss: number; corrupted: Float32Array[] }> => {
      const { modelId } = await engine.createModel(noisy);
      const corrupted: Float32Array[] = [];
      const c = config({
        steps: 20,
        batchSize: 26,
        limit: 26,
        seed: 5,
        previewCount: 4,
        ...(copies ? { noisyCopies: copies } : {}),
      });
      const r = await engine.train(modelId, c, (p) => p.preview?.corrupted && corrupted.push(p.preview.corrupted));
      await engine.disposeModel(modelId);
      return { epochs: r.epochs, loss: r.finalLoss.total, corrupted };
    };
    const a = await run(5);
    const b = await run(5);
    const fresh = await run();
    expect(a.epochs).toBe(4); // 20 steps of 26 over 26 × 5 = 130 examples
    expect(fresh.epochs).toBe(20);
    expect(b.loss).toBe(a.loss);
    expect(fresh.loss).not.toBe(a.loss);
    // Previews show the pool's first rows: copy 0 of the first letters, the same at every event.
    expect(a.corrupted.length).toBeGreaterThan(1);
    for (const c of a.corrupted) expect(Array.from(c)).toEqual(Array.from(a.corrupted[0]));
  });

  it('the pool is copy-major, clean targets repeat, and K copies extend the pool of fewer copies', async () => {
    const ds = await new DatasetStore(readAsset).load('glyphs');
    const base = {
      steps: 1,
      batchSize: 8,
      optimizer: 'adam',
      learningRate: 0.01,
      loss: 'bce',
      seed: 9,
      limit: 26,
    } as const;
    const two = selectTrainingData(ds, noisy, { ...base, noisyCopies: 2 });
    const five = selectTrainingData(ds, noisy, { ...base, noisyCopies: 5 });
    expect(five.data.count).toBe(130);
    expect(Array.from(five.data.images.subarray(26 * SIZE, 27 * SIZE))).toEqual(
      Array.from(five.data.images.subarray(0, SIZE)),
    );
    expect(five.data.labels[26]).toBe(0);
    expect(Array.from(five.data.inputs!.subarray(0, 52 * SIZE))).toEqual(Array.from(two.data.inputs!));
    // Copies of one letter differ from each other (salt-and-pepper at 0.3 over 35 pixels).
    expect(Array.from(five.data.inputs!.subarray(0, SIZE))).not.toEqual(
      Array.from(five.data.inputs!.subarray(26 * SIZE, 27 * SIZE)),
    );
    expect(two.key).not.toBe(five.key);
  });

  it('readable errors: needs a noisy model, 1..100 copies', async () => {
    const plain = await engine.createModel(spec());
    await expectCode(
      engine.train(plain.modelId, config({ noisyCopies: 5 })),
      'INVALID_CONFIG',
      /need a model that trains on noise/,
    );
    const d = await engine.createModel(noisy);
    await expectCode(engine.train(d.modelId, config({ noisyCopies: 0 })), 'INVALID_CONFIG', /from 1 to 100/);
    await expectCode(engine.train(d.modelId, config({ noisyCopies: 101 })), 'INVALID_CONFIG', /from 1 to 100/);
  });
});
