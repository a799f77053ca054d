import { describe, expect, it } from 'vitest';
import { perImageMse, shareBelow, topClass } from '../../src/shared/drawing';

describe('reconstruction error as an anomaly score', () => {
  it('perImageMse averages squared differences per image', () => {
    const images = Float32Array.from([1, 0, 0, 0, 0.5, 0.5, 0.5, 0.5]);
    const rebuilt = Float32Array.from([0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(perImageMse(images, rebuilt, 4))).toEqual([0.25, 0]);
  });

  it('shareBelow counts the real errors strictly lower than the drawing', () => {
    const real = [0.01, 0.02, 0.03, 0.04];
    expect(shareBelow(0.035, real)).toBe(0.75);
    expect(shareBelow(0.001, real)).toBe(0);
    expect(shareBelow(1, real)).toBe(1);
    expect(shareBelow(1, [])).toBe(0);
  });

  it('topClass picks the most probable class', () => {
    expect(topClass([0.1, 0.7, 0.2])).toEqual({ index: 1, probability: 0.7 });
    expect(topClass([0.5, 0.5])).toEqual({ index: 0, probability: 0.5 });
  });
});
