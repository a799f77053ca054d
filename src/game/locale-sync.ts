/**
 * The game's language: chosen once at start (`?lang=` in the link, else the saved setting, else the browser's
 * languages on a first visit, else English; see chooseLocale), kept in the persisted settings, and followed from
 * then on: `t()` formats in it and `<html lang>` names it. Scenes that show a language picker restart themselves
 * after a change so every text is drawn again.
 */
import { chooseLocale } from '../shared/i18n/locales';
import { setLocale } from '../shared/messages';
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
  return watch(
    store,
    (s) => s.settings.locale,
    (l) => {
      setLocale(l);
      document.documentElement.lang = l;
    },
  );
}
