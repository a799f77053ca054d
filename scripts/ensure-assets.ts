/**
 * Builds each generated asset (assets/generated) only when it is missing or stale; run by npm start, build,
 * test and bench. Stale means the stamp (assets/generated/stamp.json) records a different hash of the
 * generator's inputs (its source files, format version, source package version) or a different output hash.
 * Up to date costs one hash of each output, well under a second. `--force` rebuilds everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MNIST_FORMAT_VERSION } from '../src/shared/mnist-format';
import { PCA_FORMAT_VERSION } from '../src/ml-worker/pca-format';
import { buildMnistFile, MNIST_OUTPUT, mnistPackageVersion, writeFileAtomic } from './build-mnist';
import { buildPcaFile, mlMatrixVersion, PCA_OUTPUT } from './build-pca';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const STAMP_PATH = join(ROOT, 'assets', 'generated', 'stamp.json');
const STAMP_VERSION = 1;

interface GeneratedAsset {
  name: string;
  path: string;
  /** Repo-relative files whose content decides the output. */
  sources: string[];
  /** Other inputs (format and package versions), read cheaply. */
  versions: () => Record<string, string | number>;
  /** Builds and writes the asset; returns the bytes written. */
  build: () => Uint8Array;
}

// In build order: a later entry may read an earlier one's output.
export const GENERATED_ASSETS: GeneratedAsset[] = [
  {
    name: 'mnist.bin',
    path: MNIST_OUTPUT,
    sources: ['scripts/build-mnist.ts', 'src/shared/mnist-format.ts', 'src/shared/random.ts'],
    versions: () => ({ format: MNIST_FORMAT_VERSION, mnist: mnistPackageVersion() }),
    build: () => buildMnistFile(),
  },
  {
    // After mnist.bin: the PCA basis of its training split, rebuilt whenever mnist.bin changes.
    name: 'mnist-pca.bin',
    path: PCA_OUTPUT,
    sources: [
      'scripts/build-pca.ts',
      'src/ml-worker/pca-basis.ts',
      'src/ml-worker/pca-format.ts',
      'src/shared/mnist-format.ts',
    ],
    versions: () => ({
      format: PCA_FORMAT_VERSION,
      mnistBin: createHash('sha256').update(readFileSync(MNIST_OUTPUT)).digest('hex'),
      mlMatrix: mlMatrixVersion(),
    }),
    build: () => buildPcaFile(),
  },
];

interface StampEntry {
  inputs: string;
  output: string;
  bytes: number;
  gzipBytes: number;
}

interface Stamp {
  version: number;
  assets: Record<string, StampEntry>;
}

export interface AssetStatus {
  name: string;
  state: 'built' | 'up to date';
  bytes: number;
  gzipBytes: number;
  ms: number;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function inputsHash(asset: GeneratedAsset): string {
  const hash = createHash('sha256').update(
    `stamp ${STAMP_VERSION}\n${asset.name}\n${JSON.stringify(asset.versions())}\n`,
  );
  for (const source of asset.sources)
    hash
      .update(`${source}\n`)
      .update(readFileSync(join(ROOT, source)))
      .update('\n');
  return hash.digest('hex');
}

function readStamp(): Stamp {
  try {
    const stamp = JSON.parse(readFileSync(STAMP_PATH, 'utf8')) as Stamp;
    if (stamp.version === STAMP_VERSION && typeof stamp.assets === 'object' && stamp.assets) return stamp;
  } catch {
    // Missing or unreadable stamp: everything counts as stale.
  }
  return { version: STAMP_VERSION, assets: {} };
}

function isUpToDate(asset: GeneratedAsset, entry: StampEntry | undefined, inputs: string): boolean {
  if (!entry || entry.inputs !== inputs || !existsSync(asset.path)) return false;
  const bytes = readFileSync(asset.path);
  return bytes.length === entry.bytes && sha256(bytes) === entry.output;
}

export function ensureAssets(options: { force?: boolean; quiet?: boolean } = {}): AssetStatus[] {
  const stamp = readStamp();
  const statuses = GENERATED_ASSETS.map((asset): AssetStatus => {
    const started = performance.now();
    const inputs = inputsHash(asset);
    const entry = stamp.assets[asset.name];
    if (!options.force && entry && isUpToDate(asset, entry, inputs)) {
      return {
        name: asset.name,
        state: 'up to date',
        bytes: entry.bytes,
        gzipBytes: entry.gzipBytes,
        ms: performance.now() - started,
      };
    }
    const bytes = asset.build();
    const fresh = { inputs, output: sha256(bytes), bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    stamp.assets[asset.name] = fresh;
    // Stamp after each asset, so an interrupted run keeps what it finished.
    writeFileAtomic(STAMP_PATH, new TextEncoder().encode(`${JSON.stringify(stamp, null, 2)}\n`));
    return {
      name: asset.name,
      state: 'built',
      bytes: fresh.bytes,
      gzipBytes: fresh.gzipBytes,
      ms: performance.now() - started,
    };
  });
  if (!options.quiet) for (const s of statuses) console.log(formatStatus(s));
  return statuses;
}

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;

export function formatStatus(s: AssetStatus): string {
  const how = s.state === 'built' ? `built in ${(s.ms / 1000).toFixed(1)} s` : 'up to date';
  return `assets: ${s.name} ${how} (${mb(s.bytes)}, ${mb(s.gzipBytes)} gzip)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureAssets({ force: process.argv.includes('--force') });
}
