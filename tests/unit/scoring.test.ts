import { describe, expect, it } from 'vitest';
import { glyphBitmap } from '../../src/shared/glyphs';
import {
  confidenceOf,
  isCleanDigit,
  isCleanDigitOf,
  isNonDigit,
  maskedMse,
  matchPercent,
  meets,
  mse,
  msePerImage,
  pixelAccuracy,
  predictedClass,
  ssim,
  starsFor,
  thresholdsProblem,
  wrongPixelIndices,
  wrongPixels,
  wrongPixelsPerImage,
} from '../../src/shared/scoring';

const C1 = 1e-4; // (0.01 · 1)²
const C2 = 9e-4; // (0.03 · 1)²

describe('stars from thresholds', () => {
  it('higher is better: a value equal to a threshold earns that star', () => {
    const t = [60, 80, 90] as const;
    expect([59.9, 60, 79.99, 80, 89.9, 90, 100].map((v) => starsFor(v, t, 'higher'))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it('lower is better: a value equal to a threshold earns that star', () => {
    const t = [8, 2, 1] as const;
    expect([9, 8, 3, 2, 1.5, 1, 0].map((v) => starsFor(v, t, 'lower'))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it('NaN earns nothing', () => {
    expect(starsFor(Number.NaN, [1, 2, 3], 'higher')).toBe(0);
    expect(meets(Number.NaN, 0, 'lower')).toBe(false);
  });

  it('thresholds must be three finite numbers strictly ordered for the direction', () => {
    expect(thresholdsProblem([60, 80, 90], 'higher')).toBeNull();
    expect(thresholdsProblem([8, 2, 1], 'lower')).toBeNull();
    expect(thresholdsProblem([90, 80, 60], 'higher')).toMatch(/increase/);
    expect(thresholdsProblem([1, 2, 8], 'lower')).toMatch(/decrease/);
    expect(thresholdsProblem([60, 60, 90], 'higher')).toMatch(/increase/);
    expect(thresholdsProblem([60, 80], 'higher')).toMatch(/exactly 3/);
    expect(thresholdsProblem([60, Number.NaN, 90], 'higher')).toMatch(/finite/);
  });
});

describe('pixel accuracy for binary glyphs', () => {
  it('binarises both images at 0.5 and counts disagreements', () => {
    // output binarised: [1, 1, 0, 0] vs target [1, 0, 1, 0] → pixels 1 and 2 wrong.
    expect(wrongPixels([1, 0, 1, 0], [0.9, 0.6, 0.4, 0.1])).toBe(2);
    expect(pixelAccuracy([1, 0, 1, 0], [0.9, 0.6, 0.4, 0.1])).toBe(0.5);
    // The pixels the screen marks are exactly those counted.
    expect(wrongPixelIndices([1, 0, 1, 0], [0.9, 0.6, 0.4, 0.1])).toEqual([1, 2]);
    expect(wrongPixelIndices([1, 0], [0.5, 0.49])).toEqual([]);
    expect(() => wrongPixelIndices([1, 0], [1])).toThrow(RangeError);
  });

  it('counts exactly 0.5 as ink', () => {
    expect(wrongPixels([1], [0.5])).toBe(0);
    expect(wrongPixels([1], [0.4999])).toBe(1);
    expect(wrongPixels([0], [0.5])).toBe(1);
  });

  it('E and F differ in the four right pixels of the bottom bar', () => {
    // E's last row is #####, F's is #....; every other row is the same.
    expect(wrongPixels(glyphBitmap('E'), glyphBitmap('F'))).toBe(4);
    expect(pixelAccuracy(glyphBitmap('E'), glyphBitmap('F'))).toBeCloseTo(31 / 35, 12);
  });

  it('counts per image in a batch', () => {
    expect(wrongPixelsPerImage([1, 1, 1, 0, 0, 0], [1, 0, 1, 1, 1, 1], 3)).toEqual([1, 3]);
  });

  it('refuses mismatched sizes and empty images', () => {
    expect(() => wrongPixels([1, 0], [1])).toThrow(RangeError);
    expect(() => pixelAccuracy([], [])).toThrow(RangeError);
    expect(() => wrongPixelsPerImage([1, 0, 1], [1, 0, 1], 2)).toThrow(RangeError);
  });
});

describe('mean squared error', () => {
  it('averages squared differences', () => {
    // (1² + 0² + 1²) / 3
    expect(mse([0, 0.5, 1], [1, 0.5, 0])).toBeCloseTo(2 / 3, 12);
    expect(mse([0.25, 0.75], [0.25, 0.75])).toBe(0);
  });

  it('inside a mask only', () => {
    expect(maskedMse([0, 0.5, 1], [1, 0.5, 0], [1, 0, 0])).toBe(1);
    expect(maskedMse([0, 0.5, 1], [1, 0.5, 0], [0, 1, 1])).toBe(0.5);
    expect(maskedMse([0, 1], [1, 0], [0, 0])).toBe(0);
  });

  it('per image', () => {
    expect(msePerImage([0, 0, 1, 1], [0, 1, 1, 1], 2)).toEqual([0.5, 0]);
  });

  it('refuses mismatched or empty arrays', () => {
    expect(() => mse([1, 2], [1])).toThrow(RangeError);
    expect(() => mse([], [])).toThrow(RangeError);
    expect(() => maskedMse([1, 2], [1, 2], [1])).toThrow(RangeError);
  });
});

describe('SSIM (7x7 uniform windows, sample statistics, C1 = 1e-4, C2 = 9e-4)', () => {
  const letterA = (): number[] => {
    const img = new Array<number>(784).fill(0);
    glyphBitmap('A').forEach((v, i) => (img[(4 + Math.floor(i / 5) * 3) * 28 + 7 + (i % 5) * 3] = v));
    return img;
  };

  it('is 1 for identical images', () => {
    const a = letterA();
    expect(ssim(a, a)).toBeCloseTo(1, 12);
    expect(ssim(new Array(784).fill(0.3), new Array(784).fill(0.3))).toBeCloseTo(1, 12);
  });

  it('an image against its negation, one 2x2 window, by hand', () => {
    // a = [1 1; 0 0], b = 1 − a. μa = μb = ½ → luminance term (2·¼ + C1)/(¼ + ¼ + C1) = 1.
    // Sample variance: Σ(x − ½)² / (4 − 1) = 1/3 each; covariance Σ(a − ½)(b − ½) / 3 = −1/3.
    // SSIM = (2·(−1/3) + C2) / (1/3 + 1/3 + C2) = −(2/3 − 9e-4) / (2/3 + 9e-4) = −0.9973036400858840
    expect(ssim([1, 1, 0, 0], [0, 0, 1, 1], { width: 2, height: 2, window: 2 })).toBeCloseTo(-0.997303640085884, 12);
  });

  it('black against white: only the constants keep it above 0', () => {
    // μa = 0, μb = 1, σ = 0: (0 + C1)(0 + C2) / ((0 + 1 + C1)(0 + C2)) = C1 / (1 + C1) in every window.
    expect(ssim(new Array(784).fill(0), new Array(784).fill(1))).toBeCloseTo(C1 / (1 + C1), 15);
  });

  it('averages over every window position', () => {
    // 3x2 images, 2x2 windows at x = 0 and x = 1. a has ink in its right column, b is blank.
    // Left window: both blank → C1·C2 / (C1·C2) = 1.
    // Right window: μa = ½, σa² = 1/3, b constant 0: C1·C2 / ((¼ + C1)·(1/3 + C2)) = 1.0766611875245911e-6.
    const right = (C1 * C2) / ((0.25 + C1) * (1 / 3 + C2));
    expect(right).toBeCloseTo(1.0766611875245911e-6, 18);
    expect(ssim([0, 0, 1, 0, 0, 1], [0, 0, 0, 0, 0, 0], { width: 3, height: 2, window: 2 })).toBeCloseTo(
      (1 + right) / 2,
      14,
    );
  });

  it("matches scikit-image's structural_similarity(win_size=7, data_range=1)", () => {
    // Reference values from scipy's uniform_filter implementation of skimage's formula (cropped border).
    const a = Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100);
    const b = Array.from({ length: 784 }, (_, i) => ((i * 53) % 97) / 96);
    expect(ssim(a, b)).toBeCloseTo(-0.003919912904037999, 12);
    expect(
      ssim(
        a,
        a.map((v) => 0.5 * v + 0.25),
      ),
    ).toBeCloseTo(0.8015231453331744, 12);
  });

  it('is symmetric', () => {
    const a = letterA();
    const b = a.map((v, i) => (i % 7 === 0 ? 1 - v : v));
    expect(ssim(a, b)).toBeCloseTo(ssim(b, a), 14);
    expect(ssim(a, b)).toBeLessThan(1);
  });

  it('refuses wrong sizes and windows', () => {
    expect(() => ssim(new Array(35).fill(0), new Array(35).fill(0))).toThrow(/28x28/);
    expect(() => ssim([0, 0, 0, 0], [0, 0, 0, 0], { width: 2, height: 2, window: 3 })).toThrow(/window/);
    expect(() => ssim([0, 0, 0, 0], [0, 0, 0, 0], { width: 2, height: 2, window: 1 })).toThrow(/window/);
  });
});

describe('match %', () => {
  it('is 100 · SSIM, clipped to [0, 100]', () => {
    const a = Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100);
    expect(matchPercent(a, a)).toBeCloseTo(100, 10);
    expect(
      matchPercent(
        a,
        a.map((v) => 0.5 * v + 0.25),
      ),
    ).toBeCloseTo(80.15231453331744, 9);
    expect(matchPercent(new Array(784).fill(0), new Array(784).fill(1))).toBeCloseTo((100 * C1) / (1 + C1), 12);
    // Anti-correlated images (negative SSIM) score 0, not a negative percentage.
    expect(matchPercent([1, 1, 0, 0], [0, 0, 1, 1], { width: 2, height: 2, window: 2 })).toBe(0);
  });
});

describe('judge confidence', () => {
  const sure1 = [0.05, 0.9, 0.05, 0, 0, 0, 0, 0, 0, 0];
  const unsure = [0.4, 0.35, 0.25, 0, 0, 0, 0, 0, 0, 0];

  it('reads the intended class and the verdict', () => {
    expect(confidenceOf(sure1, 1)).toBe(0.9);
    expect(confidenceOf(sure1, 2)).toBe(0.05);
    expect(predictedClass(sure1)).toEqual({ label: 1, confidence: 0.9 });
    expect(predictedClass([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0]).label).toBe(0);
  });

  it('clean digit: top probability at least the threshold (0.9 by default)', () => {
    expect(isCleanDigit(sure1)).toBe(true);
    expect(isCleanDigit(sure1, 0.95)).toBe(false);
    expect(isCleanDigitOf(sure1, 1)).toBe(true);
    expect(isCleanDigitOf(sure1, 0)).toBe(false);
    expect(isCleanDigit(unsure)).toBe(false);
  });

  it('non-digit: no class reaches one half', () => {
    expect(isNonDigit(unsure)).toBe(true);
    expect(isNonDigit([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(false);
    expect(isNonDigit(sure1)).toBe(false);
  });

  it('refuses empty vectors and unknown classes', () => {
    expect(() => predictedClass([])).toThrow(RangeError);
    expect(() => confidenceOf(sure1, 10)).toThrow(RangeError);
  });
});
