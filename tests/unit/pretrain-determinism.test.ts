/**
 * scripts/pretrain.ts is deterministic: the same plan, seed and backend (WASM) give bit-identical files. Runs
 * the real code path (pretrainAsset) on the cheapest asset with a reduced step budget, twice.
 */
import '@tensorflow/tfjs-backend-wasm';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/ml-worker/engine';
import { pretrainAsset } from '../../src/ml-worker/pretrain';
import { decodeTensors, encodeTensors, fromHalf, toHalf } from '../../src/ml-worker/pretrained-format';
import { PRETRAINED_ASSETS } from '../../src/shared/levels/assets';
import { testEngine } from './support/engine';

let engine: Engine;
beforeAll(async () => {
  engine = await testEngine('wasm');
});

describe('npm run pretrain', () => {
  it('regenerates letters-vae-forge (reduced budget) bit for bit', async () => {
    const plan = PRETRAINED_ASSETS['letters-vae-forge'];
    if (plan.kind !== 'autoencoder') throw new Error('letters-vae-forge should be an autoencoder plan');
    const a = await pretrainAsset(engine, 'letters-vae-forge', plan, { steps: 300 });
    const b = await pretrainAsset(engine, 'letters-vae-forge', plan, { steps: 300 });
    expect(b.json).toBe(a.json);
    expect(Buffer.compare(Buffer.from(b.bin), Buffer.from(a.bin))).toBe(0);
    // The manifest describes what was made: its hash, size, the steps run, and E left out (25 letters).
    const m = a.manifest;
    expect(m.bin.sha256).toBe(createHash('sha256').update(a.bin).digest('hex'));
    expect(m.bin.bytes).toBe(a.bin.byteLength);
    expect(m.training.steps).toBe(300);
    expect(m.training.examples).toBe(25);
    expect(m.training.config.excludeLabels).toEqual([4]);
    // A different seed gives different weights (the test can fail).
    const c = await pretrainAsset(
      engine,
      'letters-vae-forge',
      { ...plan, spec: { ...plan.spec, seed: 1 } },
      { steps: 300 },
    );
    expect(c.manifest.bin.sha256).not.toBe(m.bin.sha256);
  });

  it('float16 and 8-bit per-column encodings round-trip within their precision', () => {
    for (const v of [0, 1, -2.5, 65504, 1e-5, -0.1234, 3.14159]) {
      expect(Math.abs(fromHalf(toHalf(v)) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -24);
    }
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    const rows = 128;
    const cols = 40;
    const kernel = Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(i * 0.37) * (1 + (i % cols)));
    const bias = Float32Array.from({ length: cols }, (_, i) => i / 7);
    const { bin, tensors } = encodeTensors([
      { name: 'k', shape: [rows, cols], data: kernel },
      { name: 'b', shape: [cols], data: bias },
    ]);
    expect(tensors.map((t) => t.encoding)).toEqual(['uint8-affine-per-column', 'float16']);
    expect(bin.byteLength).toBe(8 * cols + rows * cols + 2 * cols);
    const [k, b] = decodeTensors(tensors, bin);
    for (let c = 0; c < cols; c++) {
      const step = (2 * (1 + c)) / 255; // each column spans about ±(1 + c)
      for (let r = 0; r < rows; r++)
        expect(Math.abs(k[r * cols + c] - kernel[r * cols + c])).toBeLessThanOrEqual(step / 2 + 1e-6);
    }
    for (let i = 0; i < cols; i++) expect(Math.abs(b[i] - bias[i])).toBeLessThan(0.005);
  });
});
