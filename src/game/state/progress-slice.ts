import type { StateCreator } from 'zustand/vanilla';
import { getLevel } from '../../shared/levels';
import type { StoreMutators } from './mutators';
import { applyResult, EMPTY_PROGRESS, plainPayload, unlockedLevels } from './progress-rules';
import type { GameStore, ProgressActions, ProgressState } from './types';

/** Stars, best score and payload per level; unlocking is computed from the stars (progress-rules.ts). */
export const createProgressSlice: StateCreator<GameStore, StoreMutators, [], ProgressState & ProgressActions> = (
  set,
  get,
) => ({
  progress: { levels: { ...EMPTY_PROGRESS.levels } },
  recordLevelResult: (levelId, result) => {
    if (!getLevel(levelId)) return { improved: false, newlyUnlocked: [] };
    const before = get().progress;
    const { entry, improved } = applyResult(levelId, before.levels[levelId], result);
    const after = { ...before, levels: { ...before.levels, [levelId]: entry } };
    set({ progress: after });
    const was = new Set(unlockedLevels(before));
    return { improved, newlyUnlocked: unlockedLevels(after).filter((id) => !was.has(id)) };
  },
  resetProgress: () => set({ progress: { levels: {} } }),
  rememberLevelSettings: (levelId, settings) => {
    if (!getLevel(levelId)) return;
    const copy = plainPayload(settings);
    const progress = get().progress;
    const previous = progress.lastSettings?.[levelId];
    if (!copy || (previous && JSON.stringify(previous) === JSON.stringify(copy))) return;
    set({ progress: { ...progress, lastSettings: { ...progress.lastSettings, [levelId]: copy } } });
  },
});
