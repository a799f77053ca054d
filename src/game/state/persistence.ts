/**
 * What the store keeps across reloads (settings and progress) and how it reads them back: localStorage can hold
 * anything (old versions, hand edits, truncated writes), so every read is parsed, migrated and validated with
 * zod; whatever fails becomes the defaults plus a notice for the player, never an exception.
 */
import { z } from 'zod/mini';
import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import {
  isSavedDigit,
  isSavedLetter,
  OWN_DIGITS_MAX,
  type OwnDrawings,
  type SavedDigit,
  type SavedLetter,
} from '../../shared/drawing/own-drawings';
import { getLevel } from '../../shared/levels';
import { LOCALES } from '../../shared/messages';
import { BACKEND_PREFERENCES } from '../../shared/worker-api';
import { DEFAULT_SETTINGS } from './settings-slice';
import type { GameStore, LevelProgress, Progress, Settings } from './types';

/** The one save slot (the name predates progress; kept so v1 saves are found and migrated). */
export const SETTINGS_STORAGE_KEY = 'latent-quest:settings';
export const SAVE_STORAGE_KEY = SETTINGS_STORAGE_KEY;
/**
 * v0: the settings flat (pre-release builds).
 * v1: { settings: { backend, renderer, sound, reducedMotion, locale } }.
 * v2: v1 + progress: { levels: { [levelId]: { stars, bestScore, bestPayload, attempts } } }, and (optional, so
 *     still v2) progress.lastSettings: { [levelId]: what the player last set there }.
 */
export const SAVE_VERSION = 2;
export const SETTINGS_VERSION = SAVE_VERSION;
/** A stored payload larger than this is not ours (the payload cap is 16 KiB of JSON). */
const MAX_PAYLOAD_CHARS = 16_384;
/** A level's remembered settings are a few control values or a short expression. */
const MAX_LAST_SETTINGS_CHARS = 4_096;

export const SettingsSchema = z.object({
  backend: z.enum(BACKEND_PREFERENCES),
  renderer: z.enum(['auto', 'canvas', 'webgl']),
  sound: z.boolean(),
  reducedMotion: z.boolean(),
  locale: z.enum(LOCALES),
});

export const LevelProgressSchema = z.object({
  stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  bestScore: z.number().check(z.refine(Number.isFinite)),
  bestPayload: z.nullable(
    z.record(z.string(), z.unknown()).check(z.refine((p) => JSON.stringify(p).length <= MAX_PAYLOAD_CHARS)),
  ),
  attempts: z.int().check(z.minimum(0)),
});

/** What the player last set on one level (control values, an expression): checked again when it is restored. */
export const LastSettingsEntrySchema = z
  .record(z.string(), z.unknown())
  .check(z.refine((p) => JSON.stringify(p).length <= MAX_LAST_SETTINGS_CHARS));

/** One kept digit: 784 bytes of base64 and the judge's digit (own-drawings.ts checks the bytes decode). */
export const SavedDigitSchema = z
  .object({ pixels: z.string(), label: z.int() })
  .check(z.refine((d) => isSavedDigit(d as SavedDigit)));
/** One of my letters: 'A'..'Z' and 35 '0'/'1' characters. */
export const SavedLetterSchema = z
  .object({ letter: z.string(), bits: z.string() })
  .check(z.refine((l) => isSavedLetter(l as SavedLetter)));

export const DrawingsSchema = z
  .object({
    digits: z.array(SavedDigitSchema).check(z.maxLength(OWN_DIGITS_MAX)),
    letters: z.array(SavedLetterSchema).check(z.maxLength(26)),
  })
  .check(z.refine((d) => new Set(d.letters.map((l) => l.letter)).size === d.letters.length));

export const ProgressSchema = z.object({
  levels: z.record(z.string(), LevelProgressSchema),
  lastSettings: z.optional(z.record(z.string(), LastSettingsEntrySchema)),
  drawings: z.optional(DrawingsSchema),
});

export const PersistedSchema = z.object({ settings: SettingsSchema, progress: ProgressSchema });
export type PersistedState = { settings: Settings; progress: Progress };

/** Stands in for a stored value that is not even a JSON envelope; fails validation on purpose. */
const CORRUPT = { corrupt: true } as const;

