/** Pure view maths for the goal meter: where a score sits between "nothing" and the three star lines. */
import type { Direction, StarThresholds } from '../../shared/scoring/stars';

/**
 * 0..1 along the meter: the three thresholds sit at ⅓, ⅔ and 1; below the first star the scale extends by
 * one star-1-to-star-2 gap (or half of star 1 when that gap is 0), so a near miss shows as nearly a third.
 */
export function meterFraction(score: number, thresholds: StarThresholds, direction: Direction): number {
  if (!Number.isFinite(score)) return 0;
  // Work in "higher is better" coordinates.
  const s = direction === 'higher' ? score : -score;
  const t = direction === 'higher' ? thresholds : (thresholds.map((v) => -v) as unknown as StarThresholds);
  const gap = t[1] - t[0] > 0 ? t[1] - t[0] : Math.abs(t[0]) / 2 || 1;
  const zero = t[0] - gap;
  const points = [zero, t[0], t[1], t[2]];
  if (s <= zero) return 0;
  if (s >= t[2]) return 1;
  for (let i = 0; i < 3; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (s <= b) return (i + (b > a ? (s - a) / (b - a) : 1)) / 3;
  }
  return 1;
}

/** Which hints are unlocked after `seconds` of play (hint times strictly increase). */
export function unlockedHints(afterSeconds: readonly number[], seconds: number): number {
  let n = 0;
  for (const t of afterSeconds) if (seconds >= t) n++;
  return n;
}
