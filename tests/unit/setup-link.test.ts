import { describe, expect, it } from 'vitest';
import { defaultControlValues, getLevel, LEVELS, validatePayload } from '../../src/shared/levels';
import { levelVariant } from '../../src/shared/levels/variants';
import {
  decodeBase64Url,
  decodeSetup,
  encodeBase64Url,
  encodeSetup,
  LINK_LIMITS,
  readSetupLink,
  setupQuery,
  type LabSetup,
  type LinkReadResult,
  type SharedSetup,
} from '../../src/shared/links';
import { createRng } from '../../src/shared/random';

const roundTrip = (setup: SharedSetup, hide: string[] = []): LinkReadResult =>
  readSetupLink(`?scene=lab&${setupQuery(setup, hide)}`);

/** A link whose JSON is exactly `json` (for hand-made hostile links). */
const rawLink = (json: string, version = 1): string => `?setup=${version}.${encodeBase64Url(json)}`;

const problemsOf = (result: LinkReadResult): string[] => {
  expect(result.status).toBe('invalid');
  return result.status === 'invalid' ? result.problems : [];
};

const DENSE: LabSetup = {
  kind: 'lab',
  spec: { kind: 'dense', dataset: 'mnist', hidden: [128], bottleneck: 32, activation: 'relu' },
  training: { steps: 2000, batchSize: 64, optimizer: 'adam', learningRate: 0.001, loss: 'bce', split: 'train' },
  seed: 42,
};

const LAB_SETUPS: LabSetup[] = [
  DENSE,
  {
    kind: 'lab',
    spec: {
      kind: 'denoising',
      dataset: 'glyphs',
      hidden: [64, 32],
      bottleneck: 8,
      activation: 'elu',
      noise: {
        type: 'mixed',
        kinds: [
          { type: 'gaussian', sigma: 0.3 },
          { type: 'block', size: 2 },
        ],
      },
    },
    training: { epochs: 300, batchSize: 16, optimizer: 'sgd', learningRate: 0.05, loss: 'mse', noisyCopies: 5 },
    seed: 7,
  },
  {
    kind: 'lab',
    spec: { kind: 'vae', dataset: 'mnist', hidden: [256], bottleneck: 2, activation: 'tanh', beta: 0.5 },
    training: { steps: 500, batchSize: 128, optimizer: 'adam', learningRate: 0.002, loss: 'bce', excludeLabels: [4] },
    seed: 0,
  },
  {
    kind: 'lab',
    spec: { kind: 'conv', dataset: 'mnist', hidden: [], bottleneck: 16, activation: 'relu', filters: [16, 8] },
    training: { steps: 100, batchSize: 32, optimizer: 'adam', learningRate: 0.001, loss: 'bce', limit: 2000 },
    seed: 123456,
  },
  {
    kind: 'lab',
    spec: { kind: 'ksparse', dataset: 'glyphs28', hidden: [64], bottleneck: 16, activation: 'relu', k: 4 },
    training: { steps: 100, batchSize: 16, optimizer: 'adam', learningRate: 0.005, loss: 'bce' },
    seed: 3,
  },
];

