/**
 * The −ELBO's two parts in nats per image, for levels scored on it (Through the dice: `heldOutReconNats` in
 * `measures`): live from the last training batch (the engine's per-pixel BCE × pixels, and its KL), then the
 * held-out numbers once measured. Pure, so the view, the test hook and the unit tests read the same figures.
 */
import type { LevelDefinition, LevelScore } from '../../../shared/levels/types';
import type { LossPoint } from '../../ml/progress-types';

export interface ElboParts {
  /** −log p(x|z): binary cross-entropy summed over the pixels. */
  reconstruction: number;
  /** KL(q(z|x) ‖ N(0, I)). */
  kl: number;
  /** 'training': the last training batch (z sampled); 'heldOut': the measured test images (z = μ). */
  source: 'training' | 'heldOut';
}

/** Whether a level shows the −ELBO bar. */
export function showsElbo(level: LevelDefinition): boolean {
  return level.measures.includes('heldOutReconNats');
}

export function elboParts(
  level: LevelDefinition,
  pixels: number,
  lossHistory: readonly LossPoint[],
  result: LevelScore | null,
): ElboParts | null {
  if (!showsElbo(level)) return null;
  const { reconstructionNats, klNats } = result?.detail ?? {};
  if (reconstructionNats !== undefined && klNats !== undefined)
    return { reconstruction: reconstructionNats, kl: klNats, source: 'heldOut' };
  const last = lossHistory[lossHistory.length - 1];
  if (!last) return null;
  return { reconstruction: last.reconstruction * pixels, kl: last.kl ?? 0, source: 'training' };
}
