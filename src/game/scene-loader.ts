/**
 * Scenes not on the first screen load on demand (issue 15: a main chunk ≤ 350 KB gzip). Boot, Preloader and
 * Title are in the game's chunk; WorldMap, Level (with its Hud), Results, Settings, Lab, Classroom and Draw are each
 * their own chunk, registered with `game.scene.add(key, Class)` once their module has arrived, and only then
 * started. Every screen change goes through `goTo`, which starts a registered scene at once (as `scene.start`)
 * and otherwise awaits its module first, showing a thin loading bar on the screen being left after a moment.
 *
 * Why this shape: registering and starting happen in a promise callback, never inside the SceneManager's update
 * or a scene's create, and a scene is never removed or swapped under a running key (the earlier stand-in scene
 * that swapped itself for the real one crashed Chromium's tab). Once the Title is up, `prefetchScenes` loads and
 * registers the rest in the background, so a player's later screen changes are as immediate as before.
 */
import * as Phaser from 'phaser';
import { getContext } from './context';
import { COLORS } from './ui/theme';

type SceneClass = new () => Phaser.Scene;
type SceneModules = Record<string, SceneClass>;

/** Each lazily loaded key and what its chunk registers (Level brings the Hud it launches beside itself). */
const LOADERS: Record<string, () => Promise<SceneModules>> = {
  // First in the background prefetch: Play is the title's first button.
  WorldMap: async () => ({ WorldMap: (await import('./scenes/WorldMap')).WorldMap }),
  Level: async () => {
    const [{ Level }, { Hud }] = await Promise.all([import('./scenes/Level'), import('./scenes/Hud')]);
    return { Level, Hud };
  },
  Results: async () => ({ Results: (await import('./scenes/Results')).Results }),
  Settings: async () => ({ Settings: (await import('./scenes/Settings')).Settings }),
  Lab: async () => ({ Lab: (await import('./scenes/Lab')).Lab }),
  Classroom: async () => ({ Classroom: (await import('./scenes/Classroom')).Classroom }),
  Draw: async () => ({ Draw: (await import('./scenes/Draw')).Draw }),
};
LOADERS.Hud = LOADERS.Level;

/** The key itself is registered, or can be loaded. */
export function isKnownScene(game: Phaser.Game, key: string): boolean {
  return game.scene.keys[key] !== undefined || key in LOADERS;
}

const loading = new WeakMap<Phaser.Game, Map<string, Promise<void>>>();
const destroyed = new WeakSet<Phaser.Game>();

/** Loads scene `key`'s chunk (once) and registers its scenes, not started; resolves at once when registered. */
export function ensureScene(game: Phaser.Game, key: string): Promise<void> {
  if (game.scene.keys[key] !== undefined) return Promise.resolve();
  const load = LOADERS[key];
  if (!load) return Promise.reject(new Error(`Unknown scene ${key}`));
  let pending = loading.get(game);
  if (!pending) {
    loading.set(game, (pending = new Map()));
    game.events.once(Phaser.Core.Events.DESTROY, () => destroyed.add(game));
  }
  let promise = pending.get(key);
  if (!promise) {
    promise = load().then(
      (classes) => {
        if (destroyed.has(game)) return;
        // Outside the SceneManager's processing (a promise callback), `add` registers at once.
        for (const [k, Cls] of Object.entries(classes))
          if (game.scene.keys[k] === undefined) game.scene.add(k, Cls, false);
      },
      (error: unknown) => {
        pending.delete(key); // a later try may succeed (e.g. back online)
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

/** The latest screen change asked for, per game: an earlier one still loading is dropped. */
const latest = new WeakMap<Phaser.Game, number>();
const LOADING_BAR_DELAY_MS = 150;

/** `from.scene.start(key, data)`, loading `key`'s chunk first when it is not registered yet. */
export function goTo(from: Phaser.Scene, key: string, data?: object): void {
  const game = from.game;
  if (game.scene.keys[key] !== undefined) {
    latest.set(game, (latest.get(game) ?? 0) + 1);
    from.scene.start(key, data);
    return;
  }
  const ticket = (latest.get(game) ?? 0) + 1;
  latest.set(game, ticket);
  const stopBar = showLoadingBar(from);
  ensureScene(game, key).then(
    () => {
      stopBar();
      // Still the latest wish and the screen that asked is still up: go.
      if (latest.get(game) === ticket && from.sys.isActive()) from.scene.start(key, data);
    },
    (error: unknown) => {
      stopBar();
      console.error(`Scene ${key} failed to load`, error);
    },
  );
}

/** How long the game may be idle before the background prefetch starts at the latest. */
const PREFETCH_IDLE_TIMEOUT_MS = 3000;
const PREFETCH_DELAY_MS = 400;
const prefetched = new WeakSet<Phaser.Game>();

/**
 * Loads and registers every lazy scene in the background, one chunk at a time, starting when the page is idle
 * (after the first screen is interactive), so the downloads and parses never stack up into one long task.
 */
export function prefetchScenes(game: Phaser.Game): void {
  if (prefetched.has(game)) return;
  prefetched.add(game);
  const keys = Object.keys(LOADERS).filter((k) => k !== 'Hud');
  const run = (): void => {
    void keys.reduce<Promise<void>>(
      (chain, key) =>
        chain.then(() => (destroyed.has(game) ? undefined : ensureScene(game, key).catch(() => undefined))),
      Promise.resolve(),
    );
  };
  window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(run, { timeout: PREFETCH_IDLE_TIMEOUT_MS });
    else run();
  }, PREFETCH_DELAY_MS);
}

/** A thin indeterminate bar at the bottom of `scene`, shown only if the load takes longer than a moment. */
function showLoadingBar(scene: Phaser.Scene): () => void {
  let bar: Phaser.GameObjects.Graphics | null = null;
  let started = 0;
  const draw = (time: number): void => {
    if (!bar) {
      if (started === 0) started = time;
      if (time - started < LOADING_BAR_DELAY_MS) return;
      bar = scene.add.graphics().setDepth(Number.MAX_SAFE_INTEGER).setScrollFactor(0);
    }
    const { width, height } = scene.scale;
    const w = width * 0.25;
    const x = (((time - started) / 1200) % 1) * (width + w) - w;
    bar.clear();
    bar.fillStyle(COLORS.surface, 1).fillRect(0, height - 4, width, 4);
    bar.fillStyle(COLORS.accent, 1).fillRect(x, height - 4, w, 4);
    getContext(scene).renderGate?.invalidate();
  };
  const stop = (): void => {
    scene.events.off(Phaser.Scenes.Events.UPDATE, draw);
    scene.events.off(Phaser.Scenes.Events.SHUTDOWN, stop);
    bar?.destroy();
    bar = null;
  };
  scene.events.on(Phaser.Scenes.Events.UPDATE, draw);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  return stop;
}
