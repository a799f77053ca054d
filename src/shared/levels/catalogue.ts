/** The ordered level catalogue: world by world, in play order. */
import type { LevelDefinition, WorldId } from './types';
import { WORLD1_LEVELS } from './world1-bottleneck';
import { WORLD2_LEVELS } from './world2-denoise';
import { WORLD3_LEVELS } from './world3-latent-map';
import { WORLD4_LEVELS } from './world4-arithmetic';
import { WORLD5_LEVELS } from './world5-inside-vae';
import { WORLD5_GENERATOR_LEVELS } from './world5-generators';
import { WORLD5_FORCES_LEVELS } from './world5-two-forces';

export const WORLDS: readonly WorldId[] = [1, 2, 3, 4, 5];

export const LEVELS: readonly LevelDefinition[] = [
  ...WORLD1_LEVELS,
  ...WORLD2_LEVELS,
  ...WORLD3_LEVELS,
  ...WORLD4_LEVELS,
  ...WORLD5_LEVELS,
  ...WORLD5_GENERATOR_LEVELS,
  ...WORLD5_FORCES_LEVELS,
];

const BY_ID = new Map(LEVELS.map((level) => [level.id, level]));

export function getLevel(id: string): LevelDefinition | undefined {
  return BY_ID.get(id);
}

export function levelsOfWorld(world: WorldId, levels: readonly LevelDefinition[] = LEVELS): LevelDefinition[] {
  return levels.filter((l) => l.world === world).sort((a, b) => a.order - b.order);
}

/** The level after `id` in play order (crossing into the next world), or undefined after the last. */
export function nextLevel(id: string, levels: readonly LevelDefinition[] = LEVELS): LevelDefinition | undefined {
  const i = levels.findIndex((l) => l.id === id);
  return i >= 0 ? levels[i + 1] : undefined;
}
