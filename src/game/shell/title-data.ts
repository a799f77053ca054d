/**
 * What the HTML title (title-shell.ts) needs from the last game to look like the game's own title before the game
 * has loaded: the progress line and the class button as the Title scene last drew them, in its language. Written
 * by the Title scene, read by the shell; anything unreadable is ignored (the game's title then fills them in).
 */

export interface TitleData {
  locale: string;
  /** The progress line, e.g. "3 / 51 stars". */
  progress: string;
  stars: number;
  /** The class button's label ("Join a class", or the class and nickname). */
  join: string;
}

export const TITLE_DATA_KEY = 'latent-quest:title';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function localStorageOrNull(): KeyValueStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function rememberTitleData(data: TitleData, storage: KeyValueStorage | null = localStorageOrNull()): void {
  try {
    storage?.setItem(TITLE_DATA_KEY, JSON.stringify(data));
  } catch {
    // Private mode or a full storage: the shell just shows less next time.
  }
}

export function readTitleData(storage: KeyValueStorage | null = localStorageOrNull()): TitleData | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(TITLE_DATA_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
    if (!text(v.locale) || !text(v.progress) || !text(v.join)) return null;
    if (typeof v.stars !== 'number' || !Number.isFinite(v.stars) || v.stars < 0) return null;
    return { locale: v.locale, progress: v.progress, stars: v.stars, join: v.join };
  } catch {
    return null;
  }
}
