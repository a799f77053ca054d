/**
 * Reading a save that does not validate as a whole: keep every part that still does and name the parts that
 * were dropped, so one bad level entry (a hand edit, a truncated write, a bug in an older build) costs that
 * entry and not the player's whole progress. A value with nothing recognisable in it is not salvaged (null):
 * the store then resets as before.
 */
import { getLevel } from '../../shared/levels';
import { localize } from '../../shared/levels/text';
import { catalogue, DEFAULT_LOCALE, format, type Locale, type MessageKey } from '../../shared/messages';
import { OWN_DIGITS_MAX, type OwnDrawings, type SavedDigit, type SavedLetter } from '../../shared/drawing/own-drawings';
import {
  LastSettingsEntrySchema,
  LevelProgressSchema,
  SavedDigitSchema,
  SavedLetterSchema,
  SettingsSchema,
  type PersistedState,
} from './persistence';
import { DEFAULT_SETTINGS } from './settings-slice';
import type { LevelProgress, Settings } from './types';

/** One part of the save that was dropped: a setting, one level's result, or the remembered settings of a level. */
export type DroppedPart =
  | { kind: 'setting'; key: keyof Settings }
  | { kind: 'level'; levelId: string }
  | { kind: 'levelSettings'; levelId: string }
  | { kind: 'drawing'; count: number }
  | { kind: 'progress' };

export interface Salvaged {
  state: PersistedState;
  dropped: DroppedPart[];
}

const SETTING_LABELS: Record<keyof Settings, MessageKey> = {
  backend: 'settings.backend',
  renderer: 'settings.title',
  sound: 'settings.sound',
  reducedMotion: 'settings.motion',
  locale: 'settings.language',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Salvages a save of the current version that failed validation as a whole; null when nothing is ours. */
export function salvagePersisted(persisted: unknown): Salvaged | null {
  if (!isRecord(persisted)) return null;
  const rawSettings = persisted.settings;
  const rawProgress = persisted.progress;
  if (!isRecord(rawSettings) && !isRecord(rawProgress)) return null;
  const dropped: DroppedPart[] = [];

  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (isRecord(rawSettings)) {
    for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
      if (!(key in rawSettings)) continue;
      const field = SettingsSchema.shape[key].safeParse(rawSettings[key]);
      if (field.success) (settings as Record<keyof Settings, unknown>)[key] = field.data;
      else dropped.push({ kind: 'setting', key });
    }
  }

  const levels: Record<string, LevelProgress> = {};
  const lastSettings: Record<string, Record<string, unknown>> = {};
  const rawLevels = isRecord(rawProgress) ? rawProgress.levels : undefined;
  if (!isRecord(rawLevels)) dropped.push({ kind: 'progress' });
  else {
    for (const [id, entry] of Object.entries(rawLevels)) {
      if (!getLevel(id)) continue; // a level no longer in the catalogue goes quietly, as on a clean read
      const parsed = LevelProgressSchema.safeParse(entry);
      if (parsed.success) levels[id] = parsed.data as LevelProgress;
      else dropped.push({ kind: 'level', levelId: id });
    }
  }
  const rawLast = isRecord(rawProgress) ? rawProgress.lastSettings : undefined;
  if (isRecord(rawLast)) {
    for (const [id, entry] of Object.entries(rawLast)) {
      if (!getLevel(id)) continue;
      const parsed = LastSettingsEntrySchema.safeParse(entry);
      if (parsed.success) lastSettings[id] = parsed.data;
      else dropped.push({ kind: 'levelSettings', levelId: id });
    }
  }
  const drawings = salvageDrawings(isRecord(rawProgress) ? rawProgress.drawings : undefined, dropped);
  const progress = {
    levels,
    ...(Object.keys(lastSettings).length > 0 ? { lastSettings } : {}),
    ...(drawings ? { drawings } : {}),
  };
  return { state: { settings, progress }, dropped };
}

/** Every kept drawing that still validates (one bad drawing costs that drawing); each dropped one is named. */
function salvageDrawings(raw: unknown, dropped: DroppedPart[]): OwnDrawings | undefined {
  if (raw === undefined) return undefined;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const digits: SavedDigit[] = [];
  const letters: SavedLetter[] = [];
  const record = isRecord(raw) ? raw : {};
  let bad = !Array.isArray(record.digits) || !Array.isArray(record.letters) ? 1 : 0;
  for (const entry of list(record.digits).slice(-OWN_DIGITS_MAX)) {
    const parsed = SavedDigitSchema.safeParse(entry);
    if (parsed.success) digits.push(parsed.data);
    else bad++;
  }
  for (const entry of list(record.letters)) {
    const parsed = SavedLetterSchema.safeParse(entry);
    if (parsed.success && !letters.some((l) => l.letter === parsed.data.letter)) letters.push(parsed.data);
    else bad++;
  }
  if (bad > 0) dropped.push({ kind: 'drawing', count: bad });
  return { digits, letters };
}

/** The dropped parts named for the player, in `locale` (level titles, setting labels), joined into one list. */
export function describeDropped(dropped: readonly DroppedPart[], locale: Locale = DEFAULT_LOCALE): string {
  const say = (key: MessageKey, params?: Record<string, string>): string =>
    format(catalogue(locale)[key], params, locale);
  const title = (id: string): string => {
    const level = getLevel(id);
    return level ? localize(level.title, locale) : id;
  };
  return dropped
    .map((d) => {
      switch (d.kind) {
        case 'setting':
          return say('notice.savePart.setting', { name: say(SETTING_LABELS[d.key]) });
        case 'level':
          return say('notice.savePart.level', { title: title(d.levelId) });
        case 'levelSettings':
          return say('notice.savePart.levelSettings', { title: title(d.levelId) });
        case 'progress':
          return say('notice.savePart.progress');
        case 'drawing':
          return format(catalogue(locale)['notice.savePart.drawing'], { count: d.count }, locale);
      }
    })
    .join(', ');
}
