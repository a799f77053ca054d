/**
 * Stars from a measured value and three ordered thresholds, for metrics where higher is better (match %,
 * restored letters) and where lower is better (error, probes used). Boundaries count: a value equal to a
 * threshold earns that star, so "at most 1 wrong pixel" and "at least 90%" read the same way as they score.
 */
export type Direction = 'higher' | 'lower';

/** The 1-, 2- and 3-star lines, in that order (increasing for 'higher', decreasing for 'lower'). */
export type StarThresholds = readonly [number, number, number];

export type Stars = 0 | 1 | 2 | 3;

/** True when `value` is at least as good as `threshold` in `direction`. */
export function meets(value: number, threshold: number, direction: Direction): boolean {
  if (Number.isNaN(value)) return false;
  return direction === 'higher' ? value >= threshold : value <= threshold;
}

/**
 * stars = the number of thresholds t_i with value ⪰ t_i (≥ for 'higher', ≤ for 'lower'); NaN earns 0.
 * Thresholds are assumed ordered (see `thresholdsProblem`), so this is also the index of the best star met.
 */
export function starsFor(value: number, thresholds: StarThresholds, direction: Direction): Stars {
  let stars = 0;
  for (const t of thresholds) if (meets(value, t, direction)) stars++;
  return stars as Stars;
}

/** A readable problem with `thresholds`, or null: three finite numbers, strictly ordered for `direction`. */
export function thresholdsProblem(thresholds: readonly number[], direction: Direction): string | null {
  if (thresholds.length !== 3) return `Star thresholds need exactly 3 values (got ${thresholds.length}).`;
  if (!thresholds.every(Number.isFinite)) return 'Star thresholds must be finite numbers.';
  const [a, b, c] = thresholds;
  const ordered = direction === 'higher' ? a < b && b < c : a > b && b > c;
  if (!ordered) {
    const want = direction === 'higher' ? 'increase' : 'decrease';
    return `Star thresholds [${thresholds.join(', ')}] must strictly ${want} (higher is ${direction === 'higher' ? 'better' : 'worse'}).`;
  }
  return null;
}
