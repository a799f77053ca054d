import { describe, expect, it } from 'vitest';
import { classMiddles } from '../../src/game/ui/latent-map-classes';

/** Points of (x, y, label). */
function points(rows: readonly [number, number, number][]) {
  return {
    codes: Float32Array.from(rows.flatMap(([x, y]) => [x, y])),
    labels: Uint8Array.from(rows.map(([, , c]) => c)),
    count: rows.length,
  };
}

describe('classMiddles (where a class name is written on the latent map)', () => {
  it('takes each class its own median per axis, not its mean, and leaves a class without dots empty', () => {
    const p = points([
      [0, 0, 0],
      [1, 10, 0],
      [100, 2, 0],
      [-5, -5, 2],
      [-3, -1, 2],
    ]);
    const m = classMiddles(p, 3);
    // Class 0: x of {0, 1, 100} → 1 (a mean would be 33.7); y of {0, 10, 2} → 2.
    expect(m[0]).toEqual({ x: 1, y: 2 });
    expect(m[1]).toBeNull();
    // Two dots: the upper middle (index 1 of the sorted pair).
    expect(m[2]).toEqual({ x: -3, y: -1 });
  });

  it('sorts numbers as numbers (10 after 9, negatives first) and ignores labels outside the classes', () => {
    const p = points([
      [9, -20, 1],
      [10, -3, 1],
      [-100, 7, 1],
      [2, 2, 7],
    ]);
    const m = classMiddles(p, 2);
    expect(m).toHaveLength(2);
    expect(m[0]).toBeNull();
    expect(m[1]).toEqual({ x: 9, y: -3 });
  });

  it('uses only the first `count` points of longer buffers', () => {
    const p = {
      ...points([
        [1, 1, 0],
        [50, 50, 0],
        [60, 60, 0],
      ]),
      count: 1,
    };
    expect(classMiddles(p, 1)[0]).toEqual({ x: 1, y: 1 });
  });
});
