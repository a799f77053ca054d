/** What every solver test asserts, and the training-time budgets of issue 4 (seconds to the first star). */
import type { LevelDefinition } from '../../src/shared/levels';

/** Glyph levels must reach their first star within 5 training seconds, MNIST levels within 30. */
export function firstStarBudgetSeconds(level: LevelDefinition): number {
  return level.dataset === 'mnist' ? 30 : 5;
}
