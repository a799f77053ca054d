/**
 * Nothing a player reads comes from the worker's English: the backend choice, a run's end and a lost context reach
 * the game as data (src/shared/engine-events.ts) and are worded from the catalogue (src/game/ml/engine-words.ts).
 * The English wording of every backend reason is the worker's own log sentence; the other languages follow their
 * catalogues; a real diverging and a real cancelled run carry their end as data.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendWhyText, contextLostNotice, trainEndText } from '../../src/game/ml/engine-words';
import { chooseBackend, type BackendDeps, type GlInfo } from '../../src/ml-worker/backend';
import type { Engine } from '../../src/ml-worker/engine';
import { CATALOGUES, format, setLocale, t } from '../../src/shared/messages';
import { BACKEND_NAMES, type BackendName, type BackendPreference } from '../../src/shared/worker-api';
import { config, spec, testEngine } from './support/engine';

function deps(gl: GlInfo | null, working: BackendName[]): BackendDeps {
  return { probeGl: () => gl, setBackend: async (name) => working.includes(name) };
}
const hardware: GlInfo = { renderer: 'ANGLE (NVIDIA GeForce RTX 3060 Direct3D11)', isSoftware: false };
const swiftshader: GlInfo = { renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device)))', isSoftware: true };
const all = [...BACKEND_NAMES];
const CASES: [BackendPreference, GlInfo | null, BackendName[], boolean][] = [
  ['auto', hardware, all, false],
  ['auto', swiftshader, all, false],
  ['auto', null, all, false],
  ['auto', null, ['cpu'], false],
  ['auto', hardware, all, true],
  ['webgl', swiftshader, all, false],
  ['webgl', hardware, all, false],
  ['wasm', hardware, all, false],
  ['webgl', null, all, false],
  ['webgl', null, ['cpu'], false],
];

afterEach(() => setLocale('en'));

describe('the backend reason in the player language', () => {
  it('in English it is exactly the worker log sentence, in every case the chooser knows', async () => {
    const kinds = new Set<string>();
    for (const [pref, gl, working, broken] of CASES) {
      const choice = await chooseBackend(pref, deps(gl, working), broken);
      kinds.add(choice.why.kind);
      expect(backendWhyText(choice.why), `${pref} ${gl?.renderer} ${working.join()}`).toBe(choice.reason);
    }
    expect([...kinds].sort()).toEqual(['autoFallback', 'autoWebgl', 'chosen', 'failedOver']);
  });

  it('in Polish, Czech and Spanish it comes from their catalogues', async () => {
    const soft = await chooseBackend('auto', deps(swiftshader, all));
    const failed = await chooseBackend('webgl', deps(null, ['cpu']));
    for (const locale of ['pl', 'cs', 'es'] as const) {
      setLocale(locale);
      const cause = format(CATALOGUES[locale]['backend.cause.softwareGl'], { renderer: 'SwiftShader' }, locale);
      expect(backendWhyText(soft.why)).toBe(format(CATALOGUES[locale]['backend.why.autoWasm'], { cause }, locale));
      const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(['WebGL', 'WASM']);
      expect(backendWhyText(failed.why)).toBe(
        format(CATALOGUES[locale]['backend.why.failedOver'], { failed: list, backend: 'CPU' }, locale),
      );
      expect(backendWhyText({ kind: 'contextLost', backend: 'wasm' })).not.toMatch(/context was lost/);
    }
  });
});

describe('a run end and a lost context in the player language', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  it('a diverging run ends with its step, cause, rate and optimizer as data, worded in Czech', async () => {
    const { modelId } = await engine.createModel(spec({ linear: true, activation: 'linear', hidden: [16] }));
    const result = await engine.train(modelId, config({ optimizer: 'sgd', learningRate: 50, steps: 200 }));
    const end = result.end;
    if (end.kind !== 'diverged') throw new Error(`expected a diverged end, got ${end.kind}`);
    expect([end.step, end.learningRate, end.optimizer, end.lastGoodStep]).toEqual([result.steps, 50, 'sgd', 0]);
    expect(result.message).toContain(`diverged at step ${end.step}`);
    setLocale('cs');
    const text = trainEndText(end);
    expect(text).toMatch(/: (ztráta|váhy) /);
    expect(text.startsWith(`Trénování divergovalo v kroku ${end.step}:`)).toBe(true);
    expect(text).toContain('SGD');
    expect(text).not.toMatch(/Training|learning rate/);
    await engine.disposeModel(modelId);
  });

  it('a cancelled run ends with its step and total, worded in Spanish; a completed one needs no words', async () => {
    const { modelId } = await engine.createModel(spec());
    const c = config({ steps: 100_000, progressIntervalMs: 20 });
    let events = 0;
    const result = await engine.train(modelId, c, () => {
      if (++events === 2) void engine.cancel(c.jobId);
    });
    expect(result.end).toEqual({ kind: 'cancelled', step: result.steps, totalSteps: 100_000 });
    setLocale('es');
    expect(trainEndText(result.end)).toBe(
      format(CATALOGUES.es['train.end.cancelled'], { step: result.steps, total: 100_000 }, 'es'),
    );
    const done = await engine.train(modelId, config({ steps: 3 }));
    expect(done.end).toEqual({ kind: 'completed', steps: 3, epochs: done.epochs });
    expect([done.events, trainEndText(done.end)]).toEqual([[], '']);
    await engine.disposeModel(modelId);
  });

  it('a lost context becomes a notice key with its numbers, so the banner follows the language', () => {
    const notice = contextLostNotice({ kind: 'contextLost', lostAt: 120, backend: 'wasm', fromStep: 100 });
    expect(notice).toEqual({ key: 'notice.contextLost', params: { lostAt: 120, backend: 'WASM', fromStep: 100 } });
    setLocale('pl');
    expect(t(notice.key, notice.params)).toContain('120');
    expect(t(notice.key, notice.params)).not.toBe(format(CATALOGUES.en[notice.key], notice.params, 'en'));
  });
});
