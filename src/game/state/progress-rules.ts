/**
 * Pure progress rules (no store): which result is better, totals, unlocking. The unlock rules themselves live
 * in src/shared/levels/unlock.ts so the game, the tests and a classroom server agree.
 */
import {
  getLevel,
  isBetterAttempt,
  isLevelUnlocked,
  LEVELS,
  unlockedLevelIds,
  type StarsByLevel,
  type TriesByLevel,
} from '../../shared/levels';
import type { LevelProgress, LevelResultInput, Progress } from './types';

export const EMPTY_PROGRESS: Progress = { levels: {} };
export const MAX_STARS_PER_LEVEL = 3;
/** 3 stars per level of the catalogue. */
export const TOTAL_STARS = LEVELS.length * MAX_STARS_PER_LEVEL;

export function starsByLevel(progress: Progress): StarsByLevel {
  const out: Record<string, number> = {};
  for (const [id, p] of Object.entries(progress.levels)) out[id] = p.stars;
  return out;
}

/** Tries per level that never earned a star (what the campaign rule TRIES_TO_GO_ON counts). */
export function triesWithoutStar(progress: Progress): TriesByLevel {
  const out: Record<string, number> = {};
  for (const [id, p] of Object.entries(progress.levels)) if (p.stars === 0) out[id] = p.attempts;
  return out;
}

export function totalStars(progress: Progress): number {
  return Object.values(progress.levels).reduce((n, p) => n + p.stars, 0);
}

/** Whether the level is open for this progress (stars, and tries without a star: TRIES_TO_GO_ON). */
export function isLevelOpen(progress: Progress, id: string): boolean {
  return isLevelUnlocked(id, starsByLevel(progress), LEVELS, triesWithoutStar(progress));
}

export function unlockedLevels(progress: Progress): string[] {
  return unlockedLevelIds(starsByLevel(progress), LEVELS, triesWithoutStar(progress));
}

/** A JSON-safe deep copy of a payload object, or null when it is not a plain JSON object. */
export function plainPayload(payload: unknown): Record<string, unknown> | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  try {
    const copy: unknown = JSON.parse(JSON.stringify(payload));
    return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True when `next` beats `best` (the shared rule: more stars first, then a strictly better score). */
export function isBetter(
  levelId: string,
  next: { stars: number; score: number },
  best: LevelProgress | undefined,
): boolean {
  const direction = getLevel(levelId)?.metric.direction ?? 'higher';
  return isBetterAttempt(direction, next, best && { stars: best.stars, score: best.bestScore });
}

export function clampStars(stars: number): LevelProgress['stars'] {
  if (!Number.isFinite(stars)) return 0;
  return Math.min(3, Math.max(0, Math.round(stars))) as LevelProgress['stars'];
}

/** The level's entry after one more attempt. */
export function applyResult(
  levelId: string,
  previous: LevelProgress | undefined,
  result: LevelResultInput,
): { entry: LevelProgress; improved: boolean } {
  const stars = clampStars(result.stars);
  const attempts = (previous?.attempts ?? 0) + 1;
  const improved = isBetter(levelId, { stars, score: result.score }, previous);
  if (!improved && previous) return { entry: { ...previous, attempts }, improved: false };
  return {
    entry: {
      stars,
      bestScore: Number.isFinite(result.score) ? result.score : (previous?.bestScore ?? 0),
      bestPayload: plainPayload(result.payload),
      attempts,
    },
    improved: true,
  };
}
