/**
 * `defineLevel` turns a level draft with a typed scorer into a LevelDefinition whose `score` accepts untrusted
 * input: it validates the payload and the measurements first (LevelInputError lists every problem), then runs
 * the scorer, then turns the score into stars with one rule for every level:
 *   stars = goalMet ? min(maxStars, max(1, starsFor(score, thresholds, direction))) : 0
 * (maxStars: 3 unless the scorer caps it, e.g. Digits on demand's decode budget) so "won" (≥ 1 star, which unlocks the next level) always means "goal met".
 */
import { starsFor } from '../scoring/stars';
import { evaluationProblems, type Evaluation, type MeasurementId, type Measurements } from './measurements';
import { validatePayload } from './payloads';
import type { LevelDefinition, LevelScore, PayloadOf, SolutionKind, SolutionSpecOf } from './types';

export class LevelInputError extends Error {
  readonly problems: readonly string[];
  constructor(levelId: string, problems: readonly string[]) {
    super(`Cannot score level "${levelId}": ${problems.join(' ')}`);
    this.name = 'LevelInputError';
    this.problems = problems;
  }
}

export interface ScorerResult {
  score: number;
  goalMet: boolean;
  detail?: Record<string, number>;
  /** A second condition on the stars besides the score (a budget of actions): at most this many; default 3. */
  maxStars?: 1 | 2 | 3;
}

export interface LevelDraft<K extends SolutionKind, N extends MeasurementId> extends Omit<
  LevelDefinition,
  'score' | 'solution' | 'measures' | 'example'
> {
  solution: SolutionSpecOf<K>;
  measures: readonly N[];
  example: PayloadOf<K>;
  /** Pure: a validated payload and validated measurements → the metric's value and whether the goal is met. */
  scorer(payload: PayloadOf<K>, measured: Pick<Measurements, N>): ScorerResult;
}

export function defineLevel<K extends SolutionKind, N extends MeasurementId>(draft: LevelDraft<K, N>): LevelDefinition {
  const { scorer, ...data } = draft;
  const level: LevelDefinition = {
    ...data,
    score(payload, evaluation: Evaluation): LevelScore {
      const checked = validatePayload(level, payload);
      const problems = [...(checked.ok ? [] : checked.problems), ...evaluationProblems(draft.measures, evaluation)];
      if (!checked.ok || problems.length > 0) throw new LevelInputError(level.id, problems);
      // Both casts are what the two checks above just established.
      const result = scorer(checked.payload as PayloadOf<K>, evaluation as Pick<Measurements, N>);
      const byScore = Math.max(1, starsFor(result.score, level.stars, level.metric.direction));
      const stars = result.goalMet ? Math.min(result.maxStars ?? 3, byScore) : 0;
      return {
        score: result.score,
        stars: stars as LevelScore['stars'],
        goalMet: result.goalMet,
        detail: result.detail ?? {},
      };
    },
  };
  return level;
}

/** Scorer helper: measurements must line up with the payload (one per point, one per letter...). */
export function expectLength(levelId: string, name: string, values: { length: number }, length: number): void {
  if (values.length !== length)
    throw new LevelInputError(levelId, [`Measurement "${name}" has ${values.length} entries; expected ${length}.`]);
}