describe('setup links: round trips', () => {
  it.each(LEVELS.map((l) => [l.id, l] as const))('%s: its example payload comes back exactly', (_, level) => {
    const result = roundTrip({ kind: 'level', levelId: level.id, payload: level.example });
    const normalised = validatePayload(level, level.example);
    expect(normalised.ok).toBe(true);
    expect(result).toEqual({
      status: 'ok',
      setup: { kind: 'level', levelId: level.id, payload: normalised.ok && normalised.payload },
      hide: [],
    });
  });

  it.each(LEVELS.filter((l) => l.controls.length > 0).map((l) => [l.id, l] as const))(
    '%s: default controls, a seed and hidden controls come back; defaults cost nothing in the link',
    (_, level) => {
      const values = defaultControlValues(level.controls);
      const setup: SharedSetup = {
        kind: 'level',
        levelId: level.id,
        seed: 1234,
        payload: { kind: 'hyperparameters', values },
      };
      const hide = level.controls.slice(0, 2).map((c) => c.id);
      expect(roundTrip(setup, hide)).toEqual({ status: 'ok', setup, hide });
      expect(encodeSetup(setup)).toBe(
        encodeSetup({ kind: 'level', levelId: level.id, seed: 1234, payload: { kind: 'hyperparameters', values: {} } }),
      );
    },
  );

  it('restores a level with no payload, and a map level played with a classroom seed', () => {
    for (const level of LEVELS) {
      expect(roundTrip({ kind: 'level', levelId: level.id })).toEqual({
        status: 'ok',
        setup: { kind: 'level', levelId: level.id },
        hide: [],
      });
    }
    // Navigator with seed s accepts only its variant's one target (index 0).
    const navigator = getLevel('navigator');
    expect(navigator).toBeDefined();
    const variant = levelVariant(navigator!, 99);
    const payload = validatePayload(variant, { kind: 'latentPoints', points: [[0, 0]], target: 0 });
    expect(payload.ok).toBe(true);
    const setup: SharedSetup = {
      kind: 'level',
      levelId: 'navigator',
      seed: 99,
      payload: payload.ok ? payload.payload : undefined,
    };
    expect(roundTrip(setup)).toEqual({ status: 'ok', setup, hide: [] });
  });

  it.each(LAB_SETUPS.map((s) => [`${s.spec.kind} on ${s.spec.dataset}`, s] as const))(
    'Lab: %s comes back exactly, with hidden controls',
    (_, setup) => {
      expect(roundTrip(setup, ['bottleneck', 'seed'])).toEqual({ status: 'ok', setup, hide: ['bottleneck', 'seed'] });
    },
  );

  it('makes short links of URL-safe characters only', () => {
    const link = encodeSetup(DENSE);
    expect(link).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(300);
    const level = LEVELS[0];
    const defaults = encodeSetup({
      kind: 'level',
      levelId: level.id,
      payload: { kind: 'hyperparameters', values: defaultControlValues(level.controls) },
    });
    expect(defaults.length).toBeLessThan(120);
    expect(setupQuery(DENSE, ['kind'])).toBe(`setup=${link}&hide=kind`);
  });

  it('says "no link" when the URL has none, and reads URLSearchParams too', () => {
    expect(readSetupLink('')).toEqual({ status: 'none' });
    expect(readSetupLink('?level=blend&hide=x')).toEqual({ status: 'none' });
    expect(readSetupLink(new URLSearchParams(setupQuery(DENSE)))).toMatchObject({ status: 'ok' });
  });

  it('encodes any UTF-8 text in strict base64url', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'żółw ♥ 𝔸', '{"x":[1,2]}'])
      expect(decodeBase64Url(encodeBase64Url(text))).toBe(text);
    expect(decodeBase64Url('YQ')).toBe('a');
    expect(decodeBase64Url('YR')).toBeNull(); // non-canonical trailing bits
    expect(decodeBase64Url('YQ==')).toBeNull(); // padding is not base64url
    expect(decodeBase64Url('Y')).toBeNull();
    expect(decodeBase64Url('__79')).toBeNull(); // bytes ff fe fd: not UTF-8
  });
});

