/**
 * Codebook's decoded codebook (plays/codebook.ts, views/codebook-card.ts): the pure usage and code-building
 * helpers (src/shared/vq.ts), the grid's shape, and the reader on a real engine (tfjs CPU): a trained VQ-VAE's
 * entries decoded one row per slot, the letters' use of each entry, no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { decodeCodebook } from '../../src/game/level/plays/codebook';
import { codebookGridShape, showsCodebook } from '../../src/game/level/views/codebook-layout';
import { glyphSet, LETTERS } from '../../src/shared/glyphs';
import { getLevel } from '../../src/shared/levels';
import { entriesUsed, slotEntryCodes, slotUsage } from '../../src/shared/vq';
import { config, spec, testEngine } from './support/engine';
import { EnginePort } from './support/engine-port';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

describe('the decoded codebook', () => {
  it('counts each slot’s entries, the entries used, and builds one code per slot and entry', () => {
    // 3 images × 2 slots of K = 4: slot 0 picks 1, 1, 3; slot 1 picks 0, 0, 0.
    const usage = slotUsage([1, 0, 1, 0, 3, 0], 2, 4);
    expect(usage).toEqual([
      [0, 2, 0, 1],
      [3, 0, 0, 0],
    ]);
    expect(entriesUsed(usage)).toBe(3);
    // Slot 0's row: entry k with slot 1 at its usual 0; slot 1's row: slot 0 at its usual 1, entry k.
    expect([...slotEntryCodes(usage)]).toEqual([0, 0, 1, 0, 2, 0, 3, 0, 1, 0, 1, 1, 1, 2, 1, 3]);
    expect([...slotEntryCodes(slotUsage([2, 2, 1], 1, 3))]).toEqual([0, 1, 2]);
  });

  it('fits the grid: biggest glyph cells, every slot on its own lines', () => {
    const one = codebookGridShape(64, 1, 332, 200);
    expect(one.columns * Math.ceil(64 / one.columns)).toBeGreaterThanOrEqual(64);
    expect(one.lines * one.cellH + 6 * (one.lines - 1)).toBeLessThanOrEqual(200 + 1e-9);
    expect(one.columns * one.cellW + 6 * (one.columns - 1)).toBeLessThanOrEqual(332 + 1e-9);
    const three = codebookGridShape(4, 3, 332, 200);
    expect([three.columns, three.lines]).toEqual([4, 3]);
    expect(three.cellH).toBe(42);
    expect(showsCodebook(getLevel('codebook')!)).toBe(true);
    expect(showsCodebook(getLevel('through-the-dice')!)).toBe(false);
  });

  it('decodes a trained VQ-VAE’s codebook one row per slot, with the letters’ use, leaking no tensor', async () => {
    const vq = { codebookSize: 4, slots: 3, codeDim: 2 };
    const { modelId } = await engine.createModel(spec({ kind: 'vqvae', bottleneck: 6, activation: 'tanh', vq }));
    await engine.train(modelId, config({ steps: 60, batchSize: 26, learningRate: 0.01, limit: 26 }));
    const before = tf.memory().numTensors;
    const book = await decodeCodebook(new EnginePort(engine), modelId, vq);
    expect(tf.memory().numTensors).toBe(before);
    expect([book.size, book.slots, book.width, book.height, book.letters]).toEqual([4, 3, 5, 7, 26]);
    expect(book.images.length).toBe(3 * 4 * 35);
    for (const row of book.usage) expect(row.reduce((a, b) => a + b, 0)).toBe(26);
    // The same counts from the engine's own indices of the 26 letters.
    const indices = await engine.encodeCodes(modelId, glyphSet(LETTERS).images);
    expect(book.used).toBe(new Set(indices).size);
    const mode = (s: number): number => {
      const n = [0, 1, 2, 3].map((k) => indices.filter((v, i) => i % 3 === s && v === k).length);
      return n.indexOf(Math.max(...n));
    };
    // Row 1, entry 2: slots 0 and 2 at their most used entries, slot 1 at 2.
    const direct = await engine.decodeCodes(modelId, Uint16Array.of(mode(0), 2, mode(2)));
    const cell = (1 * 4 + 2) * 35;
    expect([...book.images.subarray(cell, cell + 35)].map((v) => v.toFixed(5))).toEqual(
      [...direct].map((v) => v.toFixed(5)),
    );
    await engine.disposeModel(modelId);
  });
});
