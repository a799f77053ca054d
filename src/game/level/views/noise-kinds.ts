/**
 * Which noise kinds a trained level's test applies one at a time and measures apart (Noise zoo), and their names
 * in the catalogue. Pure: the card (noise-kinds-card.ts) draws them.
 */
import type { LevelDefinition } from '../../../shared/levels/types';
import type { MessageKey } from '../../../shared/messages';
import type { NoiseSpec } from '../../../shared/noise';

export type Kind = Exclude<NoiseSpec, { type: 'mixed' | 'none' }>;
export const NAME_KEYS: Record<Kind['type'], MessageKey> = {
  gaussian: 'noise.gaussian',
  saltPepper: 'noise.saltPepper',
  masking: 'noise.masking',
  block: 'noise.block',
};

/** The kinds a level's test applies one at a time and measures apart, or null (no card). */
export function testedNoiseKinds(level: LevelDefinition): { kinds: Kind[]; seed: number } | null {
  const setup = level.setup;
  if (setup.kind !== 'trained' || setup.heldOut.source !== 'mnistTest') return null;
  if (!level.measures.includes('noiseKindMse') || setup.heldOut.noises.length < 2) return null;
  const kinds = setup.heldOut.noises.filter((n): n is Kind => n.type !== 'mixed' && n.type !== 'none');
  return { kinds, seed: setup.heldOut.noiseSeed };
}
