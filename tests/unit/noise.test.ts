import { describe, expect, it } from 'vitest';
import { corrupt, corruptSliced, describeNoiseProblem, type NoiseSpec } from '../../src/shared/noise';
import { createRng } from '../../src/shared/random';

const shape = { width: 28, height: 28 };
const SIZE = 784;
const COUNT = 100; // 78,400 pixels: standard errors of the statistics below are ~0.002 or less

const filled = (value: number, count = COUNT): Float32Array => new Float32Array(count * SIZE).fill(value);

const mean = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
};

const std = (xs: ArrayLike<number>): number => {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return Math.sqrt(s / xs.length);
};

describe('gaussian noise', () => {
  it('adds zero-mean noise with standard deviation sigma on a mid-grey image', () => {
    const clean = filled(0.5);
    const sigma = 0.1; // 5 sigma from the clip bounds, so clipping does not bias the statistics
    const noisy = corrupt(clean, shape, { type: 'gaussian', sigma }, 1);
    const delta = noisy.map((v, i) => v - clean[i]);
    expect(Math.abs(mean(delta))).toBeLessThan(0.002);
    expect(Math.abs(std(delta) - sigma) / sigma).toBeLessThan(0.02);
  });

  it('clips to [0, 1]', () => {
    const noisy = corrupt(filled(0.5), shape, { type: 'gaussian', sigma: 2 }, 2);
    expect(noisy.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(noisy.some((v) => v === 0) && noisy.some((v) => v === 1)).toBe(true);
  });
});

describe('salt-and-pepper noise', () => {
  it('changes a fraction `amount` of pixels, about half to 0 and half to 1', () => {
    const amount = 0.2;
    const noisy = corrupt(filled(0.5), shape, { type: 'saltPepper', amount }, 3);
    const zeros = noisy.filter((v) => v === 0).length;
    const ones = noisy.filter((v) => v === 1).length;
    const untouched = noisy.filter((v) => v === 0.5).length;
    expect(zeros + ones + untouched).toBe(noisy.length);
    expect(Math.abs((zeros + ones) / noisy.length - amount)).toBeLessThan(0.01);
    expect(Math.abs(zeros / (zeros + ones) - 0.5)).toBeLessThan(0.02);
  });
});

describe('masking noise', () => {
  it('zeroes a fraction `fraction` of pixels on an all-ones image', () => {
    for (const fraction of [0.3, 0.5]) {
      const noisy = corrupt(filled(1), shape, { type: 'masking', fraction }, 4);
      const zeros = noisy.filter((v) => v === 0).length;
      expect(noisy.every((v) => v === 0 || v === 1)).toBe(true);
      expect(Math.abs(zeros / noisy.length - fraction)).toBeLessThan(0.01);
    }
  });
});

describe('block noise', () => {
  it('zeroes exactly one contiguous size x size square per image, at varying places', () => {
    const size = 7;
    const noisy = corrupt(filled(1, 50), shape, { type: 'block', size }, 5);
    const corners = new Set<string>();
    for (let n = 0; n < 50; n++) {
      const zeros: [number, number][] = [];
      for (let p = 0; p < SIZE; p++) if (noisy[n * SIZE + p] === 0) zeros.push([p % 28, Math.floor(p / 28)]);
      expect(zeros.length).toBe(size * size);
      const xs = zeros.map(([x]) => x);
      const ys = zeros.map(([, y]) => y);
      // size² zeros inside a size x size bounding box: the box is completely filled, so it is one square.
      expect(Math.max(...xs) - Math.min(...xs) + 1).toBe(size);
      expect(Math.max(...ys) - Math.min(...ys) + 1).toBe(size);
      corners.add(`${Math.min(...xs)},${Math.min(...ys)}`);
    }
    expect(corners.size).toBeGreaterThan(25);
  });

  it('clips a block larger than the image to the image', () => {
    const glyph = { width: 5, height: 7 };
    const noisy = corrupt(new Float32Array(2 * 35).fill(1), glyph, { type: 'block', size: 9 }, 6);
    // min(9, width, height) = 5: a 5x5 square in each 7x5 image.
    expect(noisy.subarray(0, 35).filter((v) => v === 0).length).toBe(25);
    expect(noisy.subarray(35, 70).filter((v) => v === 0).length).toBe(25);
  });
});

describe('mixed noise', () => {
  it('gives each image one of the listed kinds', () => {
    const spec: NoiseSpec = {
      type: 'mixed',
      kinds: [
        { type: 'block', size: 4 },
        { type: 'masking', fraction: 0.5 },
      ],
    };
    const noisy = corrupt(filled(1), shape, spec, 7);
    const zerosPerImage = Array.from(
      { length: COUNT },
      (_, n) => noisy.subarray(n * SIZE, (n + 1) * SIZE).filter((v) => v === 0).length,
    );
    const blocks = zerosPerImage.filter((z) => z === 16).length;
    const masked = zerosPerImage.filter((z) => z > 300).length;
    expect(blocks + masked).toBe(COUNT);
    expect(blocks).toBeGreaterThan(30);
    expect(masked).toBeGreaterThan(30);
  });
});

describe('seeding and purity', () => {
  const specs: NoiseSpec[] = [
    { type: 'gaussian', sigma: 0.3 },
    { type: 'saltPepper', amount: 0.2 },
    { type: 'masking', fraction: 0.4 },
    { type: 'block', size: 8 },
  ];
  const clean = Float32Array.from({ length: 10 * SIZE }, (_, i) => (i % 97) / 96);

  it.each(specs)('$type: same seed gives the same output, another seed a different one', (spec) => {
    const a = corrupt(clean, shape, spec, 42);
    const b = corrupt(clean, shape, spec, 42);
    const c = corrupt(clean, shape, spec, 43);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it.each(specs)('$type: never modifies the input', (spec) => {
    const input = clean.slice();
    const out = corrupt(input, shape, spec, 9);
    expect(out).not.toBe(input);
    expect(Array.from(input)).toEqual(Array.from(clean));
  });

  it('accepts a generator and continues its stream', () => {
    const rng = createRng(11);
    const first = corrupt(clean, shape, specs[2], rng);
    const second = corrupt(clean, shape, specs[2], rng);
    expect(Array.from(first)).not.toEqual(Array.from(second));
    expect(Array.from(first)).toEqual(Array.from(corrupt(clean, shape, specs[2], createRng(11))));
  });

  it('none copies the input', () => {
    const out = corrupt(clean, shape, { type: 'none' }, 1);
    expect(out).not.toBe(clean);
    expect(Array.from(out)).toEqual(Array.from(clean));
  });
});

describe('describeNoiseProblem', () => {
  it.each<NoiseSpec>([
    { type: 'none' },
    { type: 'gaussian', sigma: 0 },
    { type: 'gaussian', sigma: 0.5 },
    { type: 'saltPepper', amount: 1 },
    { type: 'masking', fraction: 0.3 },
    { type: 'block', size: 1 },
    { type: 'block', size: 28 },
    {
      type: 'mixed',
      kinds: [
        { type: 'block', size: 6 },
        { type: 'gaussian', sigma: 0.2 },
      ],
    },
  ])('accepts $type %#', (spec) => {
    expect(describeNoiseProblem(spec)).toBeNull();
  });

  it.each<[NoiseSpec, RegExp]>([
    [{ type: 'gaussian', sigma: -0.1 }, /sigma/],
    [{ type: 'gaussian', sigma: Number.NaN }, /sigma/],
    [{ type: 'gaussian', sigma: 3 }, /sigma/],
    [{ type: 'saltPepper', amount: 1.5 }, /amount/],
    [{ type: 'saltPepper', amount: -1 }, /amount/],
    [{ type: 'masking', fraction: -0.2 }, /fraction/],
    [{ type: 'masking', fraction: 2 }, /fraction/],
    [{ type: 'block', size: 0 }, /Block size/],
    [{ type: 'block', size: 2.5 }, /Block size/],
    [{ type: 'block', size: 29 }, /Block size/],
    [{ type: 'mixed', kinds: [] }, /at least one/],
    [
      {
        type: 'mixed',
        kinds: [
          { type: 'masking', fraction: 0.3 },
          { type: 'saltPepper', amount: 7 },
        ],
      },
      /amount/,
    ],
  ])('rejects %j', (spec, message) => {
    expect(describeNoiseProblem(spec)).toMatch(message);
  });
});

describe('corruption in slices', () => {
  const images = (() => {
    const rng = createRng(11);
    return Float32Array.from({ length: 30 * SIZE }, () => rng.next());
  })();
  const specs: NoiseSpec[] = [
    { type: 'gaussian', sigma: 0.3 },
    { type: 'block', size: 9 },
    {
      type: 'mixed',
      kinds: [
        { type: 'saltPepper', amount: 0.1 },
        { type: 'masking', fraction: 0.4 },
      ],
    },
  ];

  it('gives exactly the images corrupt() gives, for a seed and for a shared generator', async () => {
    for (const spec of specs) {
      expect(await corruptSliced(images, shape, spec, 21, { budgetMs: 0, yieldFn: async () => {} })).toEqual(
        corrupt(images, shape, spec, 21),
      );
      const a = createRng(5);
      const b = createRng(5);
      const sliced = await corruptSliced(images, shape, spec, a, { budgetMs: 0, yieldFn: async () => {} });
      expect(sliced).toEqual(corrupt(images, shape, spec, b));
      expect(a.next()).toBe(b.next()); // both generators advanced by the same draws
    }
  });

  it('hands the thread back between images once its budget is spent, and never after the last one', async () => {
    let yields = 0;
    const yieldFn = async (): Promise<void> => {
      yields++;
    };
    await corruptSliced(images, shape, specs[0], 3, { budgetMs: 0, yieldFn });
    expect(yields).toBe(29); // 30 images, a yield between each two
    yields = 0;
    await corruptSliced(images, shape, specs[0], 3, { budgetMs: 60_000, yieldFn });
    expect(yields).toBe(0);
    // The real yield lets a queued timer run in the middle of the work.
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const pending = corruptSliced(filled(0.5, 300), shape, specs[0], 4, { budgetMs: 0 });
    expect(timerRan).toBe(false);
    await pending;
    expect(timerRan).toBe(true);
  });
});
