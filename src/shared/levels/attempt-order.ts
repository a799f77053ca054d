/**
 * The one rule for "is this attempt better than that one", used by the level session, the saved progress, the
 * classroom ranking and the solver bots alike: more stars first, then a strictly better finite score in the
 * level's metric direction. Ties (and a non-finite challenger) are not better, so the earlier attempt stays.
 */
import type { Direction } from '../scoring/stars';

export interface RankedAttempt {
  readonly stars: number;
  readonly score: number;
}

export function isBetterAttempt(direction: Direction, next: RankedAttempt, best: RankedAttempt | undefined): boolean {
  if (!best) return true;
  if (next.stars !== best.stars) return next.stars > best.stars;
  if (!Number.isFinite(next.score)) return false;
  if (!Number.isFinite(best.score)) return true;
  return direction === 'lower' ? next.score < best.score : next.score > best.score;
}

/** The best of a non-empty list by `isBetterAttempt` (the first of equals wins). */
export function bestAttempt<T extends RankedAttempt>(direction: Direction, attempts: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const a of attempts) if (isBetterAttempt(direction, a, best)) best = a;
  return best;
}
