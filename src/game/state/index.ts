export { createGameStore, type GameStoreApi, type GameStoreOptions } from './store';
export { snapshot, type StateSnapshot } from './snapshot';
export * from './types';
export * from './lab-rules';
export { DEFAULT_SETTINGS } from './settings-slice';
export { watch } from './watch';
export {
  EMPTY_PROGRESS,
  TOTAL_STARS,
  MAX_STARS_PER_LEVEL,
  starsByLevel,
  totalStars,
  unlockedLevels,
  isBetter,
  isLevelOpen,
  triesWithoutStar,
} from './progress-rules';
