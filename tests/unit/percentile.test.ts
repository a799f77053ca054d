import { describe, expect, it } from 'vitest';
import { nearestRankPercentile } from '../../src/shared/percentile';
import { DIGIT_CLASS_NAMES, datasetClassNames } from '../../src/shared/dataset-classes';
import { GLYPH_CHARS } from '../../src/shared/glyphs';

describe('nearestRankPercentile', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => 20 - i); // unsorted on purpose

  it('takes rank ⌈p/100 · n⌉: p95 of 20 samples is the 19th smallest, not the largest', () => {
    expect(nearestRankPercentile(oneToTwenty, 95)).toBe(19);
    expect(nearestRankPercentile(oneToTwenty, 50)).toBe(10);
    expect(nearestRankPercentile(oneToTwenty, 100)).toBe(20);
    expect(nearestRankPercentile(oneToTwenty, 0)).toBe(1);
    expect(nearestRankPercentile(oneToTwenty, 96)).toBe(20);
  });

  it('p95 of 80 samples is the fifth largest', () => {
    const eighty = Array.from({ length: 80 }, (_, i) => i + 1);
    expect(nearestRankPercentile(eighty, 95)).toBe(76);
  });

  it('reads typed arrays, does not reorder its input, and is NaN for no samples', () => {
    const values = Float32Array.of(3, 1, 2);
    expect(nearestRankPercentile(values, 50)).toBe(2);
    expect(Array.from(values)).toEqual([3, 1, 2]);
    expect(nearestRankPercentile([], 50)).toBeNaN();
  });
});

describe('datasetClassNames', () => {
  it('names MNIST by its digits and the glyph sets by their characters, as fresh arrays', () => {
    expect(datasetClassNames('mnist')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(datasetClassNames('mnist')).not.toBe(DIGIT_CLASS_NAMES);
    expect(datasetClassNames('glyphs')).toEqual([...GLYPH_CHARS]);
    expect(datasetClassNames('glyphs28')).toEqual([...GLYPH_CHARS]);
  });
});
