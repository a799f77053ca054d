import { describe, expect, it } from 'vitest';
import { bitsPerImage } from '../../src/shared/vq';

describe('bits per image of a VQ-VAE code', () => {
  it('is slots · log2 K', () => {
    expect(bitsPerImage(1, 2)).toBe(1);
    expect(bitsPerImage(4, 16)).toBe(16);
    expect(bitsPerImage(8, 512)).toBe(72);
    expect(bitsPerImage(3, 10)).toBeCloseTo(3 * 3.321928, 5);
    expect(bitsPerImage(5, 1)).toBe(0);
    expect(bitsPerImage(0, 64)).toBe(0);
  });

  it('doubling K adds one bit per slot; doubling the slots doubles the bits', () => {
    expect(bitsPerImage(6, 64) - bitsPerImage(6, 32)).toBeCloseTo(6, 12);
    expect(bitsPerImage(12, 32)).toBeCloseTo(2 * bitsPerImage(6, 32), 12);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => bitsPerImage(1.5, 8)).toThrow(RangeError);
    expect(() => bitsPerImage(2, 0)).toThrow(RangeError);
    expect(() => bitsPerImage(-1, 8)).toThrow(RangeError);
    expect(() => bitsPerImage(2, 2.5)).toThrow(RangeError);
  });
});
