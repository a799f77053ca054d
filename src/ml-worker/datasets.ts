/**
 * Datasets as CPU arrays: MNIST from the generated asset (fetched through an injected function, so Node tests
 * read the file from disk and the worker uses fetch), glyphs from the shared font. For glyphs there is no
 * held-out set: train = test = all glyphs.
 */
import { datasetClassNames } from '../shared/dataset-classes';
import { MlError } from '../shared/errors';
import { GLYPH_CHARS, glyphSet, glyphSet28 } from '../shared/glyphs';
import { decodeMnistAsset, MNIST_ASSET_PATH } from '../shared/mnist-format';
import { checkDatasetName } from '../shared/model-spec-validation';
import type { DatasetInfo, DatasetName, Split } from '../shared/worker-api';

/** Fetches an asset by its path relative to the asset base (e.g. 'generated/mnist.bin'). */
export type FetchAsset = (path: string) => Promise<ArrayBuffer>;

export interface Dataset {
  info: DatasetInfo;
  /** All images, row-major, [0, 1]. */
  images: Float32Array;
  labels: Uint8Array;
  /** Image indices of each split. */
  splits: Record<Split, Uint32Array>;
}

export interface SplitData {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

const range = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

function glyphDataset(name: 'glyphs' | 'glyphs28'): Dataset {
  const set = name === 'glyphs' ? glyphSet() : glyphSet28();
  const count = set.labels.length;
  const all = range(count);
  return {
    info: {
      name,
      width: set.width,
      height: set.height,
      size: set.width * set.height,
      classes: GLYPH_CHARS.length,
      classNames: datasetClassNames(name),
      trainCount: count,
      testCount: count,
    },
    images: set.images,
    labels: set.labels,
    splits: { train: all, test: all, all },
  };
}

function mnistDataset(bytes: ArrayBuffer): Dataset {
  const asset = decodeMnistAsset(bytes);
  const images = new Float32Array(asset.pixels.length);
  for (let i = 0; i < images.length; i++) images[i] = asset.pixels[i] / 255;
  const train: number[] = [];
  const test: number[] = [];
  asset.split.forEach((s, i) => (s === 0 ? train : test).push(i));
  return {
    info: {
      name: 'mnist',
      width: asset.width,
      height: asset.height,
      size: asset.width * asset.height,
      classes: 10,
      classNames: datasetClassNames('mnist'),
      trainCount: train.length,
      testCount: test.length,
    },
    images,
    labels: asset.labels.slice(),
    splits: { train: Uint32Array.from(train), test: Uint32Array.from(test), all: range(asset.count) },
  };
}

export class DatasetStore {
  private readonly loaded = new Map<DatasetName, Promise<Dataset>>();

  constructor(private readonly fetchAsset: FetchAsset) {}

  /** Loads once; a failed load is forgotten so a later call retries. */
  load(name: DatasetName): Promise<Dataset> {
    checkDatasetName(name);
    let pending = this.loaded.get(name);
    if (!pending) {
      pending = this.fetchAndDecode(name);
      this.loaded.set(name, pending);
      pending.catch(() => this.loaded.delete(name));
    }
    return pending;
  }

  private async fetchAndDecode(name: DatasetName): Promise<Dataset> {
    if (name !== 'mnist') return glyphDataset(name);
    try {
      return mnistDataset(await this.fetchAsset(MNIST_ASSET_PATH));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MlError(
        'DATASET_LOAD_FAILED',
        `The MNIST digits could not be loaded (${why}). Reload the page to try again.`,
      );
    }
  }
}

/** Copies of the first `limit` images (all by default) of a split, from `offset`. */
export function splitData(ds: Dataset, split: Split, offset = 0, limit?: number): SplitData {
  const indices = ds.splits[split];
  const end = Math.min(indices.length, limit === undefined ? indices.length : offset + limit);
  const count = Math.max(0, end - offset);
  const size = ds.info.size;
  const images = new Float32Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const src = indices[offset + i];
    images.set(ds.images.subarray(src * size, (src + 1) * size), i * size);
    labels[i] = ds.labels[src];
  }
  return { images, labels, count };
}
