/** The row of `codes` (count × dim, row-major) nearest to `code` in Euclidean distance: "which letter is this". */
export function nearestCode(
  codes: ArrayLike<number>,
  count: number,
  dim: number,
  code: ArrayLike<number>,
): { index: number; distance: number } {
  if (count < 1 || dim < 1 || codes.length < count * dim || code.length < dim)
    throw new RangeError('nearestCode needs at least one code of the same size.');
  let best = { index: 0, distance: Infinity };
  for (let i = 0; i < count; i++) {
    let d = 0;
    for (let k = 0; k < dim; k++) d += (codes[i * dim + k] - code[k]) ** 2;
    if (d < best.distance) best = { index: i, distance: d };
  }
  return { index: best.index, distance: Math.sqrt(best.distance) };
}
