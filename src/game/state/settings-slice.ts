import type { StateCreator } from 'zustand/vanilla';
import type { GameStore, Settings, SettingsActions, SettingsState } from './types';
import type { StoreMutators } from './mutators';
import { DEFAULT_LOCALE } from '../../shared/messages';

export const DEFAULT_SETTINGS: Settings = {
  backend: 'auto',
  renderer: 'auto',
  sound: true,
  reducedMotion: false,
  locale: DEFAULT_LOCALE,
};

export const createSettingsSlice: StateCreator<GameStore, StoreMutators, [], SettingsState & SettingsActions> = (
  set,
) => {
  const patch = (p: Partial<Settings>): void => {
    set((s) => ({ settings: { ...s.settings, ...p } }));
  };
  return {
    settings: { ...DEFAULT_SETTINGS },
    setBackendPreference: (backend) => patch({ backend }),
    setRendererPreference: (renderer) => patch({ renderer }),
    setSound: (sound) => patch({ sound }),
    setReducedMotion: (reducedMotion) => patch({ reducedMotion }),
    setLocale: (locale) => patch({ locale }),
  };
};
