/**
 * The level catalogue as data: the levels of five worlds, their concept cards, controls, goals, star thresholds,
 * hints, solution payloads and pure scorers. Import from here.
 */
export { getLevel, LEVELS, levelsOfWorld, nextLevel, WORLDS } from './catalogue';
export {
  isLevelUnlocked,
  isOpenedByTries,
  isWorldUnlocked,
  previousInWorld,
  starsToUnlockWorld,
  TRIES_TO_GO_ON,
  triesLeftToGoOn,
  unlockedLevelIds,
  worldStars,
  type StarsByLevel,
  type TriesByLevel,
} from './unlock';
export { missingTranslations, TEXT_LIMITS, validateLevels } from './validate';
export { parsePayloadJson, PAYLOAD_LIMITS, PayloadSchema, validatePayload, type PayloadResult } from './payloads';
export {
  evaluationProblems,
  MEASUREMENT_IDS,
  MEASUREMENT_SCHEMAS,
  type Evaluation,
  type MeasurementId,
  type Measurements,
} from './measurements';
export { defaultControlValues, resolveControlValues } from './controls';
export { LevelInputError } from './define';
export { formatMetricValue, goalText } from './format';
export { bestAttempt, isBetterAttempt, type RankedAttempt } from './attempt-order';
export { fill, LEVEL_LOCALES, localize, type LevelLocale, type LocalText } from './text';
export { SEED_FILES, SEEDS, type SeedFile } from './seeds';
export { PRETRAINED_ASSETS, type PretrainedAssetName, type PretrainedAssetPlan } from './assets';
export {
  combineCodes,
  corruptionMask,
  corruptionMaskSliced,
  denseParamCount,
  erasedSquares,
  drawLatent,
  fromDataBox,
  heldOutLetters,
  randomGlyphPatterns,
  type CodeBox,
  type HeldOutImages,
} from './harness';
export { budgetParamCount } from './world1-bottleneck';
export { ZOO_NOISES } from './world2-denoise';
export { FORGE_LETTER } from './world4-arithmetic';
export { levelVariant, variantCount } from './variants';
export { isLevelMode, LEVEL_MODES, modeProblems, type ModeShape } from './modes';
export type * from './types';
