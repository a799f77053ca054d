import { describe, expect, it } from 'vitest';
import { memoryStorage } from './support/memory-storage';
import { CATALOGUES, getLocale, setLocale, type Catalogue, type Locale } from '../../src/shared/messages';
import { noticeText } from '../../src/game/state/notice-text';
import { noticeView } from '../../src/game/view/lab-view';
import { LEVELS, levelsOfWorld } from '../../src/shared/levels';
import {
  DEFAULT_SETTINGS,
  TOTAL_STARS,
  createGameStore,
  snapshot,
  totalStars,
  unlockedLevels,
} from '../../src/game/state';
import { SAVE_STORAGE_KEY, SAVE_VERSION, migrate, readPersisted } from '../../src/game/state/persistence';
import { baseSizeFor } from '../../src/game/layout/screen';

const saved = (storage: { data: Map<string, string> }) =>
  JSON.parse(storage.data.get(SAVE_STORAGE_KEY)!) as {
    state: { progress: unknown; settings: unknown };
    version: number;
  };
const noticeKeys = (store: ReturnType<typeof createGameStore>) => store.getState().lab.notices.map((n) => n.key);
const [first, second, third] = levelsOfWorld(1);
/** A level scored "lower is better" and one scored "higher is better" (from the catalogue, not assumed). */
const lowerLevel = LEVELS.find((l) => l.metric.direction === 'lower')!;
const higherLevel = LEVELS.find((l) => l.metric.direction === 'higher')!;

describe('progress slice', () => {
  it('has 63 stars to win over 21 levels and opens only the first level at the start', () => {
    expect(LEVELS.length).toBe(21);
    expect(TOTAL_STARS).toBe(63);
    const store = createGameStore({ storage: memoryStorage() });
    expect(store.getState().progress).toEqual({ levels: {} });
    expect(unlockedLevels(store.getState().progress)).toEqual([first.id]);
  });

  it('keeps the best result: more stars first, then the better score in the level direction', () => {
    const store = createGameStore({ storage: memoryStorage() });
    const rec = store.getState().recordLevelResult;
    expect(
      rec(lowerLevel.id, { score: 0.5, stars: 1, payload: { kind: 'hyperparameters', values: { a: 1 } } }).improved,
    ).toBe(true);
    // Better score (lower), same stars: replaces.
    expect(
      rec(lowerLevel.id, { score: 0.3, stars: 1, payload: { kind: 'hyperparameters', values: { a: 2 } } }).improved,
    ).toBe(true);
    // Worse score: kept out, but counted as an attempt.
    expect(
      rec(lowerLevel.id, { score: 0.9, stars: 1, payload: { kind: 'hyperparameters', values: { a: 3 } } }).improved,
    ).toBe(false);
    // Fewer stars even with a "better" score: kept out.
    expect(
      rec(lowerLevel.id, { score: 0.1, stars: 0, payload: { kind: 'hyperparameters', values: { a: 4 } } }).improved,
    ).toBe(false);
    let entry = store.getState().progress.levels[lowerLevel.id];
    expect(entry).toEqual({
      stars: 1,
      bestScore: 0.3,
      bestPayload: { kind: 'hyperparameters', values: { a: 2 } },
      attempts: 4,
    });
    // More stars win even with a worse score.
    expect(
      rec(lowerLevel.id, { score: 0.6, stars: 2, payload: { kind: 'hyperparameters', values: { a: 5 } } }).improved,
    ).toBe(true);
    entry = store.getState().progress.levels[lowerLevel.id];
    expect(entry).toMatchObject({ stars: 2, bestScore: 0.6, attempts: 5 });

    rec(higherLevel.id, { score: 50, stars: 1, payload: null });
    rec(higherLevel.id, { score: 70, stars: 1, payload: null });
    rec(higherLevel.id, { score: 60, stars: 1, payload: null });
    expect(store.getState().progress.levels[higherLevel.id]).toMatchObject({
      bestScore: 70,
      attempts: 3,
      bestPayload: null,
    });
  });

  it('stores the payload as a plain JSON copy and ignores unknown levels', () => {
    const store = createGameStore({ storage: memoryStorage() });
    const payload = { kind: 'latentPoints', points: [[0.5, -1]] };
    store.getState().recordLevelResult(first.id, { score: 1, stars: 3, payload });
    payload.points[0][0] = 99;
    expect(store.getState().progress.levels[first.id].bestPayload).toEqual({
      kind: 'latentPoints',
      points: [[0.5, -1]],
    });
    expect(store.getState().recordLevelResult('no-such-level', { score: 1, stars: 3, payload: {} })).toEqual({
      improved: false,
      newlyUnlocked: [],
    });
    expect(store.getState().progress.levels['no-such-level']).toBeUndefined();
  });

  it('unlocks the next level on a win, reports it, and opens world 2 after enough stars in world 1', () => {
    const store = createGameStore({ storage: memoryStorage() });
    const rec = store.getState().recordLevelResult;
    expect(rec(first.id, { score: 1, stars: 0, payload: null }).newlyUnlocked).toEqual([]);
    expect(rec(first.id, { score: 1, stars: 1, payload: null }).newlyUnlocked).toEqual([second.id]);
    expect(unlockedLevels(store.getState().progress)).toEqual([first.id, second.id]);
    const world2 = levelsOfWorld(2)[0];
    // 4 levels in world 1 → 4 stars open world 2: 3 on the first, 1 on the second.
    rec(first.id, { score: 1, stars: 3, payload: null });
    const r = rec(second.id, { score: 1, stars: 1, payload: null });
    expect(r.newlyUnlocked.sort()).toEqual([third.id, world2.id].sort());
    expect(totalStars(store.getState().progress)).toBe(4);
    expect(snapshot(store.getState()).progress).toMatchObject({ totalStars: 4 });
  });

  it('resetProgress forgets every level, keeps the settings, and is saved', () => {
    const storage = memoryStorage();
    const store = createGameStore({ storage });
    store.getState().setSound(false);
    store.getState().recordLevelResult(first.id, { score: 1, stars: 2, payload: null });
    expect(saved(storage).state.progress).toMatchObject({ levels: { [first.id]: { stars: 2 } } });
    store.getState().resetProgress();
    expect(store.getState().progress).toEqual({ levels: {} });
    expect(store.getState().settings.sound).toBe(false);
    expect(saved(storage).state.progress).toEqual({ levels: {} });
  });
});

