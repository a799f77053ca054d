import { describe, expect, it } from 'vitest';
import { createRng, shuffledIndices } from '../../src/shared/random';

const N = 100_000;
const draw = (f: () => number, n = N): number[] => Array.from({ length: n }, f);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const seqA = draw(() => a.next(), 50);
    expect(draw(() => b.next(), 50)).toEqual(seqA);
    expect(draw(() => c.next(), 50)).not.toEqual(seqA);
  });

  it('next() is uniform on [0, 1): mean 1/2, variance 1/12', () => {
    const rng = createRng(1);
    const xs = draw(() => rng.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // Standard errors at N = 1e5: mean ~0.0009, variance ~0.0001.
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance(xs) - 1 / 12)).toBeLessThan(0.001);
    // Each tenth of the interval gets about a tenth of the draws.
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    for (const count of bins) expect(Math.abs(count / N - 0.1)).toBeLessThan(0.005);
  });

  it('int(n) covers 0..n-1 evenly and nothing else', () => {
    const rng = createRng(2);
    const counts = new Map<number, number>();
    for (let i = 0; i < 70_000; i++) {
      const k = rng.int(7);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('normal() has mean 0 and standard deviation 1', () => {
    const rng = createRng(3);
    const xs = draw(() => rng.normal());
    expect(Math.abs(mean(xs))).toBeLessThan(0.015);
    expect(Math.abs(Math.sqrt(variance(xs)) - 1)).toBeLessThan(0.01);
    // About 68.3% within one standard deviation.
    expect(Math.abs(xs.filter((x) => Math.abs(x) < 1).length / N - 0.6827)).toBeLessThan(0.006);
  });

  it('seed() gives 32-bit unsigned integers that start distinct streams', () => {
    const rng = createRng(4);
    const seeds = draw(() => rng.seed(), 1_000);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});

describe('shuffledIndices', () => {
  it('is a permutation of 0..n-1', () => {
    const perm = shuffledIndices(1_000, createRng(5));
    expect(perm.length).toBe(1_000);
    expect(Array.from(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('actually shuffles, deterministically per seed', () => {
    const a = Array.from(shuffledIndices(1_000, createRng(6)));
    const fixedPoints = a.filter((v, i) => v === i).length;
    expect(fixedPoints).toBeLessThan(10); // a random permutation has ~1 on average
    expect(Array.from(shuffledIndices(1_000, createRng(6)))).toEqual(a);
    expect(Array.from(shuffledIndices(1_000, createRng(7)))).not.toEqual(a);
  });

  it('puts each element in each place about equally often', () => {
    const rng = createRng(8);
    const counts = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (let t = 0; t < 40_000; t++) shuffledIndices(4, rng).forEach((v, place) => counts[v][place]++);
    for (const row of counts) for (const c of row) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('handles 0 and 1 elements', () => {
    expect(shuffledIndices(0, createRng(9)).length).toBe(0);
    expect(Array.from(shuffledIndices(1, createRng(9)))).toEqual([0]);
  });
});
