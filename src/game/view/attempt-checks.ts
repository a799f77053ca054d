/**
 * An attempt's goal checks and their "Not yet" lines, for the HUD's result card, the Results screen and the test
 * hook: one place, so all three show the same numbers.
 */
import { goalChecks, type GoalCheck } from '../../shared/levels/shortfall';
import { shortfallLines } from '../../shared/levels/shortfall-text';
import type { LevelDefinition, LevelScore, SolutionPayload } from '../../shared/levels/types';
import type { Evaluation } from '../../shared/levels/measurements';

export interface ScoredAttempt extends LevelScore {
  payload: SolutionPayload;
  evaluation: Evaluation;
}

/** Every check of the attempt (met or not); [] when the measurements cannot be read (never throws). */
export function attemptChecks(level: LevelDefinition, attempt: ScoredAttempt): GoalCheck[] {
  try {
    return goalChecks(level, attempt.payload, attempt.evaluation, attempt.score);
  } catch {
    return [];
  }
}

/** The failed checks in words (empty when the goal was met). */
export function attemptShortfall(level: LevelDefinition, attempt: ScoredAttempt, locale: string): string[] {
  return attempt.goalMet ? [] : shortfallLines(level, attemptChecks(level, attempt), locale);
}