describe('progress persistence', () => {
  const entry = {
    stars: 2,
    bestScore: 0.25,
    bestPayload: { kind: 'hyperparameters', values: { bottleneck: 2 } },
    attempts: 3,
  };

  it('round-trips through storage (a reload finds the stars)', () => {
    const storage = memoryStorage();
    const a = createGameStore({ storage });
    a.getState().recordLevelResult(first.id, { score: 0.25, stars: 2, payload: entry.bestPayload });
    const b = createGameStore({ storage });
    expect(b.getState().progress.levels[first.id]).toEqual({ ...entry, attempts: 1 });
    expect(saved(storage).version).toBe(SAVE_VERSION);
    expect(noticeKeys(b)).toEqual([]);
  });

  it('migrates a v1 (settings-only) save: keeps the settings, starts progress empty, no notice', () => {
    const v1 = { state: { settings: { ...DEFAULT_SETTINGS, backend: 'wasm', reducedMotion: true } }, version: 1 };
    const storage = memoryStorage({ [SAVE_STORAGE_KEY]: JSON.stringify(v1) });
    const store = createGameStore({ storage });
    expect(store.getState().settings).toEqual({ ...DEFAULT_SETTINGS, backend: 'wasm', reducedMotion: true });
    expect(store.getState().progress).toEqual({ levels: {} });
    expect(noticeKeys(store)).toEqual([]);
    // The migrated shape is written back at the new version on the next change.
    store.getState().setSound(false);
    expect(saved(storage)).toEqual({
      state: {
        settings: { ...DEFAULT_SETTINGS, backend: 'wasm', reducedMotion: true, sound: false },
        progress: { levels: {} },
      },
      version: SAVE_VERSION,
    });
  });

  it('migrates a v1 save with a bad field by keeping the valid ones', () => {
    expect(migrate({ settings: { backend: 'quantum', sound: false } }, 1)).toEqual({
      settings: { ...DEFAULT_SETTINGS, sound: false },
      progress: { levels: {} },
    });
  });

  it('keeps the valid entries of a newer version and drops levels that no longer exist', () => {
    const newer = {
      settings: DEFAULT_SETTINGS,
      progress: { levels: { [first.id]: entry, gone: entry, [second.id]: { stars: 9 } } },
      extra: 1,
    };
    expect(migrate(newer, SAVE_VERSION + 1)).toEqual({
      settings: DEFAULT_SETTINGS,
      progress: { levels: { [first.id]: entry } },
    });
    expect(
      readPersisted({ settings: DEFAULT_SETTINGS, progress: { levels: { [first.id]: entry, gone: entry } } }),
    ).toEqual({
      settings: DEFAULT_SETTINGS,
      progress: { levels: { [first.id]: entry } },
    });
  });

  it.each([
    ['corrupt JSON', '{"state": {"settings": {"backend": "auto"'],
    ['an empty string', ''],
    ['a JSON array', '[1, 2, 3]'],
    ['a foreign object', JSON.stringify({ user: 'bob', highscore: 12000 })],
    ['a foreign envelope', JSON.stringify({ state: { theme: 'dark' }, version: SAVE_VERSION })],
  ])('resets %s to a fresh start with a notice, never a crash', (_name, text) => {
    const storage = memoryStorage({ [SAVE_STORAGE_KEY]: text });
    const store = createGameStore({ storage });
    expect(store.getState().progress).toEqual({ levels: {} });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(noticeKeys(store)).toEqual(['notice.settingsReset']);
    expect(storage.data.has(SAVE_STORAGE_KEY)).toBe(false);
    // And the game goes on: a result recorded afterwards is saved normally.
    store.getState().recordLevelResult(first.id, { score: 1, stars: 1, payload: null });
    expect(saved(storage).state.progress).toMatchObject({ levels: { [first.id]: { stars: 1, attempts: 1 } } });
  });
});

