/**
 * The game's language: chosen once at start (`?lang=` in the link, else the saved setting, else the browser's
 * languages on a first visit, else English; see chooseLocale), kept in the persisted settings, and followed from
 * then on: `t()` formats in it and `<html lang>` names it. Its catalogue loads on demand (locale-load.ts): Boot
 * waits for `localeReady()` before the first text, and a picker's change goes through `switchLocale`, which
 * loads the catalogue first and then restarts the scene so every text is drawn again.
 */
import type * as Phaser from 'phaser';
import { chooseLocale } from '../shared/i18n/locales';
import { setLocale, type Locale } from '../shared/messages';
import { getContext } from './context';
import { loadLocale } from './locale-load';
import { watch, type GameStoreApi } from './state';
import { SETTINGS_STORAGE_KEY } from './state/persistence';

/** Whether this browser has a save (so its language setting was chosen, not defaulted); ask before the store starts. */
export function hasSave(): boolean {
  try {
    return window.localStorage.getItem(SETTINGS_STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function installLocale(store: GameStoreApi, urlLang: string | null, hadSave: boolean): () => void {
  const saved = hadSave ? store.getState().settings.locale : null;
  const locale = chooseLocale({ url: urlLang, saved, browser: navigator.languages ?? [navigator.language] });
  if (locale !== store.getState().settings.locale) store.getState().setLocale(locale);
  startupLocale = loadLocale(locale).then(() => undefined);
  return watch(
    store,
    (s) => s.settings.locale,
    (l) => {
      setLocale(l);
      document.documentElement.lang = l;
    },
  );
}

let startupLocale: Promise<void> = Promise.resolve();

/** Resolves once the starting language's catalogue is loaded (or could not be: English shows). */
export function localeReady(): Promise<void> {
  return startupLocale;
}

/**
 * The player picked `locale` on `scene`'s picker: load its texts, then switch and `restart()` the scene. The
 * screen is not ready meanwhile (tests and the bench wait); if the scene was left before, nothing happens.
 */
export function switchLocale(scene: Phaser.Scene, locale: Locale, restart: () => void): void {
  const context = getContext(scene);
  context.ready = false;
  void loadLocale(locale).then((loaded) => {
    if (!scene.sys.isActive()) return;
    if (!loaded) {
      context.ready = true; // its chunk could not be fetched (offline before it was cached): stay as we are
      return;
    }
    context.store.getState().setLocale(locale);
    restart();
  });
}
