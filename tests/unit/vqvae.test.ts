import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/ml-worker/api';
import type { Engine } from '../../src/ml-worker/engine';
import type { LossTerms, ModelSpec, VqSpec } from '../../src/shared/worker-api';
import { config, expectCode, spec, testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('cpu');
});

function vqSpec(vq: Partial<VqSpec> = {}, overrides: Partial<ModelSpec> = {}): ModelSpec {
  const full: VqSpec = { codebookSize: 16, slots: 2, codeDim: 4, ...vq };
  return spec({ kind: 'vqvae', bottleneck: full.slots * full.codeDim, vq: full, ...overrides });
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('VQ-VAE in the engine', () => {
  it('trains on the glyphs (loss falls) and reports the quantisation error and codebook use', async () => {
    const s = vqSpec();
    const { modelId, latentSize } = await engine.createModel(s);
    expect(latentSize).toBe(8);
    const before = await engine.evaluate(modelId, 'all');
    const curve: LossTerms[] = [];
    const result = await engine.train(modelId, config({ steps: 120, batchSize: 16, learningRate: 0.01 }), (p) =>
      curve.push(p.loss),
    );
    expect(result.reason).toBe('completed');
    expect(mean(curve.slice(-5).map((t) => t.total))).toBeLessThan(0.6 * mean(curve.slice(0, 5).map((t) => t.total)));
    for (const t of curve) {
      // total = reconstruction + codebook loss + 0.25 · commitment loss, both of value vq.
      expect(t.total).toBeCloseTo(t.reconstruction + 1.25 * (t.vq as number), 5);
      expect(t.codebookUsed).toBeGreaterThanOrEqual(1);
      expect(t.codebookUsed).toBeLessThanOrEqual(16);
      expect(t.perplexity).toBeGreaterThanOrEqual(1 - 1e-6);
      expect(t.perplexity).toBeLessThanOrEqual((t.codebookUsed as number) + 1e-4);
    }
    const after = await engine.evaluate(modelId, 'all');
    expect(after.loss.reconstruction).toBeLessThan(0.6 * before.loss.reconstruction);
    expect(after.loss.total).toBeCloseTo(after.loss.reconstruction + 1.25 * (after.loss.vq as number), 6);
    // Over the 46 glyphs x 2 slots more than a couple of entries are in use, and perplexity is at most that count.
    expect(after.loss.codebookUsed).toBeGreaterThan(2);
    expect(after.loss.perplexity).toBeGreaterThan(1);
    expect(after.loss.perplexity).toBeLessThanOrEqual((after.loss.codebookUsed as number) + 1e-9);
  });

  it('codebook use counts the entries the codes pick, as encodeCodes shows them', async () => {
    const { modelId } = await engine.createModel(vqSpec({ codebookSize: 8 }));
    await engine.train(modelId, config({ steps: 30 }));
    const { images, count } = await engine.getImages('glyphs', 'all', 0, 46);
    const indices = await engine.encodeCodes(modelId, images);
    expect(indices).toBeInstanceOf(Uint16Array);
    expect(indices.length).toBe(count * 2);
    const counts = new Map<number, number>();
    for (const k of indices) counts.set(k, (counts.get(k) ?? 0) + 1);
    const entropy = -[...counts.values()].reduce((h, c) => h + (c / indices.length) * Math.log(c / indices.length), 0);
    const evaluated = (await engine.evaluate(modelId, 'all')).loss;
    expect(evaluated.codebookUsed).toBe(counts.size);
    expect(evaluated.perplexity).toBeCloseTo(Math.exp(entropy), 6);
  });

  it('decodeCodes of the encoded indices is the reconstruction; sample draws codebook vectors', async () => {
    const { modelId } = await engine.createModel(vqSpec({ codebookSize: 8, slots: 2, codeDim: 3 }));
    await engine.train(modelId, config({ steps: 20 }));
    const { images } = await engine.getImages('glyphs', 'all', 0, 10);
    const indices = await engine.encodeCodes(modelId, images);
    const decoded = await engine.decodeCodes(modelId, indices);
    const reconstructed = await engine.reconstruct(modelId, images);
    expect(decoded.length).toBe(reconstructed.length);
    expect(decoded.reduce((m, v, i) => Math.max(m, Math.abs(v - reconstructed[i])), 0)).toBeLessThan(1e-6);
    // The quantised code (encode) is made of codebook vectors: decoding it is the same picture.
    const codes = await engine.encode(modelId, images);
    const viaCodes = await engine.decode(modelId, codes);
    expect(viaCodes.reduce((m, v, i) => Math.max(m, Math.abs(v - decoded[i])), 0)).toBeLessThan(1e-6);
    // Entry k on every slot: one picture per codebook entry (what the Lab shows as the decoded codebook).
    const entries = await engine.decodeCodes(
      modelId,
      Uint16Array.from({ length: 16 }, (_, i) => i >> 1),
    );
    expect(entries.length).toBe(8 * 35);
    const sample = await engine.sample(modelId, 5, 3);
    expect(sample.codes.length).toBe(5 * 6);
    expect(sample.images.length).toBe(5 * 35);
    const again = await engine.sample(modelId, 5, 3);
    expect(Array.from(again.images)).toEqual(Array.from(sample.images));
  });

  it('the exposed api hands the index and image arrays of the codebook calls to transfer', async () => {
    const transferred: unknown[] = [];
    const api = createApi(engine, (value, list) => {
      transferred.push(...list);
      return value;
    });
    const { modelId } = await api.createModel(vqSpec());
    const { images } = await engine.getImages('glyphs', 'all', 0, 3);
    const indices = await api.encodeCodes(modelId, images);
    expect(transferred.at(-1)).toBe(indices.buffer);
    const decoded = await api.decodeCodes(modelId, indices);
    expect(transferred.at(-1)).toBe(decoded.buffer);
    expect(decoded.length).toBe(3 * 35);
  });

  it('is deterministic by seed: same seeds give identical weights and losses, another spec seed another codebook', async () => {
    const run = async (seed: number): Promise<{ weights: Float32Array; losses: number[] }> => {
      const { modelId } = await engine.createModel(vqSpec({}, { seed }));
      const losses: number[] = [];
      await engine.train(modelId, config({ steps: 25, batchSize: 8, seed: 4 }), (p) => losses.push(p.loss.total));
      const { data } = await engine.exportWeights(modelId);
      await engine.disposeModel(modelId);
      return { weights: data, losses };
    };
    const a = await run(1);
    const b = await run(1);
    expect(b.losses).toEqual(a.losses);
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    const c = await run(2);
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));

    const first = await engine.exportWeights((await engine.createModel(vqSpec({}, { seed: 9 }))).modelId);
    const second = await engine.exportWeights((await engine.createModel(vqSpec({}, { seed: 9 }))).modelId);
    const at = first.tensors.findIndex((t) => t.name === 'codebook');
    expect(first.tensors[at].shape).toEqual([16, 4]);
    expect(Array.from(second.data)).toEqual(Array.from(first.data));
  });

  it('leaves no tensor behind in training and the codebook calls', async () => {
    const { modelId } = await engine.createModel(vqSpec());
    const { images } = await engine.getImages('glyphs', 'all', 0, 6);
    const exercise = async (): Promise<void> => {
      await engine.train(modelId, config({ steps: 4, previewCount: 2 }), () => {});
      const indices = await engine.encodeCodes(modelId, images);
      await engine.decodeCodes(modelId, indices);
      await engine.sample(modelId, 3, 1);
      await engine.evaluate(modelId, 'all', 'bce');
      await expect(engine.decodeCodes(modelId, Uint16Array.from([0, 16]))).rejects.toThrow();
    };
    await exercise();
    const after = tf.memory().numTensors;
    await exercise();
    await exercise();
    expect(tf.memory().numTensors).toBe(after);
  });

  it('refuses bad codebook calls and specs with sentences a player can read', async () => {
    const { modelId } = await engine.createModel(vqSpec());
    await expectCode(engine.decodeCodes(modelId, Uint16Array.from([0, 16])), 'INVALID_INPUT', /from 0 to 15/);
    await expectCode(engine.decodeCodes(modelId, Uint16Array.from([0, 1, 2])), 'INVALID_INPUT', /2 per image/);
    const dense = await engine.createModel(spec());
    await expectCode(engine.encodeCodes(dense.modelId, new Float32Array(35)), 'INVALID_INPUT', /Only a VQ-VAE/);
    await expectCode(engine.createModel(spec({ kind: 'vqvae' })), 'INVALID_SPEC', /needs a codebook/);
    await expectCode(engine.createModel(vqSpec({}, { bottleneck: 6 })), 'INVALID_SPEC', /slots × code dimension, 8/);
    await expectCode(engine.createModel(vqSpec({ codebookSize: 1 })), 'INVALID_SPEC', /codebook size K/);
    await expectCode(engine.createModel(vqSpec({ codebookSize: 4.5 })), 'INVALID_SPEC', /codebook size K/);
    await expectCode(engine.createModel(vqSpec({ commitment: -1 })), 'INVALID_SPEC', /commitment weight/);
    await expectCode(engine.createModel(vqSpec({ slots: 0, codeDim: 4 }, { bottleneck: 4 })), 'INVALID_SPEC', /slots/);
    const stray: ModelSpec = { ...spec(), vq: { codebookSize: 4, slots: 1, codeDim: 8 } };
    await expectCode(engine.createModel(stray), 'INVALID_SPEC', /VQ-VAE models only/);
    await expectCode(engine.createModel(spec({ reparameterize: false })), 'INVALID_SPEC', /VAE and CVAE models only/);
  });
});