describe('setup links: malformed and hostile links', () => {
  const valid = `?${setupQuery({ kind: 'level', levelId: LEVELS[0].id, payload: LEVELS[0].example })}`;

  it('rejects bad base64, a missing or wrong version, and invalid JSON or UTF-8', () => {
    for (const search of [
      '?setup=',
      '?setup=1.',
      '?setup=1.%40%40%40%40',
      '?setup=1.eyJ!',
      '?setup=eyJsZXZlbCI6IngifQ',
      '?setup=x.eyJ9',
    ]) {
      expect(problemsOf(readSetupLink(search))).toEqual(['The link is cut off or damaged.']);
    }
    expect(problemsOf(readSetupLink(rawLink('{"level":"blend"')))).toEqual(['The link is cut off or damaged.']);
    expect(problemsOf(readSetupLink('?setup=1.__79'))).toEqual(['The link is cut off or damaged.']);
    expect(problemsOf(readSetupLink(rawLink('{"level":"blend"}', 2)))).toEqual([
      'The link was made by another version of Latent Quest (link format 2).',
    ]);
  });

  it('never restores part of a truncated link', () => {
    const full = new URLSearchParams(valid).get('setup') ?? '';
    for (let n = 0; n < full.length; n++) expect(decodeSetup(full.slice(0, n)).status).toBe('invalid');
    expect(decodeSetup(full).status).toBe('ok');
  });

  it('rejects an unknown level, unknown fields and wrong types', () => {
    expect(problemsOf(readSetupLink(rawLink('{"level":"no-such-level"}')))).toEqual([
      'There is no level called "no-such-level".',
    ]);
    expect(problemsOf(readSetupLink(rawLink('{"level":"Blend!"}'))).length).toBeGreaterThan(0);
    expect(problemsOf(readSetupLink(rawLink('{"level":"blend","extra":1}'))).length).toBeGreaterThan(0);
    expect(problemsOf(readSetupLink(rawLink('{"level":"blend","seed":-1}'))).length).toBeGreaterThan(0);
    expect(problemsOf(readSetupLink(rawLink('{"level":"blend","seed":1.5}'))).length).toBeGreaterThan(0);
    expect(problemsOf(readSetupLink(rawLink('[1,2,3]'))).length).toBeGreaterThan(0);
    expect(problemsOf(readSetupLink(rawLink('null'))).length).toBeGreaterThan(0);
  });

  it('rejects out-of-range control values and payloads the level would refuse', () => {
    const level = LEVELS.find((l) => l.controls.some((c) => c.kind === 'slider'))!;
    const slider = level.controls.find((c) => c.kind === 'slider')!;
    const tooBig = slider.kind === 'slider' ? slider.max + 1000 * slider.step : 0;
    const result = readSetupLink(
      rawLink(JSON.stringify({ level: level.id, p: { kind: 'hyperparameters', values: { [slider.id]: tooBig } } })),
    );
    expect(problemsOf(result).join(' ')).toContain(slider.id);
    expect(
      problemsOf(
        readSetupLink(
          rawLink(JSON.stringify({ level: level.id, p: { kind: 'hyperparameters', values: { nope: 1 } } })),
        ),
      ),
    ).toEqual(['"nope" is not a control of this level.']);
    expect(
      problemsOf(readSetupLink(rawLink(JSON.stringify({ level: level.id, p: { kind: 'path', points: [[0], [0]] } }))))
        .length,
    ).toBeGreaterThan(0);
  });

  it('rejects Lab setups the worker could not build or train', () => {
    const bad = (patch: (s: LabSetup) => LabSetup): string[] => problemsOf(roundTrip(patch(structuredClone(DENSE))));
    expect(bad((s) => ({ ...s, spec: { ...s.spec, bottleneck: 0 } }))[0]).toMatch(/bottleneck/i);
    expect(bad((s) => ({ ...s, spec: { ...s.spec, hidden: [1, 2, 3, 4, 5, 6, 7] } })).length).toBeGreaterThan(0);
    expect(bad((s) => ({ ...s, training: { ...s.training, learningRate: -1 } }))[0]).toMatch(/learning rate/i);
    expect(bad((s) => ({ ...s, training: { ...s.training, excludeLabels: [12] } }))[0]).toMatch(/class 12/i);
    expect(bad((s) => ({ ...s, spec: { ...s.spec, kind: 'ksparse', k: 99 } }))[0]).toMatch(/k \(code units/);
    expect(bad((s) => ({ ...s, spec: { ...s.spec, noise: { type: 'gaussian', sigma: 9 } } }))[0]).toMatch(/sigma/);
    expect(problemsOf(readSetupLink(rawLink('{"lab":{},"train":{},"seed":1}'))).length).toBeGreaterThan(3);
  });

  it('rejects hidden controls the setup does not have', () => {
    const level = LEVELS.find((l) => l.controls.length > 0)!;
    expect(problemsOf(readSetupLink(`${valid}&hide=${level.controls[0].id},warpDrive`))).toEqual([
      '"warpDrive" is not a setting that can be hidden here.',
    ]);
    expect(problemsOf(roundTrip(DENSE, ['kind', 'colour'])).length).toBe(1);
    expect(problemsOf(readSetupLink(`${valid}&hide=${'a,'.repeat(40)}`)).length).toBeGreaterThan(0);
  });

  it('refuses huge input before decoding it', () => {
    const huge = `?setup=1.${'A'.repeat(LINK_LIMITS.setupChars + 10)}`;
    expect(problemsOf(readSetupLink(huge))).toEqual(['The link is too long.']);
    expect(problemsOf(readSetupLink(`${valid}&hide=${'x'.repeat(LINK_LIMITS.hideChars + 1)}`))).toEqual([
      'The link is too long.',
    ]);
    const deep = `${'['.repeat(50)}${']'.repeat(50)}`;
    expect(problemsOf(readSetupLink(rawLink(`{"level":"blend","p":${deep}}`)))).toEqual([
      'The link is cut off or damaged.',
    ]);
  });

  it('rejects prototype-pollution keys and pollutes nothing', () => {
    const level = LEVELS.find((l) => l.controls.length > 0)!;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const json = `{"level":"${level.id}","p":{"kind":"hyperparameters","values":{"${key}":{"polluted":true}}}}`;
      expect(problemsOf(readSetupLink(rawLink(json)))).toEqual([
        `The link contains a field called "${key}", which is not allowed.`,
      ]);
      expect(problemsOf(readSetupLink(rawLink(`{"${key}":{"polluted":true},"level":"${level.id}"}`)))).toHaveLength(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on random input (fuzz)', () => {
    const rng = createRng(2026);
    const alphabet = 'AZaz09-_.=%&~!@#{}[]"\\:, \u0000é♥';
    for (let n = 0; n < 500; n++) {
      const length = rng.int(80);
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[rng.int(alphabet.length)];
      const result = decodeSetup(rng.next() < 0.5 ? `1.${s}` : s, rng.next() < 0.3 ? s : null);
      expect(result.status).toBe('invalid');
    }
    // Valid base64url of random bytes (so JSON.parse and zod see garbage, not just base64 errors).
    for (let n = 0; n < 200; n++) {
      const text = String.fromCharCode(...Array.from({ length: rng.int(60) }, () => 32 + rng.int(95)));
      expect(decodeSetup(`1.${encodeBase64Url(text)}`).status).toBe('invalid');
    }
  });
});
