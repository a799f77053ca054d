/**
 * Offline play: registers the service worker that vite-plugin-pwa builds (sw.js, Workbox precache of the whole
 * game, the worker, the WASM binaries, the MNIST asset and the pretrained models; see vite.config.ts) and tells
 * the player what it did: "ready to play offline" after the first visit's precache; "a new version is ready" when a
 * new build is found. The new version is applied only on a safe screen (Title or the world map, nothing training):
 * the page reloads there, progress and settings are already saved, and after the reload the player reads that the
 * game was updated. The shipped game always registers; the test build (e2e tests) only with `?sw` in the URL, so
 * other browser tests neither download the 17 MB precache in every context nor see its notices.
 */
import type * as Phaser from 'phaser';
import { registerSW } from 'virtual:pwa-register';
import type { GameStoreApi } from '../state';

const UPDATED_KEY = 'latent-quest:updated';
const SAFE_SCENES = new Set(['Title', 'WorldMap']);
const BESIDE = new Set(['Boot', 'Hud']);
const CHECK_EVERY_MS = 1000;
const RELOAD_FALLBACK_MS = 4000;

function onSafeScreen(game: Phaser.Game, store: GameStoreApi): boolean {
  const status = store.getState().lab.status;
  if (status === 'training' || status === 'initialising') return false;
  // Boot and Hud run beside the main screen (or stay behind it): they never make a screen unsafe.
  const active = game.scene
    .getScenes(true)
    .map((s) => s.sys.settings.key)
    .filter((key) => !BESIDE.has(key));
  return active.length > 0 && active.every((key) => SAFE_SCENES.has(key));
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function installServiceWorker(game: Phaser.Game, store: GameStoreApi, search: string): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (__LQ_TEST_HOOKS__ && !new URLSearchParams(search).has('sw')) return;
  if (session()?.getItem(UPDATED_KEY)) {
    session()?.removeItem(UPDATED_KEY);
    store.getState().addNotice('info', 'notice.updated');
  }
  let timer: ReturnType<typeof setInterval> | null = null;
  const updateSW = registerSW({
    immediate: true,
    onOfflineReady: () => store.getState().addNotice('info', 'notice.offlineReady'),
    onNeedRefresh: () => {
      store.getState().addNotice('info', 'notice.updateReady');
      if (timer) return;
      timer = setInterval(() => {
        if (!onSafeScreen(game, store)) return;
        if (timer) clearInterval(timer);
        session()?.setItem(UPDATED_KEY, '1');
        // Activates the waiting service worker; the page reloads once it controls the page. A page it never
        // controlled (the new worker is already active) reloads itself into the new version.
        void updateSW(true);
        setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
      }, CHECK_EVERY_MS);
    },
    // No service worker (a private window, an old browser): the game still plays online.
    onRegisterError: (error: unknown) => console.warn('Offline play is not available:', error),
  });
}
