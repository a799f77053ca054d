/**
 * Classroom variants: a competition plays each level with a seed (the competition's, or one per student in
 * "variant" mode). `levelVariant(level, seed)` returns the level as that seed plays it: trained levels train with
 * `seed`; map and arithmetic levels get an equally hard variant of their targets. Same id, same scorer, same
 * thresholds, so the game, the solver bots and the classroom server score a variant identically.
 *
 * STUB (lead, session 2): identity on targets; the variants helper fills this in.
 */
import type { LevelDefinition } from './types';

/** How many distinct variants a level has (1: every seed plays the same targets). */
export function variantCount(_level: LevelDefinition): number {
  return 1;
}

/** The level as `seed` plays it (pure, deterministic). */
export function levelVariant(level: LevelDefinition, seed: number): LevelDefinition {
  if (level.setup.kind === 'trained') return { ...level, setup: { ...level.setup, seed } };
  return level;
}
