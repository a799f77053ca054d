/** The Engine's inference calls on a model: reconstruct, encode, decode, VQ codes, latentGrid, sample, evaluate. */
import { LOSSES, SPLITS } from '../shared/model-spec-validation';
import { t } from '../shared/messages';
import { createRng } from '../shared/random';
import type { EncodedDistribution, EvaluateResult, LatentGridBounds, LossName, Split } from '../shared/worker-api';
import { splitData } from './datasets';
import { entryOf, input, isInt, type EngineContext } from './engine-context';
import * as infer from './inference';
import type { Autoencoder } from './models/autoencoder';
import * as vqInfer from './vq-inference';

const MAX_GRID = 64;
const MAX_SAMPLES = 1024;

function checkImages(model: Autoencoder, images: Float32Array, what = 'images'): number {
  input(images instanceof Float32Array, `The ${what} must be a Float32Array.`);
  const size = what === 'codes' ? model.latentSize : model.inputSize;
  const unit =
    what === 'codes' ? `codes of ${size} numbers` : `images of ${model.width}x${model.height} = ${size} pixels`;
  input(images.length > 0 && images.length % size === 0, `Expected whole ${unit}, but got ${images.length} numbers.`);
  for (let i = 0; i < images.length; i++)
    input(Number.isFinite(images[i]), `The ${what} contain a value that is not a finite number.`);
  return images.length / size;
}

function checkLabels(model: Autoencoder, count: number, labels?: Uint8Array): Uint8Array | undefined {
  if (!model.conditional) return undefined;
  input(labels instanceof Uint8Array, 'A conditional model needs a label (Uint8Array) for each image or code.');
  input(labels.length === count, `Expected ${count} labels, got ${labels.length}.`);
  for (const l of labels) input(l < model.classes, `Labels must be below ${model.classes}.`);
  return labels;
}

export async function reconstruct(
  ctx: EngineContext,
  modelId: string,
  images: Float32Array,
  labels?: Uint8Array,
): Promise<Float32Array> {
  const { model } = entryOf(ctx, modelId);
  const count = checkImages(model, images);
  return infer.reconstruct(model, images, checkLabels(model, count, labels));
}

export async function encode(
  ctx: EngineContext,
  modelId: string,
  images: Float32Array,
  labels?: Uint8Array,
): Promise<Float32Array> {
  const { model } = entryOf(ctx, modelId);
  const count = checkImages(model, images);
  return infer.encode(model, images, checkLabels(model, count, labels));
}

export async function encodeDistribution(
  ctx: EngineContext,
  modelId: string,
  images: Float32Array,
  labels?: Uint8Array,
): Promise<EncodedDistribution> {
  const { model } = entryOf(ctx, modelId);
  input(model.variational, t('engine.notVariational'));
  const count = checkImages(model, images);
  return infer.encodeDistribution(model, images, checkLabels(model, count, labels));
}

export async function decode(
  ctx: EngineContext,
  modelId: string,
  codes: Float32Array,
  labels?: Uint8Array,
): Promise<Float32Array> {
  const { model } = entryOf(ctx, modelId);
  const count = checkImages(model, codes, 'codes');
  return infer.decode(model, codes, checkLabels(model, count, labels));
}

function codebookOf(model: Autoencoder): NonNullable<Autoencoder['codebook']> {
  input(model.codebook !== undefined, t('engine.vq.notVqvae'));
  return model.codebook;
}

export async function encodeCodes(ctx: EngineContext, modelId: string, images: Float32Array): Promise<Uint16Array> {
  const { model } = entryOf(ctx, modelId);
  codebookOf(model);
  checkImages(model, images);
  return vqInfer.encodeCodes(model, images);
}

export async function decodeCodes(ctx: EngineContext, modelId: string, indices: Uint16Array): Promise<Float32Array> {
  const { model } = entryOf(ctx, modelId);
  const { slots, size } = codebookOf(model);
  input(
    indices instanceof Uint16Array && indices.length > 0 && indices.length % slots === 0,
    t('engine.vq.indices', { slots, max: size - 1 }),
  );
  for (const k of indices) input(k < size, t('engine.vq.indices', { slots, max: size - 1 }));
  return vqInfer.decodeCodes(model, indices);
}