describe('a save with one bad part', () => {
  const entry = {
    stars: 2,
    bestScore: 0.25,
    bestPayload: { kind: 'hyperparameters', values: { bottleneck: 2 } },
    attempts: 3,
  };
  const good = { stars: 1, bestScore: 3, bestPayload: null, attempts: 1 };
  const settings = { ...DEFAULT_SETTINGS, sound: false, locale: 'pl' };
  const v2 = (progress: unknown, s: unknown = settings) =>
    JSON.stringify({ state: { settings: s, progress }, version: SAVE_VERSION });
  const noticeOf = (store: ReturnType<typeof createGameStore>) => store.getState().lab.notices.at(-1);
  // The bad entry is always the first level's; the second level's result and the settings must survive.
  it.each([
    ['stars out of range', { ...entry, stars: 7 }],
    ['stars as a string', { ...entry, stars: '3' }],
    ['a negative attempt count', { ...entry, attempts: -1 }],
    ['a fractional attempt count', { ...entry, attempts: 1.5 }],
    ['a non-finite score', { ...entry, bestScore: null }],
    ['a payload that is an array', { ...entry, bestPayload: [1, 2] }],
    ['a huge payload', { ...entry, bestPayload: { blob: 'x'.repeat(20_000) } }],
  ])('with %s keeps every other level and the settings, and names the dropped level', (_name, bad) => {
    const storage = memoryStorage({ [SAVE_STORAGE_KEY]: v2({ levels: { [first.id]: bad, [second.id]: good } }) });
    const store = createGameStore({ storage });
    expect(store.getState().progress.levels).toEqual({ [second.id]: good });
    expect(store.getState().settings).toEqual(settings);
    const notice = noticeOf(store)!;
    expect(notice.key).toBe('notice.saveEntriesDropped');
    // Named in the save's own language (Polish here), as the player reads it.
    expect(notice.params).toEqual({ count: 1, parts: `wynik poziomu „${first.title.pl}”` });
    // And the game goes on: the next result is saved with the kept one.
    store.getState().recordLevelResult(first.id, { score: 1, stars: 1, payload: null });
    expect(saved(storage).state.progress).toMatchObject({
      levels: { [first.id]: { stars: 1, attempts: 1 }, [second.id]: good },
    });
  });

  it("words the dropped parts in the player's language once its catalogue has loaded, not in English", () => {
    // The browser loads Polish lazily: a save read before it arrives gets English part names in params…
    const lazy = CATALOGUES as Partial<Record<Locale, Catalogue>>;
    const polish = lazy.pl;
    delete lazy.pl;
    let store: ReturnType<typeof createGameStore>;
    try {
      store = createGameStore({
        storage: memoryStorage({ [SAVE_STORAGE_KEY]: v2({ levels: { [first.id]: { ...entry, stars: 7 } } }) }),
      });
    } finally {
      lazy.pl = polish;
    }
    const notice = noticeOf(store)!;
    expect(notice.params).toEqual({ count: 1, parts: `the result of “${first.title.pl}”` });
    // …and the notice, shown once Polish is there, names them in Polish.
    const before = getLocale();
    setLocale('pl');
    try {
      const text = noticeText(notice);
      expect(text).toContain(`wynik poziomu „${first.title.pl}”`);
      expect(text).not.toContain('the result of');
      expect(noticeView([notice]).notice?.text).toBe(text);
    } finally {
      setLocale(before);
    }
  });

  it('keeps the progress when one setting is bad, and the settings when the progress is unreadable', () => {
    const badSetting = createGameStore({
      storage: memoryStorage({
        [SAVE_STORAGE_KEY]: v2({ levels: { [second.id]: good } }, { ...settings, locale: 'en', sound: 'yes' }),
      }),
    });
    expect(badSetting.getState().progress.levels).toEqual({ [second.id]: good });
    expect(badSetting.getState().settings).toEqual({ ...settings, locale: 'en', sound: true });
    expect(noticeOf(badSetting)?.params).toEqual({ count: 1, parts: 'the setting “Sound”' });
    for (const progress of [{ levels: [entry] }, undefined]) {
      const store = createGameStore({ storage: memoryStorage({ [SAVE_STORAGE_KEY]: v2(progress) }) });
      expect(store.getState().settings).toEqual(settings);
      expect(store.getState().progress).toEqual({ levels: {} });
      expect(noticeOf(store)?.key).toBe('notice.saveEntriesDropped');
    }
  });

  it('remembers what the player set on a level across a reload, and drops a bad remembered entry alone', () => {
    const storage = memoryStorage();
    const a = createGameStore({ storage });
    a.getState().rememberLevelSettings(first.id, { values: { bottleneck: 3 } });
    a.getState().rememberLevelSettings('no-such-level', { values: { bottleneck: 3 } });
    a.getState().recordLevelResult(first.id, { score: 3, stars: 1, payload: null });
    const b = createGameStore({ storage });
    expect(b.getState().progress.lastSettings).toEqual({ [first.id]: { values: { bottleneck: 3 } } });
    expect(b.getState().progress.levels[first.id]).toMatchObject({ stars: 1 });
    expect(noticeKeys(b)).toEqual([]);
    const text = v2({ levels: { [second.id]: good }, lastSettings: { [first.id]: 'not an object' } });
    const c = createGameStore({ storage: memoryStorage({ [SAVE_STORAGE_KEY]: text }) });
    expect(c.getState().progress).toEqual({ levels: { [second.id]: good } });
    expect(noticeOf(c)?.params).toEqual({ count: 1, parts: `ostatnie ustawienia poziomu „${first.title.pl}”` });
  });
});

