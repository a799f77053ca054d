/**
 * Unlock rules (pure; the store keeps the stars):
 * - the first level of world 1 is always open, and so is every level already won (a link can open any level);
 * - within a world, a level opens when the level before it has at least 1 star (= its goal was met), or when
 *   the player has tried the level before it TRIES_TO_GO_ON times without a star: no single level can block the
 *   campaign (issue 10). Three tries: enough to read the card and all hints and act on them; the stars of the
 *   skipped level stay at 0, so the world rule below still asks for real wins;
 * - world N + 1 (its first level) opens when world N has at least as many stars as it has levels, i.e. one
 *   star per level on average. That can be every level won once, or a few levels won brilliantly: a class
 *   with a hard level to skip is not stuck, yet nobody reaches the VAE worlds without real wins in the AE ones.
 */
import { LEVELS, levelsOfWorld, WORLDS } from './catalogue';
import type { LevelDefinition, WorldId } from './types';

/** Best stars per level id (missing = never won). */
export type StarsByLevel = Readonly<Record<string, number | undefined>>;

/** Tries (Train / Check presses that ended with a result) per level id (missing = never tried). */
export type TriesByLevel = Readonly<Record<string, number | undefined>>;

/** Tries without a star after which the next level of the world opens anyway. */
export const TRIES_TO_GO_ON = 3;

/** More tries of `id` (without a star) before the level after it opens by TRIES_TO_GO_ON; 0 once it has. */
export function triesLeftToGoOn(id: string, stars: StarsByLevel, tries: TriesByLevel = {}): number {
  if ((stars[id] ?? 0) >= 1) return 0;
  return Math.max(0, TRIES_TO_GO_ON - (tries[id] ?? 0));
}

export function worldStars(world: WorldId, stars: StarsByLevel, levels: readonly LevelDefinition[] = LEVELS): number {
  return levelsOfWorld(world, levels).reduce((n, l) => n + (stars[l.id] ?? 0), 0);
}

/** Stars needed in the previous world to open `world` (0 for world 1). */
export function starsToUnlockWorld(world: WorldId, levels: readonly LevelDefinition[] = LEVELS): number {
  return world === 1 ? 0 : levelsOfWorld((world - 1) as WorldId, levels).length;
}

export function isWorldUnlocked(
  world: WorldId,
  stars: StarsByLevel,
  levels: readonly LevelDefinition[] = LEVELS,
): boolean {
  if (world === 1) return true;
  const previous = (world - 1) as WorldId;
  return (
    isWorldUnlocked(previous, stars, levels) && worldStars(previous, stars, levels) >= starsToUnlockWorld(world, levels)
  );
}

/** The level before `id` in its world (null for a world's first level or an unknown id). */
export function previousInWorld(id: string, levels: readonly LevelDefinition[] = LEVELS): LevelDefinition | null {
  const level = levels.find((l) => l.id === id);
  if (!level) return null;
  const world = levelsOfWorld(level.world, levels);
  const i = world.indexOf(level);
  return i > 0 ? world[i - 1] : null;
}

export function isLevelUnlocked(
  id: string,
  stars: StarsByLevel,
  levels: readonly LevelDefinition[] = LEVELS,
  tries: TriesByLevel = {},
): boolean {
  const level = levels.find((l) => l.id === id);
  if (!level) return false;
  // A level already won stays open (e.g. one won from a shared link before the map reached it).
  if ((stars[id] ?? 0) >= 1) return true;
  if (!isWorldUnlocked(level.world, stars, levels)) return false;
  const previous = previousInWorld(id, levels);
  if (!previous) return true;
  if ((stars[previous.id] ?? 0) >= 1) return true;
  // Tried out: the previous level must itself be open (its tries count only then) and tried often enough.
  return triesLeftToGoOn(previous.id, stars, tries) === 0 && isLevelUnlocked(previous.id, stars, levels, tries);
}

/** True when `id` is open only because the level before it was tried TRIES_TO_GO_ON times without a star. */
export function isOpenedByTries(
  id: string,
  stars: StarsByLevel,
  levels: readonly LevelDefinition[] = LEVELS,
  tries: TriesByLevel = {},
): boolean {
  const previous = previousInWorld(id, levels);
  return !!previous && (stars[previous.id] ?? 0) < 1 && isLevelUnlocked(id, stars, levels, tries);
}

export function unlockedLevelIds(
  stars: StarsByLevel,
  levels: readonly LevelDefinition[] = LEVELS,
  tries: TriesByLevel = {},
): string[] {
  return WORLDS.flatMap((w) => levelsOfWorld(w, levels))
    .filter((l) => isLevelUnlocked(l.id, stars, levels, tries))
    .map((l) => l.id);
}
