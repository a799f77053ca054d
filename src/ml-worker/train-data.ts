/**
 * The examples a job trains on: a split (first `limit` examples), minus the classes in `excludeLabels`, and
 * with `noisyCopies` a fixed pool of K corrupted copies of each (copy-major: rows 0..n-1 are copy 0 of every
 * example, so previews show different examples), drawn once from the job seed.
 */
import { corrupt } from '../shared/noise';
import type { ModelSpec, TrainConfig } from '../shared/worker-api';
import { mixSeed, SEED_STREAM } from './batches';
import { splitData, type Dataset } from './datasets';
import type { TrainData } from './train';

export interface SelectedData {
  data: TrainData;
  /** Identifies the selection for the engine's device-tensor cache. */
  key: string;
}

export function selectTrainingData(ds: Dataset, spec: ModelSpec, config: Omit<TrainConfig, 'jobId'>): SelectedData {
  const split = config.split ?? 'train';
  let { images, labels, count } = splitData(ds, split, 0, config.limit);
  const excluded = [...new Set(config.excludeLabels ?? [])].sort((a, b) => a - b);
  if (excluded.length > 0) {
    const size = ds.info.size;
    const keep: number[] = [];
    for (let i = 0; i < count; i++) if (!excluded.includes(labels[i])) keep.push(i);
    const kept = new Float32Array(keep.length * size);
    keep.forEach((src, i) => kept.set(images.subarray(src * size, (src + 1) * size), i * size));
    images = kept;
    labels = Uint8Array.from(keep, (i) => labels[i]);
    count = keep.length;
  }
  let key = `${ds.info.name}|${split}|${config.limit ?? ''}|${excluded.join(',')}`;
  const copies = config.noisyCopies;
  if (copies === undefined || !spec.noise || spec.noise.type === 'none')
    return { data: { images, labels, count }, key };

  const size = ds.info.size;
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
