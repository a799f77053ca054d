import { describe, expect, it } from 'vitest';
import { encodeModelFile, lossHistoryCsv, modelFileName, readModelFile } from '../../src/shared/export';
import { readSetupLink, setupQuery } from '../../src/shared/links';
import { setLocale, t } from '../../src/shared/messages';
import type { ModelSpec } from '../../src/shared/worker-api';
import { labConfigFromSetup, labSetupOf } from '../../src/game/share/lab-link';
import { DEFAULT_CONFIG } from '../../src/game/state/lab-rules';
import type { LabConfig } from '../../src/game/state/types';

const SPEC: ModelSpec = { kind: 'dense', dataset: 'glyphs', hidden: [8], bottleneck: 2, activation: 'relu', seed: 7 };
/** 35 → 8 → 2 → 8 → 35 dense: kernels and biases. */
const TENSORS = [
  { name: 'enc/kernel', shape: [35, 8] },
  { name: 'enc/bias', shape: [8] },
  { name: 'code/kernel', shape: [8, 2] },
  { name: 'code/bias', shape: [2] },
];
const COUNT = 35 * 8 + 8 + 8 * 2 + 2;

function weights(): { spec: ModelSpec; tensors: typeof TENSORS; data: Float32Array } {
  const data = new Float32Array(COUNT);
  for (let i = 0; i < COUNT; i++) data[i] = Math.sin(i * 1.7) * 0.3 + (i % 7 === 0 ? 1e-7 : 0);
  return { spec: SPEC, tensors: TENSORS, data };
}

describe('model file (engine format)', () => {
  it('round-trips spec, tensor shapes and every float32 value bit for bit', () => {
    const w = weights();
    const read = readModelFile(encodeModelFile(w, new Date('2026-12-05T00:00:00Z')));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.weights.spec).toEqual(SPEC);
    expect(read.weights.tensors).toEqual(TENSORS);
    expect(Array.from(read.weights.data)).toEqual(Array.from(w.data));
  });

  it('names the file after the model', () => {
    expect(modelFileName(SPEC)).toBe('latent-quest-dense-glyphs-2d.lqmodel.json');
  });

  it('rejects wrong and damaged files with a readable, localized sentence', () => {
    setLocale('en');
    const good = JSON.parse(encodeModelFile(weights())) as Record<string, unknown>;
    const variants: [string, string][] = [
      ['', t('modelFile.problem.empty')],
      ['not json {', t('modelFile.problem.notJson')],
      ['{"hello":1}', t('modelFile.problem.notModel')],
      [JSON.stringify({ ...good, version: 9 }), t('modelFile.problem.version', { version: '9' })],
      [JSON.stringify({ ...good, data: 'AAAA!' }), t('modelFile.problem.weights')],
      [JSON.stringify({ ...good, data: (good.data as string).slice(0, 40) }), t('modelFile.problem.weights')],
      [JSON.stringify({ ...good, tensors: [{ name: 'x', shape: [3] }] }), t('modelFile.problem.weights')],
    ];
    for (const [text, problem] of variants) expect(readModelFile(text)).toEqual({ ok: false, problem });
    const badSpec = readModelFile(JSON.stringify({ ...good, spec: { ...SPEC, bottleneck: 0 } }));
    expect(badSpec.ok).toBe(false);
    if (!badSpec.ok) expect(badSpec.problem.startsWith(t('modelFile.problem.spec', { detail: '' }))).toBe(true);
    const extra = readModelFile(JSON.stringify({ ...good, evil: true }));
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.problem).toContain('evil');
  });

  it('rejects weights that are not finite numbers', () => {
    const w = weights();
    w.data[5] = Number.NaN;
    expect(readModelFile(encodeModelFile(w))).toEqual({ ok: false, problem: t('modelFile.problem.weights') });
  });

  it('speaks the player language', () => {
    setLocale('pl');
    const read = readModelFile('');
    setLocale('en');
    expect(read).toEqual({ ok: false, problem: 'Plik jest pusty.' });
  });
});

describe('loss history CSV', () => {
  it('has one header and one row per point, KL empty where the model has none', () => {
    const csv = lossHistoryCsv([
      { step: 10, total: 0.5, reconstruction: 0.5 },
      { step: 20, total: 0.25, reconstruction: 0.2, kl: 0.05 },
    ]);
    expect(csv).toBe('step,total,reconstruction,kl\r\n10,0.5,0.5,\r\n20,0.25,0.2,0.05\r\n');
    expect(lossHistoryCsv([])).toBe('step,total,reconstruction,kl\r\n');
  });
});

describe('Lab setup links', () => {
  const configs: LabConfig[] = [
    DEFAULT_CONFIG,
    { ...DEFAULT_CONFIG, dataset: 'glyphs', kind: 'vae', bottleneck: 2, hiddenWidth: 64 },
    { ...DEFAULT_CONFIG, kind: 'denoising', noiseType: 'block', noiseLevel: 0.25 },
    { ...DEFAULT_CONFIG, dataset: 'glyphs', kind: 'denoising', noiseType: 'gaussian', noiseLevel: 0.35 },
    { ...DEFAULT_CONFIG, kind: 'ksparse', bottleneck: 17 },
    { ...DEFAULT_CONFIG, kind: 'conv', dataset: 'glyphs' },
    // The Settings view's hyperparameters travel too.
    { ...DEFAULT_CONFIG, kind: 'vae', beta: 2.5, learningRate: 0.003, steps: 500, batchSize: 32, depth: 2 },
    { ...DEFAULT_CONFIG, kind: 'sparse', rho: 0.1, sparsityWeight: 0.35, activation: 'tanh', loss: 'mse', depth: 0 },
    { ...DEFAULT_CONFIG, dataset: 'glyphs', kind: 'vqvae', bottleneck: 8, codebookSize: 32, slots: 2 },
  ];

  it('restores the same controls through a real link (encode, URL, decode, validate)', () => {
    for (const config of configs) {
      const read = readSetupLink(`?${setupQuery(labSetupOf(config))}`);
      expect(read.status).toBe('ok');
      if (read.status !== 'ok' || read.setup.kind !== 'lab') continue;
      const restored = labConfigFromSetup(read.setup, { ...DEFAULT_CONFIG, bottleneck: 5 });
      expect(restored && labSetupOf(restored)).toEqual(labSetupOf(config));
      if (config.kind === 'denoising' || config.depth !== DEFAULT_CONFIG.depth) expect(restored).toEqual(config);
      else
        expect(restored).toMatchObject({ dataset: config.dataset, kind: config.kind, bottleneck: config.bottleneck });
    }
  });

  it('refuses a setup the controls cannot make instead of approximating it', () => {
    const setup = labSetupOf(DEFAULT_CONFIG);
    expect(labConfigFromSetup({ ...setup, seed: 43 }, DEFAULT_CONFIG)).toBeNull();
    expect(labConfigFromSetup({ ...setup, training: { ...setup.training, learningRate: 0.1 } }, DEFAULT_CONFIG)).toBe(
      null,
    );
    expect(labConfigFromSetup({ ...setup, spec: { ...setup.spec, hidden: [100] } }, DEFAULT_CONFIG)).toBeNull();
    expect(labConfigFromSetup({ ...setup, spec: { ...setup.spec, dataset: 'glyphs28' } }, DEFAULT_CONFIG)).toBeNull();
  });
});
