import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { codeAt, gridCodes, interpolationCodes, mapBox, pointOf, priorCodes } from '../../src/shared/lab/latent-tools';
import {
  buildLabMap,
  codebookImages,
  decodeAt,
  decodedGrid,
  interpolate,
  pickIndices,
  sampleSheet,
  STRIP_STEPS,
  type GenerateModel,
} from '../../src/game/scenes/lab/lab-generate-data';
import { config, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

describe('the Lab generation math', () => {
  it('interpolation codes run from a to b in even steps', () => {
    const codes = interpolationCodes([0, 2, -1], [4, 2, 1], 5);
    expect(Array.from(codes.subarray(0, 3))).toEqual([0, 2, -1]);
    expect(Array.from(codes.subarray(12, 15))).toEqual([4, 2, 1]);
    expect(Array.from(codes.subarray(6, 9))).toEqual([2, 2, 0]);
    expect(() => interpolationCodes([0], [1], 1)).toThrow();
  });

  it('prior codes are σ·ε from a seed: same seed, same sheet; σ scales it', () => {
    const a = priorCodes(16, 2, 1, 5);
    expect(maxDiff(a, priorCodes(16, 2, 1, 5))).toBe(0);
    expect(maxDiff(a, priorCodes(16, 2, 1, 6))).toBeGreaterThan(0.1);
    const half = priorCodes(16, 2, 0.5, 5);
    for (let i = 0; i < a.length; i++) expect(half[i]).toBeCloseTo(a[i] * 0.5, 6);
  });

  it('the grid covers the box from its top-left, and a 2-D map point is its own code', () => {
    const box = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
    const g = gridCodes(null, box, 3);
    expect(Array.from(g.subarray(0, 2))).toEqual([-2, 3]);
    expect(Array.from(g.subarray(16, 18))).toEqual([2, -1]);
    expect(Array.from(codeAt(null, 0.5, -0.25))).toEqual([0.5, -0.25]);
    const collapsed = mapBox(new Float32Array(8), 4);
    expect(collapsed.xMax - collapsed.xMin).toBeGreaterThan(0.4);
  });

  it('PCA of codes on a 2-D plane in 5-D: map points go back to the very codes (worker, no tensor leak)', async () => {
    const before = tf.memory().numTensors;
    const u = [1, 2, 0, -1, 0.5];
    const v = [0, 1, 1, 1, -2];
    const count = 40;
    const codes = new Float32Array(count * 5);
    for (let i = 0; i < count; i++) {
      const s = Math.sin(i) * 3;
      const t = Math.cos(i * 1.7);
      for (let j = 0; j < 5; j++) codes[i * 5 + j] = 0.3 + s * u[j] + t * v[j];
    }
    const p = await engine.projectCodes(codes.slice(), count, 5);
    expect(p.explained[0] + p.explained[1]).toBeCloseTo(1, 4);
    expect(p.explained[0]).toBeGreaterThan(p.explained[1]);
    for (let i = 0; i < count; i++) {
      const back = codeAt(p, p.points[2 * i], p.points[2 * i + 1]);
      expect(maxDiff(back, codes.subarray(i * 5, i * 5 + 5))).toBeLessThan(1e-3);
      const at = pointOf(p, codes.subarray(i * 5, i * 5 + 5));
      expect(at.x).toBeCloseTo(p.points[2 * i], 3);
      expect(at.y).toBeCloseTo(p.points[2 * i + 1], 3);
    }
    // Deterministic axes (the sign is fixed).
    const again = await engine.projectCodes(codes.slice(), count, 5);
    expect(maxDiff(again.axes, p.axes)).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pick indices: the first held-out image of each class, in class order', () => {
    expect(pickIndices(Uint8Array.from([3, 1, 3, 0, 1, 2]))).toEqual([3, 1, 5, 0]);
  });
});

describe('the Lab generates from a trained model (real engine)', () => {
  async function trained(overrides: Parameters<typeof spec>[0]): Promise<GenerateModel> {
    const info = await engine.createModel(spec(overrides));
    await engine.train(info.modelId, config({ steps: 60 }));
    const s = info.spec;
    return {
      modelId: info.modelId,
      dataset: s.dataset,
      latentSize: info.latentSize,
      conditional: s.kind === 'cvae',
      codebook: s.vq ? { size: s.vq.codebookSize, slots: s.vq.slots } : null,
    };
  }

  it('2-D VAE: map of held-out codes, probe decodes change with position, samples, strip, grid', async () => {
    const model = await trained({ kind: 'vae', bottleneck: 2, beta: 1 });
    const before = tf.memory().numTensors;
    const map = await buildLabMap(engine, model);
    expect(map.projection).toBeNull();
    expect(map.points).toBe(map.codes);
    expect(map.classNames).toEqual((await engine.loadDataset('glyphs')).classNames);
    expect(map.classNames.length).toBeGreaterThan(26);
    expect(map.count).toBeGreaterThan(20);
    const size = map.width * map.height;
    const a = await decodeAt(engine, model, map, map.box.xMin, map.box.yMin);
    const b = await decodeAt(engine, model, map, map.box.xMax, map.box.yMax);
    expect(a.length).toBe(size);
    expect(maxDiff(a, b)).toBeGreaterThan(0.05);
    const sheet = await sampleSheet(engine, model, 16, 1, 3);
    expect(sheet.length).toBe(16 * size);
    expect(maxDiff(sheet, await sampleSheet(engine, model, 16, 1, 3))).toBe(0);
    expect(maxDiff(sheet, await sampleSheet(engine, model, 16, 2, 3))).toBeGreaterThan(0.01);
    const [i, j] = pickIndices(map.labels);
    const strip = await interpolate(engine, model, map, i, j);
    expect(strip.length).toBe(STRIP_STEPS * size);
    const atA = await engine.decode(model.modelId, map.codes.slice(2 * i, 2 * i + 2));
    expect(maxDiff(strip.subarray(0, size), atA)).toBeLessThan(1e-5);
    const grid = await decodedGrid(engine, model, map, 5);
    expect(grid.length).toBe(25 * size);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('4-D code: the map is the PCA of the codes and a probe decodes the code mapped back', async () => {
    const model = await trained({ kind: 'vae', bottleneck: 4, beta: 1 });
    const map = await buildLabMap(engine, model);
    expect(map.projection?.dim).toBe(4);
    const p = map.projection!;
    const i = 3;
    const x = map.points[2 * i];
    const y = map.points[2 * i + 1];
    const viaMap = await decodeAt(engine, model, map, x, y);
    const direct = await engine.decode(model.modelId, codeAt(p, x, y));
    expect(maxDiff(viaMap, direct)).toBeLessThan(1e-6);
  });

  it('conditional VAE: the class picked changes the sample; VQ-VAE: every codebook entry decoded', async () => {
    const cvae = await trained({ kind: 'cvae', bottleneck: 2 });
    const zero = await sampleSheet(engine, cvae, 1, 0, 1, 0);
    const one = await sampleSheet(engine, cvae, 1, 0, 1, 1);
    expect(maxDiff(zero, one)).toBeGreaterThan(0.01);
    const vq = await trained({ kind: 'vqvae', bottleneck: 4, vq: { codebookSize: 8, slots: 2, codeDim: 2 } });
    const book = await codebookImages(engine, vq);
    expect(book!.length).toBe(8 * 35);
    expect(codebookImages(engine, cvae)).toBeNull();
  });
});
