import { afterEach, describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { memoryStorage } from './support/memory-storage';
import { DEFAULT_SETTINGS, MAX_LOSS_POINTS, createGameStore, snapshot, type GameStoreApi } from '../../src/game/state';
import { SETTINGS_STORAGE_KEY, SETTINGS_VERSION, migrate } from '../../src/game/state/persistence';
import { appendLossPoint, clampBottleneck, clampHiddenWidth, clampNoiseLevel } from '../../src/game/state/lab-rules';

let store: GameStoreApi | undefined;
afterEach(() => {
  store = undefined;
});

describe('settings persistence', () => {
  it('starts from defaults and persists only settings and progress', () => {
    const storage = memoryStorage();
    store = createGameStore({ storage });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    store.getState().setBackendPreference('wasm');
    store.getState().setBottleneck(5);
    const saved = JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY)!);
    expect(saved).toEqual({
      state: { settings: { ...DEFAULT_SETTINGS, backend: 'wasm' }, progress: { levels: {} } },
      version: SETTINGS_VERSION,
    });
  });

  it('reads back a valid save', () => {
    const storage = memoryStorage({
      [SETTINGS_STORAGE_KEY]: JSON.stringify({
        state: { settings: { ...DEFAULT_SETTINGS, sound: false }, progress: { levels: {} } },
        version: SETTINGS_VERSION,
      }),
    });
    store = createGameStore({ storage });
    expect(store.getState().settings.sound).toBe(false);
    expect(store.getState().lab.notices).toEqual([]);
  });

  it.each([
    ['not JSON', '{"state": {"settings": '],
    ['a number', '42'],
    ['no settings', JSON.stringify({ state: null, version: SETTINGS_VERSION })],
  ])('resets a corrupt save (%s) with a notice, never a crash', (_name, text) => {
    const storage = memoryStorage({ [SETTINGS_STORAGE_KEY]: text });
    store = createGameStore({ storage });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().lab.notices.map((n) => n.key)).toEqual(['notice.settingsReset']);
    expect(storage.data.has(SETTINGS_STORAGE_KEY)).toBe(false);
  });

  it('keeps the rest of a save with one wrong type and names what it dropped (the backend, the missing progress)', () => {
    const text = JSON.stringify({
      state: { settings: { ...DEFAULT_SETTINGS, backend: 'quantum' } },
      version: SETTINGS_VERSION,
    });
    store = createGameStore({ storage: memoryStorage({ [SETTINGS_STORAGE_KEY]: text }) });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().lab.notices.map((n) => [n.key, n.params])).toEqual([
      ['notice.saveEntriesDropped', { count: 2, parts: 'the setting “Compute backend”, the level results' }],
    ]);
  });

  it('migrates an old flat save, keeping valid fields', () => {
    const storage = memoryStorage({
      [SETTINGS_STORAGE_KEY]: JSON.stringify({ state: { backend: 'cpu', sound: 'loud' }, version: 0 }),
    });
    store = createGameStore({ storage });
    expect(store.getState().settings).toEqual({ ...DEFAULT_SETTINGS, backend: 'cpu' });
    expect(store.getState().lab.notices).toEqual([]);
    expect(migrate(null, 7)).toEqual({ settings: DEFAULT_SETTINGS, progress: { levels: {} } });
  });

  it('survives a storage that throws', () => {
    const throwing: StateStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    store = createGameStore({ storage: throwing });
    store.getState().setSound(false);
    expect(store.getState().settings.sound).toBe(false);
  });
});

describe('lab slice', () => {
  it('clamps controls to their ranges', () => {
    expect(clampBottleneck(0)).toBe(1);
    expect(clampBottleneck(99)).toBe(64);
    expect(clampBottleneck(Number.NaN)).toBe(32);
    expect(clampHiddenWidth(100)).toBe(128);
    expect(clampNoiseLevel(0.33)).toBe(0.35);
    expect(clampNoiseLevel(-1)).toBe(0);
  });

  it('records a run and finishes it', () => {
    store = createGameStore({ storage: null });
    const s = store.getState();
    s.beginRun({ modelId: 'm1', kind: 'dense', dataset: 'mnist', paramCount: 10, latentSize: 32 }, 100);
    s.recordProgress({
      step: 10,
      totalSteps: 100,
      epoch: 0,
      total: 0.5,
      reconstruction: 0.5,
      samplesPerSecond: 900,
      etaMs: 1000,
      elapsedMs: 100,
    });
    s.recordProgress({
      step: 20,
      totalSteps: 100,
      epoch: 0,
      total: 0.4,
      reconstruction: 0.3,
      kl: 2,
      samplesPerSecond: 900,
      etaMs: 900,
      elapsedMs: 200,
    });
    expect(store.getState().lab.lossHistory).toEqual([
      { step: 10, total: 0.5, reconstruction: 0.5 },
      { step: 20, total: 0.4, reconstruction: 0.3, kl: 2 },
    ]);
    s.resumeRun(10);
    expect(store.getState().lab.lossHistory.map((p) => p.step)).toEqual([10]);
    s.finishRun({ reason: 'completed', message: 'ok', steps: 100 });
    expect(store.getState().lab.status).toBe('done');
    const snap = snapshot(store.getState());
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });

  it('thins the loss history instead of growing without bound', () => {
    let h = [] as ReturnType<typeof appendLossPoint>;
    for (let i = 1; i <= 5000; i++) h = appendLossPoint(h, { step: i, total: 1 / i, reconstruction: 1 / i });
    expect(h.length).toBeLessThanOrEqual(MAX_LOSS_POINTS);
    expect(h[0].step).toBe(1);
    expect(h[h.length - 1].step).toBe(5000);
  });

  it('keeps a bounded list of notices and dismisses by id', () => {
    store = createGameStore({ storage: null });
    const ids = Array.from({ length: 8 }, () => store!.getState().addNotice('info', 'notice.settingsReset'));
    expect(store.getState().lab.notices.length).toBe(5);
    store.getState().dismissNotice(ids[7]);
    expect(store.getState().lab.notices.map((n) => n.id)).not.toContain(ids[7]);
  });
});
