/**
 * What the store keeps across reloads (settings only) and how it reads them back: localStorage can hold
 * anything (old versions, hand edits, truncated writes), so every read is parsed, migrated and validated with
 * zod; whatever fails becomes the defaults plus a notice for the player, never an exception.
 */
import { z } from 'zod/mini';
import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { LOCALES } from '../../shared/messages';
import { DEFAULT_SETTINGS } from './settings-slice';
import type { GameStore, Settings } from './types';

export const SETTINGS_STORAGE_KEY = 'latent-quest:settings';
/** v1: { settings: { backend, renderer, sound, reducedMotion, locale } }. */
export const SETTINGS_VERSION = 1;

export const SettingsSchema = z.object({
  backend: z.enum(['auto', 'webgl', 'wasm', 'cpu']),
  renderer: z.enum(['auto', 'canvas', 'webgl']),
  sound: z.boolean(),
  reducedMotion: z.boolean(),
  locale: z.enum(LOCALES as [Settings['locale'], ...Settings['locale'][]]),
});

export const PersistedSchema = z.object({ settings: SettingsSchema });
export type PersistedState = z.infer<typeof PersistedSchema>;

/** Stands in for a stored value that is not even a JSON envelope; fails validation on purpose. */
const CORRUPT = { corrupt: true } as const;

export function partialize(state: GameStore): PersistedState {
  return { settings: state.settings };
}

/**
 * Older (or newer) saves: keep every field that is still valid, default the rest. Version 0 (pre-release
 * builds) stored the settings flat, without the `settings` wrapper.
 */
export function migrate(persisted: unknown, version: number): PersistedState {
  const source = version === 0 ? persisted : (persisted as { settings?: unknown } | null)?.settings;
  const raw = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const field = SettingsSchema.shape[key].safeParse(raw[key]);
    if (field.success) (settings as Record<keyof Settings, unknown>)[key] = field.data;
  }
  return { settings };
}

/** Validated settings, or null when the stored value cannot be trusted. */
export function readPersisted(persisted: unknown): Settings | null {
  const parsed = PersistedSchema.safeParse(persisted);
  return parsed.success ? parsed.data.settings : null;
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
        if (typeof envelope === 'object' && envelope !== null && typeof envelope.version === 'number' && 'state' in envelope) {
          return envelope as StorageValue<PersistedState>;
        }
        return corrupt;
      } catch {
        return corrupt;
      }
    },
    setItem: (name, value) => {
      try {
        storage?.setItem(name, JSON.stringify(value));
      } catch {
        // Quota or privacy mode: settings just do not survive the reload.
      }
    },
    removeItem: (name) => {
      try {
        storage?.removeItem(name);
      } catch {
        // Same as above.
      }
    },
  };
}