export async function latentGrid(
  ctx: EngineContext,
  modelId: string,
  bounds: LatentGridBounds,
  n: number,
): Promise<Float32Array> {
  const { model } = entryOf(ctx, modelId);
  input(isInt(n) && n >= 1 && n <= MAX_GRID, `The grid size must be a whole number from 1 to ${MAX_GRID}.`);
  input(typeof bounds === 'object' && bounds !== null, 'The grid needs bounds.');
  const { xMin, xMax, yMin, yMax } = bounds;
  input(
    [xMin, xMax, yMin, yMax].every((v) => Number.isFinite(v)),
    'Grid bounds must be finite numbers.',
  );
  const latent = model.latentSize;
  const dims = bounds.dims ?? [0, Math.min(1, latent - 1)];
  input(
    dims.every((d) => isInt(d) && d >= 0 && d < latent),
    `Grid dimensions must be code units from 0 to ${latent - 1}.`,
  );
  input(
    bounds.base === undefined || (bounds.base instanceof Float32Array && bounds.base.length === latent),
    `The base code must be a Float32Array of ${latent} numbers.`,
  );
  const codes = new Float32Array(n * n * latent);
  const at = (lo: number, hi: number, i: number): number => (n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const row = (r * n + c) * latent;
      if (bounds.base) codes.set(bounds.base, row);
      codes[row + dims[0]] = at(xMin, xMax, c);
      if (dims[1] !== dims[0]) codes[row + dims[1]] = at(yMax, yMin, r);
    }
  }
  const label = bounds.label ?? 0;
  input(
    !model.conditional || (isInt(label) && label >= 0 && label < model.classes),
    `The grid label must be a class from 0 to ${model.classes - 1}.`,
  );
  return infer.decode(model, codes, model.conditional ? new Uint8Array(n * n).fill(label) : undefined);
}

/** z ~ N(0, I) from `seed`; a conditional model cycles through the classes. */
export async function sample(
  ctx: EngineContext,
  modelId: string,
  n: number,
  seed: number,
): Promise<{ codes: Float32Array; images: Float32Array }> {
  const { model } = entryOf(ctx, modelId);
  input(isInt(n) && n >= 1 && n <= MAX_SAMPLES, `The sample count must be a whole number from 1 to ${MAX_SAMPLES}.`);
  input(isInt(seed), 'The seed must be a whole number.');
  const rng = createRng(seed);
  if (model.codebook) {
    const { size, slots } = model.codebook;
    const indices = Uint16Array.from({ length: n * slots }, () => rng.int(size));
    return { codes: await vqInfer.codesOf(model, indices), images: await vqInfer.decodeCodes(model, indices) };
  }
  const codes = Float32Array.from({ length: n * model.latentSize }, () => rng.normal());
  const labels = model.conditional ? Uint8Array.from({ length: n }, (_, i) => i % model.classes) : undefined;
  return { codes, images: await infer.decode(model, codes, labels) };
}

export async function evaluate(
  ctx: EngineContext,
  modelId: string,
  split: Split,
  loss: LossName = 'mse',
  limit?: number,
): Promise<EvaluateResult> {
  const entry = entryOf(ctx, modelId);
  input(SPLITS.includes(split), `"${String(split)}" is not a split. Pick train, test or all.`);
  input(LOSSES.includes(loss), `"${String(loss)}" is not a loss. Pick mse or bce.`);
  input(limit === undefined || (isInt(limit) && limit >= 1), 'The example limit must be a whole number of at least 1.');
  const ds = await ctx.dataset(entry.spec.dataset);
  const data = splitData(ds, split, 0, limit);
  return { split, count: data.count, loss: await infer.evaluate(entry.model, data.images, data.labels, loss) };
}
