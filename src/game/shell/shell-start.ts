/**
 * What the HTML title decides before the game has loaded, from the link and the save alone (pure, unit-tested
 * against the game's own readers in tests/unit/title-shell.test.ts): whether the first screen is the title, and in
 * which language it starts (the same choice as locale-sync.ts's installLocale).
 */
import { chooseLocale, DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/i18n/locales';

/** The first screen is the Title: no class join, level, shared setup or other `?scene=` in the link. */
export function titleComesFirst(search: string): boolean {
  const params = new URLSearchParams(search);
  if (params.has('join') || params.has('setup')) return false;
  const level = params.get('level');
  if (level && /^[a-z0-9-]{1,64}$/.test(level)) return false;
  const scene = (params.get('scene') ?? '').toLowerCase();
  return !['map', 'settings', 'lab', 'classroom', 'draw'].includes(scene);
}

/**
 * The starting language: `?lang=`, else the saved setting (a save that cannot be read starts in English, as the
 * game resets it), else the browser's languages on a first visit.
 */
export function shellStartLocale(search: string, savedText: string | null, browser: readonly string[]): Locale {
  const url = new URLSearchParams(search).get('lang');
  let saved: string | null = null;
  if (savedText !== null) {
    saved = DEFAULT_LOCALE;
    try {
      const envelope = JSON.parse(savedText) as { state?: { settings?: { locale?: unknown }; locale?: unknown } };
      const locale = envelope?.state?.settings?.locale ?? envelope?.state?.locale;
      if (isLocale(locale)) saved = locale;
    } catch {
      // unreadable: the game resets the save to its defaults
    }
  }
  return chooseLocale({ url, saved, browser });
}

/** The save's key (state/persistence.ts SETTINGS_STORAGE_KEY; tests/unit/title-shell.test.ts keeps them equal). */
export const SAVE_KEY = 'latent-quest:settings';

/** The stored save as text, or null (none, or storage is blocked). */
export function savedSettingsText(): string | null {
  try {
    return window.localStorage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
}
