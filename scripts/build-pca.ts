/**
 * Builds assets/generated/mnist-pca.bin: the exact PCA basis of the MNIST training split (mean, all 784
 * eigenvalues, all components; src/ml-worker/pca-format.ts), so the worker's first `pca('mnist', k)` fetches
 * 2.5 MB instead of blocking ~2.5 s on a covariance product and an eigen-decomposition. Deterministic: float64
 * covariance in plain JS and ml-matrix's symmetric decomposition (src/ml-worker/pca-basis.ts), no backend.
 * Run through scripts/ensure-assets.ts (after mnist.bin, rebuilt when mnist.bin or these sources change) or
 * directly (`tsx scripts/build-pca.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basisFromCovariance, columnMean, covarianceFloat64 } from '../src/ml-worker/pca-basis';
import { encodePcaAsset, PCA_ASSET_PATH } from '../src/ml-worker/pca-format';
import { decodeMnistAsset } from '../src/shared/mnist-format';
import { MNIST_OUTPUT, writeFileAtomic } from './build-mnist';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PCA_OUTPUT = join(ROOT, 'assets', PCA_ASSET_PATH);

/** The decomposition's library version: part of the asset's inputs (scripts/ensure-assets.ts). */
export function mlMatrixVersion(): string {
  const main = createRequire(import.meta.url).resolve('ml-matrix');
  const pkg = JSON.parse(
    readFileSync(join(main.slice(0, main.lastIndexOf('ml-matrix')), 'ml-matrix', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return pkg.version;
}

/** The training split as the worker sees it (src/ml-worker/datasets.ts): split 0, file order, pixel / 255. */
export function mnistTrainImages(mnistBytes: Uint8Array): { images: Float32Array; count: number; size: number } {
  const asset = decodeMnistAsset(mnistBytes);
  const size = asset.width * asset.height;
  const train: number[] = [];
  asset.split.forEach((s, i) => s === 0 && train.push(i));
  const images = new Float32Array(train.length * size);
  train.forEach((src, i) => {
    for (let j = 0; j < size; j++) images[i * size + j] = asset.pixels[src * size + j] / 255;
  });
  return { images, count: train.length, size };
}

/** Reads mnist.bin, fits the basis and writes it; returns the bytes written. */
export function buildPcaFile(path = PCA_OUTPUT, mnistPath = MNIST_OUTPUT): Uint8Array {
  const { images, count, size } = mnistTrainImages(readFileSync(mnistPath));
  const mean = columnMean(images, count, size);
  const basis = basisFromCovariance(covarianceFloat64(images, count, size, mean), size, mean);
  const bytes = encodePcaAsset({ basis, count });
  writeFileAtomic(path, bytes);
  return bytes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const bytes = buildPcaFile();
  console.log(
    `mnist-pca.bin: ${bytes.length} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${PCA_OUTPUT}`,
  );
}
