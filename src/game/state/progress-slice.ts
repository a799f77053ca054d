import type { StateCreator } from 'zustand/vanilla';
import {
  encodeDigit,
  encodeLetter,
  keepDigit,
  keepLetter,
  NO_DRAWINGS,
  removeDrawing,
} from '../../shared/drawing/own-drawings';
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
  // Drawings are the player's, not progress: a reset keeps them.
  resetProgress: () => {
    const { drawings } = get().progress;
    set({ progress: drawings ? { levels: {}, drawings } : { levels: {} } });
  },
  rememberLevelSettings: (levelId, settings) => {
    if (!getLevel(levelId)) return;
    const copy = plainPayload(settings);
    const progress = get().progress;
    const previous = progress.lastSettings?.[levelId];
    if (!copy || (previous && JSON.stringify(previous) === JSON.stringify(copy))) return;
    set({ progress: { ...progress, lastSettings: { ...progress.lastSettings, [levelId]: copy } } });
  },
  keepDigitDrawing: (image, label) => {
    const progress = get().progress;
    set({
      progress: { ...progress, drawings: keepDigit(progress.drawings ?? NO_DRAWINGS, encodeDigit(image, label)) },
    });
  },
  keepLetterDrawing: (letter, bitmap) => {
    const progress = get().progress;
    const drawings = keepLetter(progress.drawings ?? NO_DRAWINGS, encodeLetter(letter, bitmap));
    set({ progress: { ...progress, drawings } });
  },
  removeDrawing: (kind, index) => {
    const progress = get().progress;
    set({ progress: { ...progress, drawings: removeDrawing(progress.drawings ?? NO_DRAWINGS, kind, index) } });
  },
});