describe('screen base size', () => {
  it('is 1280x720 in landscape and 420 wide, as tall as the screen, in portrait', () => {
    expect(baseSizeFor(1280, 720)).toEqual({ width: 1280, height: 720 });
    expect(baseSizeFor(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(baseSizeFor(390, 844)).toEqual({ width: 420, height: 909 });
    expect(baseSizeFor(768, 1024).width).toBe(420);
    expect(baseSizeFor(0, 0)).toEqual({ width: 1280, height: 720 });
  });
});

describe('save writes', () => {
  it('writes only when settings or progress change, not on every store update', () => {
    const storage = memoryStorage();
    let writes = 0;
    const counting = {
      ...storage,
      setItem: (k: string, v: string) => {
        writes++;
        storage.setItem(k, v);
      },
    };
    const store = createGameStore({ storage: counting });
    store.getState().setSound(false);
    const afterSettings = writes;
    expect(afterSettings).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) store.getState().setBottleneck(i + 1);
    expect(writes).toBe(afterSettings);
    store.getState().recordLevelResult(LEVELS[0].id, { score: 1, stars: 1, payload: null });
    expect(writes).toBe(afterSettings + 1);
    expect(saved(storage).state.progress).toMatchObject({ levels: { [LEVELS[0].id]: { stars: 1 } } });
  });
});
