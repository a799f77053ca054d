/** TrainConfig.own: the Lab's "my alphabet" and "MNIST + my drawings", trained on the real engine (tfjs CPU). */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetStore } from '../../src/ml-worker/datasets';
import type { Engine } from '../../src/ml-worker/engine';
import { selectTrainingData } from '../../src/ml-worker/train-data';
import { GLYPH_CHARS, GLYPH_HEIGHT, GLYPH_WIDTH, glyphSet } from '../../src/shared/glyphs';
import type { OwnExamples, TrainProgress } from '../../src/shared/worker-api';
import { config, expectCode, readAsset, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

const SIZE = GLYPH_WIDTH * GLYPH_HEIGHT;
const A = GLYPH_CHARS.indexOf('A');
const B = GLYPH_CHARS.indexOf('B');

/** A hand-made letter: a filled left column and a bottom row (an L that stands in for the font's A). */
function myLetter(): Float32Array {
  const img = new Float32Array(SIZE);
  for (let y = 0; y < GLYPH_HEIGHT; y++) img[y * GLYPH_WIDTH] = 1;
  for (let x = 0; x < GLYPH_WIDTH; x++) img[(GLYPH_HEIGHT - 1) * GLYPH_WIDTH + x] = 1;
  return img;
}

function mine(mode: OwnExamples['mode'], repeat?: number): OwnExamples {
  return { images: myLetter(), labels: Uint8Array.of(A), count: 1, mode, ...(repeat ? { repeat } : {}) };
}

const rows = (images: Float32Array, i: number): number[] => Array.from(images.subarray(i * SIZE, (i + 1) * SIZE));

describe('selecting own examples', () => {
  const base = {
    steps: 1,
    batchSize: 8,
    optimizer: 'adam',
    learningRate: 0.01,
    loss: 'mse',
    seed: 3,
    limit: 26,
  } as const;

  it('replace: my A instead of the font A, first in the data; add keeps the font A; repeats go last', async () => {
    const ds = await new DatasetStore(readAsset).load('glyphs');
    const fontA = Array.from(glyphSet(['A']).images);
    const replaced = selectTrainingData(ds, spec(), { ...base, own: mine('replace') });
    expect(replaced.data.count).toBe(26);
    expect(rows(replaced.data.images, 0)).toEqual(Array.from(myLetter()));
    expect(replaced.data.labels[0]).toBe(A);
    expect(replaced.data.labels.filter((l) => l === A).length).toBe(1);
    for (let i = 1; i < 26; i++) expect(rows(replaced.data.images, i)).not.toEqual(fontA);

    const added = selectTrainingData(ds, spec(), { ...base, own: mine('add', 3) });
    expect(added.data.count).toBe(26 + 3);
    expect(rows(added.data.images, 1)).toEqual(fontA);
    expect(rows(added.data.images, 27)).toEqual(Array.from(myLetter()));
    expect(rows(added.data.images, 28)).toEqual(Array.from(myLetter()));
    expect([added.data.labels[0], added.data.labels[27], added.data.labels[28]]).toEqual([A, A, A]);
    expect(added.data.labels.filter((l) => l === A).length).toBe(4);

    // Other drawings are other data for the device cache.
    const other = mine('replace');
    other.images[3] = 1;
    expect(selectTrainingData(ds, spec(), { ...base, own: other }).key).not.toBe(replaced.key);
    expect(selectTrainingData(ds, spec(), base).key).not.toBe(replaced.key);
  });
});

describe('training on own examples', () => {
  it('learns my A: its reconstruction error falls, the previews show it first, no tensor leaks', async () => {
    const { modelId } = await engine.createModel(spec({ hidden: [32], bottleneck: 8 }));
    const errorOfMine = async (): Promise<number> => {
      const out = await engine.reconstruct(modelId, myLetter());
      return out.reduce((sum, v, i) => sum + (v - myLetter()[i]) ** 2, 0) / SIZE;
    };
    const before = await errorOfMine();
    const previews: TrainProgress[] = [];
    const c = config({ steps: 300, batchSize: 13, limit: 26, own: mine('replace'), previewCount: 4 });
    const result = await engine.train(modelId, c, (p) => previews.push(p));
    expect(result.reason).toBe('completed');
    expect(rows(previews.at(-1)!.preview!.inputs, 0)).toEqual(Array.from(myLetter()));
    const after = await errorOfMine();
    expect(after).toBeLessThan(before / 3);

    // A second run on the same data reuses its device tensors: nothing grows.
    const tensors = tf.memory().numTensors;
    await engine.train(modelId, config({ steps: 20, batchSize: 13, limit: 26, own: mine('replace') }));
    expect(tf.memory().numTensors).toBe(tensors);
    await engine.disposeModel(modelId);
  });

  it('readable errors for wrong shapes and values, and they leave no tensors behind', async () => {
    const { modelId } = await engine.createModel(spec());
    const tensors = tf.memory().numTensors;
    const own = (o: Partial<OwnExamples>): ReturnType<typeof config> => config({ own: { ...mine('add'), ...o } });
    await expectCode(engine.train(modelId, own({ images: new Float32Array(34) })), 'INVALID_CONFIG', /1 × 35 pixels/);
    const hot = myLetter();
    hot[5] = 2;
    await expectCode(engine.train(modelId, own({ images: hot })), 'INVALID_CONFIG', /Pixel 5 of your image 1 is 2/);
    const nan = myLetter();
    nan[0] = NaN;
    await expectCode(engine.train(modelId, own({ images: nan })), 'INVALID_CONFIG', /pixels go from 0 to 1/);
    await expectCode(engine.train(modelId, own({ labels: Uint8Array.of(46) })), 'INVALID_CONFIG', /Class 46/);
    await expectCode(engine.train(modelId, own({ labels: Uint8Array.of(A, B) })), 'INVALID_CONFIG', /one class/);
    await expectCode(engine.train(modelId, own({ count: 0 })), 'INVALID_CONFIG', /from 1 to 256 images/);
    await expectCode(engine.train(modelId, own({ repeat: 101 })), 'INVALID_CONFIG', /from 1 to 100 times/);
    await expectCode(
      engine.train(modelId, own({ images: [0.5] as unknown as Float32Array })),
      'INVALID_CONFIG',
      /Float32Array/,
    );
    await expectCode(
      engine.train(modelId, own({ mode: 'swap' as OwnExamples['mode'] })),
      'INVALID_CONFIG',
      /Pick add or replace/,
    );
    expect(tf.memory().numTensors).toBe(tensors);
    await engine.disposeModel(modelId);
  });
});
