/**
 * The examples a job trains on: a split (first `limit` examples), minus the classes in `excludeLabels`, and
 * with `noisyCopies` a fixed pool of K corrupted copies of each (copy-major: rows 0..n-1 are copy 0 of every
 * example, so previews show different examples), drawn once from the job seed. The player's own examples
 * (`own`) come first, so the previews show them, then the dataset's, then the own examples' repeats.
 */
import { validateOwnFor } from '../shared/model-spec-validation';
import { corrupt } from '../shared/noise';
import type { ModelSpec, OwnExamples, TrainConfig } from '../shared/worker-api';
import { mixSeed, SEED_STREAM } from './batches';
import { splitData, type Dataset } from './datasets';
import type { TrainData } from './train';

export interface SelectedData {
  data: TrainData;
  /** Identifies the selection for the engine's device-tensor cache. */
  key: string;
}

/** FNV-1a over the own examples' bytes: the device cache must not mix two players' drawings up. */
function ownKey(own: OwnExamples): string {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array): void => {
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  };
  mix(new Uint8Array(own.images.buffer, own.images.byteOffset, own.images.byteLength));
  mix(own.labels);
  return `own:${own.mode}:${own.count}:${own.repeat ?? 1}:${h.toString(16)}`;
}

/** The examples whose label is not in `excluded`. */
function withoutLabels(
  size: number,
  images: Float32Array,
  labels: Uint8Array,
  excluded: readonly number[],
): { images: Float32Array; labels: Uint8Array; count: number } {
  const keep: number[] = [];
  for (let i = 0; i < labels.length; i++) if (!excluded.includes(labels[i])) keep.push(i);
  const kept = new Float32Array(keep.length * size);
  keep.forEach((src, i) => kept.set(images.subarray(src * size, (src + 1) * size), i * size));
  return { images: kept, labels: Uint8Array.from(keep, (i) => labels[i]), count: keep.length };
}

/** Own examples once, the dataset's, then the own examples' further repeats. */
function withOwn(
  size: number,
  base: { images: Float32Array; labels: Uint8Array; count: number },
  own: OwnExamples,
): { images: Float32Array; labels: Uint8Array; count: number } {
  const repeat = own.repeat ?? 1;
  const count = base.count + own.count * repeat;
  const images = new Float32Array(count * size);
  const labels = new Uint8Array(count);
  images.set(own.images, 0);
  labels.set(own.labels, 0);
  images.set(base.images, own.count * size);
  labels.set(base.labels, own.count);
  for (let r = 1; r < repeat; r++) {
    const at = own.count + base.count + (r - 1) * own.count;
    images.set(own.images, at * size);
    labels.set(own.labels, at);
  }
  return { images, labels, count };
}

export function selectTrainingData(ds: Dataset, spec: ModelSpec, config: Omit<TrainConfig, 'jobId'>): SelectedData {
  const split = config.split ?? 'train';
  const size = ds.info.size;
  let { images, labels, count } = splitData(ds, split, 0, config.limit);
  const own = config.own;
  if (own) validateOwnFor(own, size, ds.info.classes, ds.info.name);
  const replaced = own?.mode === 'replace' ? [...own.labels] : [];
  const excluded = [...new Set([...(config.excludeLabels ?? []), ...replaced])].sort((a, b) => a - b);
  if (excluded.length > 0) ({ images, labels, count } = withoutLabels(size, images, labels, excluded));
  if (own) ({ images, labels, count } = withOwn(size, { images, labels, count }, own));
  let key = `${ds.info.name}|${split}|${config.limit ?? ''}|${excluded.join(',')}${own ? `|${ownKey(own)}` : ''}`;
  const copies = config.noisyCopies;
  if (copies === undefined || !spec.noise || spec.noise.type === 'none')
    return { data: { images, labels, count }, key };

  const targets = new Float32Array(copies * count * size);
  const poolLabels = new Uint8Array(copies * count);
  for (let k = 0; k < copies; k++) {
    targets.set(images, k * count * size);
    poolLabels.set(labels, k * count);
  }
  // Independent of K, so the pool of K copies extends the pool of K − 1 (copy-major draws).
  const poolSeed = mixSeed(config.seed, 0, SEED_STREAM.pool);
  const inputs = corrupt(targets, { width: ds.info.width, height: ds.info.height }, spec.noise, poolSeed);
  key += `|pool:${copies}:${poolSeed}:${JSON.stringify(spec.noise)}`;
  return { data: { images: targets, labels: poolLabels, count: copies * count, inputs }, key };
}
