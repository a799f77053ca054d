/**
 * Classroom variants: a competition plays each level with a seed (the competition's, or one per student in
 * "variant" mode). `levelVariant(level, seed)` returns the level as that seed plays it: trained levels train with
 * `seed`; map and arithmetic levels get one of their vetted variants (world3-latent-map.ts, world4-arithmetic.ts:
 * the figures behind each and the rule that kept it are in those files' headers). Same id, scorer, thresholds,
 * metric and solution kind, so the game, the solver bots and the classroom server score a variant identically.
 *
 * Each variant is built by defineLevel from its own data, so its `score` validates payloads against the
 * variant itself (its deck, its number of targets): a payload aimed at another variant's target is refused.
 *
 * No variants: holes-in-the-map and dream-digits (no target: any hole, every digit), the-path (its 1 → 9 → 7 is
 * the seed assignment's own walk, quoted on the concept card and fixed in the scorer) and letter-forge (its
 * model is trained without exactly one letter).
 */
import { createRng } from '../random';
import type { LevelDefinition } from './types';
import { NAVIGATOR_VARIANTS } from './world3-latent-map';
import { ATTRIBUTE_VARIANTS, BLEND_VARIANTS, DIFFERENCE_VARIANTS } from './world4-arithmetic';

const VARIANTS: ReadonlyMap<string, readonly LevelDefinition[]> = new Map([
  ['navigator', NAVIGATOR_VARIANTS],
  ['blend', BLEND_VARIANTS],
  ['difference', DIFFERENCE_VARIANTS],
  ['attribute-vector', ATTRIBUTE_VARIANTS],
]);

/**
 * Every variant of a level, in index order; [level] when it has none. Variant 0 is the catalogue level itself,
 * except Navigator's, which is its first target alone (the catalogue level lets the game draw any of five).
 */
export function levelVariants(level: LevelDefinition): readonly LevelDefinition[] {
  return level.setup.kind === 'trained' ? [level] : (VARIANTS.get(level.id) ?? [level]);
}

/** How many distinct variants a level has (1: every seed plays the same targets). */
export function variantCount(level: LevelDefinition): number {
  return levelVariants(level).length;
}

/** FNV-1a: the level id's part of the hash, so one seed does not give every level the same variant index. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Which variant `seed` plays: a pure hash of (level id, seed), spread evenly over the variants. */
export function variantIndex(level: LevelDefinition, seed: number): number {
  const count = variantCount(level);
  // One mulberry32 step mixes the combined bits well; consecutive seeds land on unrelated variants.
  return count === 1 ? 0 : createRng((idHash(level.id) ^ seed) >>> 0).int(count);
}

/** The level as `seed` plays it (pure, deterministic; seed 0..2^31−1). */
export function levelVariant(level: LevelDefinition, seed: number): LevelDefinition {
  if (level.setup.kind === 'trained') return { ...level, setup: { ...level.setup, seed } };
  return levelVariants(level)[variantIndex(level, seed)];
}
