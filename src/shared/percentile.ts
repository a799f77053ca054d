/**
 * The nearest-rank percentile: the smallest sample with at least p % of the samples at or below it (rank
 * ⌈p/100 · n⌉, 1-based). The bench's p50/p95 and the map's 1st–99th percentile box use it. With 20 samples p95 is
 * the 19th smallest, not the largest; NaN for no samples.
 */
export function nearestRankPercentile(values: ArrayLike<number>, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * n);
  return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
}
