/**
 * Unlock rules (pure; the store keeps the stars):
 * - the first level of world 1 is always open, and so is every level already won (a link can open any level);
 * - within a world, a level opens when the level before it has at least 1 star (= its goal was met);
 * - world N + 1 (its first level) opens when world N has at least as many stars as it has levels, i.e. one
 *   star per level on average. That can be every level won once, or a few levels won brilliantly: a class
 *   with a hard level to skip is not stuck, yet nobody reaches the VAE worlds without real wins in the AE ones.
 */
import { LEVELS, levelsOfWorld, WORLDS } from './catalogue';
import type { LevelDefinition, WorldId } from './types';

/** Best stars per level id (missing = never won). */
export type StarsByLevel = Readonly<Record<string, number | undefined>>;

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

export function isLevelUnlocked(id: string, stars: StarsByLevel, levels: readonly LevelDefinition[] = LEVELS): boolean {
  const level = levels.find((l) => l.id === id);
  if (!level) return false;
  // A level already won stays open (e.g. one won from a shared link before the map reached it).
  if ((stars[id] ?? 0) >= 1) return true;
  if (!isWorldUnlocked(level.world, stars, levels)) return false;
  const world = levelsOfWorld(level.world, levels);
  const i = world.indexOf(level);
  return i === 0 || (stars[world[i - 1].id] ?? 0) >= 1;
}

export function unlockedLevelIds(stars: StarsByLevel, levels: readonly LevelDefinition[] = LEVELS): string[] {
  return WORLDS.flatMap((w) => levelsOfWorld(w, levels))
    .filter((l) => isLevelUnlocked(l.id, stars, levels))
    .map((l) => l.id);
}
