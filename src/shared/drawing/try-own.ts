/**
 * "Try your own" after a latent-map or arithmetic level is won (#14): which model the player's own drawing goes
 * through on the Draw screen. A 2-D map level's own model (your digit as a marked point on that very map), the
 * 2-D VAE for MNIST arithmetic (its 16-D codes have no map), the Letter forge's glyph VAE for letters. Pure.
 */
import type { PretrainedAssetName } from '../levels/assets';
import type { LevelDefinition } from '../levels/types';

export interface TryOwn {
  mode: 'digit' | 'letter';
  /** The model a drawn digit goes through (letters always use the glyph VAE). */
  model: 'mnist-ae-2d' | 'mnist-vae-2d';
}

const MAP_MODELS: readonly PretrainedAssetName[] = ['mnist-ae-2d', 'mnist-vae-2d'];

export function tryOwnFor(level: Pick<LevelDefinition, 'setup'>, won: boolean): TryOwn | null {
  const { setup } = level;
  if (!won || (setup.kind !== 'map' && setup.kind !== 'arithmetic')) return null;
  if (setup.asset === 'letters-vae-forge') return { mode: 'letter', model: 'mnist-vae-2d' };
  const model = MAP_MODELS.includes(setup.asset) ? (setup.asset as TryOwn['model']) : 'mnist-vae-2d';
  return { mode: 'digit', model };
}
