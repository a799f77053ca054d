/**
 * The one vanilla store: typed slices combined, `persist` (settings and progress) and `subscribeWithSelector` on the
 * combined store. Scenes read it with selectors and unsubscribe on shutdown; nothing outside src/game/state
 * imports zustand.
 */
import { createStore } from 'zustand/vanilla';
import { persist, subscribeWithSelector, type StateStorage } from 'zustand/middleware';
import { createProgressSlice } from './progress-slice';
import { createClassroomSlice } from './classroom-slice';
import { createSettingsSlice } from './settings-slice';
import { createLabSlice, nextNoticeId } from './lab-slice';
import {
  SETTINGS_STORAGE_KEY,
  SETTINGS_VERSION,
  createSafeStorage,
  migrate,
  partialize,
  readPersisted,
} from './persistence';
import { describeDropped, salvagePersisted } from './save-salvage';
import type { GameStore } from './types';

export interface GameStoreOptions {
  /** Where the save (settings and progress) persists; defaults to window.localStorage, null for none (tests pass a memory storage). */
  storage?: StateStorage | null;
}

function defaultStorage(): StateStorage | null {
  return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
}

export function createGameStore(options: GameStoreOptions = {}) {
  const storage = createSafeStorage(() => (options.storage === undefined ? defaultStorage() : options.storage));
  return createStore<GameStore>()(
    subscribeWithSelector(
      persist(
        (...a) => ({
          ...createSettingsSlice(...a),
          ...createLabSlice(...a),
          ...createProgressSlice(...a),
          ...createClassroomSlice(...a),
        }),
        {
          name: SETTINGS_STORAGE_KEY,
          version: SETTINGS_VERSION,
          storage,
          partialize,
          migrate,
          merge: (persisted, current) => {
            if (persisted === undefined) return current;
            const saved = readPersisted(persisted);
            if (saved) return { ...current, settings: saved.settings, progress: saved.progress };
            // One bad part (a level entry, a setting): keep everything else and say what was dropped.
            const salvaged = salvagePersisted(persisted);
            if (salvaged) {
              const { settings, progress } = salvaged.state;
              const notices = [...current.lab.notices];
              if (salvaged.dropped.length > 0)
                notices.push({
                  id: nextNoticeId(),
                  level: 'warning',
                  key: 'notice.saveEntriesDropped',
                  params: { count: salvaged.dropped.length, parts: describeDropped(salvaged.dropped, settings.locale) },
                  dropped: salvaged.dropped,
                });
              return { ...current, settings, progress, lab: { ...current.lab, notices } };
            }
            // Unreadable save: drop it, keep the defaults, and say so once.
            storage.removeItem(SETTINGS_STORAGE_KEY);
            const notice = { id: nextNoticeId(), level: 'warning' as const, key: 'notice.settingsReset' as const };
            return { ...current, lab: { ...current.lab, notices: [...current.lab.notices, notice] } };
          },
        },
      ),
    ),
  );
}

export type GameStoreApi = ReturnType<typeof createGameStore>;