export function partialize(state: GameStore): PersistedState {
  return { settings: state.settings, progress: state.progress };
}

/** Levels that are still in the catalogue (a removed level's result is dropped quietly). */
function knownLevels(
  levels: Readonly<Record<string, LevelProgress>>,
  lastSettings?: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  drawings?: OwnDrawings,
): Progress {
  const out: Record<string, LevelProgress> = {};
  for (const [id, entry] of Object.entries(levels)) if (getLevel(id)) out[id] = entry;
  const mine = drawings ? { drawings } : {};
  if (!lastSettings) return { levels: out, ...mine };
  const last: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [id, entry] of Object.entries(lastSettings)) if (getLevel(id)) last[id] = entry;
  return { levels: out, lastSettings: last, ...mine };
}

/**
 * Saves of another version: keep every field that is still valid, default the rest. Version 0 (pre-release
 * builds) stored the settings flat, without the `settings` wrapper; versions 0 and 1 had no progress (it starts
 * empty); a newer version's progress is kept level by level when an entry still validates.
 */
export function migrate(persisted: unknown, version: number): PersistedState {
  const record = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {};
  const source = version === 0 ? record : record.settings;
  const raw = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const field = SettingsSchema.shape[key].safeParse(raw[key]);
    if (field.success) (settings as Record<keyof Settings, unknown>)[key] = field.data;
  }
  const levels: Record<string, LevelProgress> = {};
  if (version >= 2) {
    const stored = (record.progress as { levels?: unknown } | undefined)?.levels;
    if (typeof stored === 'object' && stored !== null) {
      for (const [id, entry] of Object.entries(stored)) {
        const parsed = LevelProgressSchema.safeParse(entry);
        if (parsed.success) levels[id] = parsed.data as LevelProgress;
      }
    }
  }
  return { settings, progress: knownLevels(levels) };
}

/** Validated settings and progress, or null when the stored value cannot be trusted. */
export function readPersisted(persisted: unknown): PersistedState | null {
  const parsed = PersistedSchema.safeParse(persisted);
  if (!parsed.success) return null;
  return {
    settings: parsed.data.settings,
    progress: knownLevels(
      parsed.data.progress.levels as Record<string, LevelProgress>,
      parsed.data.progress.lastSettings as Record<string, Record<string, unknown>> | undefined,
      parsed.data.progress.drawings,
    ),
  };
}

/**
 * A JSON storage that never throws: unreadable JSON or a malformed envelope comes back as a CORRUPT value
 * (so `merge` resets and tells the player), and storage errors (private mode, quota) are swallowed.
 */
export function createSafeStorage(getStorage: () => StateStorage | null): PersistStorage<PersistedState> {
  const storage = (() => {
    try {
      return getStorage();
    } catch {
      return null;
    }
  })();
  const corrupt = { state: CORRUPT, version: SETTINGS_VERSION } as unknown as StorageValue<PersistedState>;
  let lastWritten: { name: string; settings: Settings; progress: Progress } | null = null;
  return {
    getItem: (name) => {
      let text: string | null;
      try {
        text = (storage?.getItem(name) as string | null | undefined) ?? null;
      } catch {
        return null;
      }
      if (text === null) return null;
      try {
        const value: unknown = JSON.parse(text);
        const envelope = value as { state?: unknown; version?: unknown } | null;
        if (
          typeof envelope === 'object' &&
          envelope !== null &&
          typeof envelope.version === 'number' &&
          'state' in envelope
        ) {
          return envelope as StorageValue<PersistedState>;
        }
        return corrupt;
      } catch {
        return corrupt;
      }
    },
    setItem: (name, value) => {
      // persist writes on every store change (training ticks ~10/s); the save only changes with settings or
      // progress, so skip the stringify + write when both are the same objects as last time.
      const { settings, progress } = value.state;
      if (
        lastWritten &&
        lastWritten.name === name &&
        lastWritten.settings === settings &&
        lastWritten.progress === progress
      )
        return;
      lastWritten = { name, settings, progress };
      try {
        storage?.setItem(name, JSON.stringify(value));
      } catch {
        // Quota or privacy mode: the save just does not survive the reload.
      }
    },
    removeItem: (name) => {
      lastWritten = null;
      try {
        storage?.removeItem(name);
      } catch {
        // Same as above.
      }
    },
  };
}
