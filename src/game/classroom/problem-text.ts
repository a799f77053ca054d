/**
 * A class problem (src/shared/classroom/problems.ts) in the player's language: the catalogue's
 * `class.problem.<code>` filled with its params. A code this game does not know (a newer server) shows a generic
 * sentence with the code; a record of an older game without a code shows its saved sentence.
 */
import { isProblemCode, type ProblemCode, type ProblemParams } from '../../shared/classroom/problems';
import { t, type MessageKey } from '../../shared/messages';

/** Fails to type-check when a code has no catalogue key. */
type ProblemKey = `class.problem.${ProblemCode}`;
const keyOf = (code: ProblemCode): MessageKey => `class.problem.${code}` satisfies ProblemKey as ProblemKey;

export interface ProblemLike {
  code?: string;
  params?: ProblemParams;
  message?: string;
}

export function problemText(problem: ProblemLike): string {
  if (isProblemCode(problem.code)) return t(keyOf(problem.code), problem.params);
  if (problem.code) return t('class.problem.unknown', { code: problem.code.slice(0, 64) });
  return problem.message ?? t('class.problem.unknown', { code: '?' });
}
