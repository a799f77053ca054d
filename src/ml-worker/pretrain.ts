/**
 * Makes one pretrained asset (manifest + weights bytes) from its plan in src/shared/levels/assets.ts, through
 * the public Engine calls (createModel, train, exportWeights, importWeights, evaluate, encode, getImages) and,
 * for the judge, the classifier builder. Pure of wall-clock time: same plan, seed and backend ⇒ same bytes.
 * scripts/pretrain.ts writes the files; tests call this with a reduced budget.
 */
import * as tf from '@tensorflow/tfjs';
import { GLYPH_CHARS } from '../shared/glyphs';
import type { PretrainedAssetPlan } from '../shared/levels/assets';
import { MNIST_PIXELS, MNIST_SIDE } from '../shared/mnist-format';
import type { LossTerms, PretrainedAssetName, TrainConfig } from '../shared/worker-api';
import type { Engine } from './engine';
import { accuracy, buildClassifier, trainClassifier } from './models/classifier';
import {
  encodeTensors,
  PRETRAINED_FORMAT,
  PRETRAINED_FORMAT_VERSION,
  QUANTISE_MIN_SIZE,
  sha256Hex,
  decodeTensors,
  type ClassifierShape,
  type PretrainedManifest,
} from './pretrained-format';
import { nearestRankPercentile } from '../shared/percentile';

export interface PretrainOptions {
  /** Replace the plan's training length with this many steps (tests: a cheap run through the same code path). */
  steps?: number;
}

export interface PretrainedFiles {
  manifest: PretrainedManifest;
  /** The manifest as written (stable key order, 2-space indent, trailing newline). */
  json: string;
  bin: Uint8Array;
}

/** Percentiles of the encoded training codes bounding the 'dataBox' of map levels. */
export const CODE_BOX_PERCENTILES: [number, number] = [1, 99];
const JUDGE_SHIFT = 1;
/** The last 30 % of the judge's steps run at a tenth of the learning rate. */
const JUDGE_DECAY_FROM = 0.7;
const JUDGE_BATCH = 64;
const JUDGE_LEARNING_RATE = 1e-3;

/** Rounds to 6 significant digits for the manifest (exact values are in the weights, not here). */
const r6 = (v: number): number => Number(v.toPrecision(6));
const roundTerms = (t: LossTerms): Record<string, number> =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, r6(v as number)]));

function column(codes: Float32Array, dims: number, d: number): Float32Array {
  return Float32Array.from({ length: codes.length / dims }, (_, i) => codes[i * dims + d]);
}

async function allImages(
  engine: Engine,
  dataset: 'mnist' | 'glyphs',
  split: 'train' | 'test',
): Promise<{ images: Float32Array; labels: Uint8Array }> {
  const info = await engine.loadDataset(dataset);
  const n = split === 'train' ? info.trainCount : info.testCount;
  const batch = await engine.getImages(dataset, split, 0, n);
  return { images: batch.images, labels: batch.labels };
}

function finish(manifest: Omit<PretrainedManifest, 'bin'>, bin: Uint8Array, sha256: string): PretrainedFiles {
  const full: PretrainedManifest = {
    ...manifest,
    bin: { file: `${manifest.name}.bin`, bytes: bin.byteLength, sha256 },
  } as PretrainedManifest;
  // Fixed key order for readable diffs.
  const ordered: PretrainedManifest = {
    format: full.format,
    version: full.version,
    name: full.name,
    purpose: full.purpose,
    kind: full.kind,
    ...(full.spec ? { spec: full.spec } : {}),
    ...(full.classifier ? { classifier: full.classifier } : {}),
    quantisation: full.quantisation,
    bin: full.bin,
    training: full.training,
    ...(full.codeBox ? { codeBox: full.codeBox } : {}),
    ...(full.classMeans ? { classMeans: full.classMeans } : {}),
    tensors: full.tensors,
  };
  return { manifest: ordered, json: `${JSON.stringify(ordered, null, 2)}\n`, bin };
}

const QUANTISATION = {
  kernels: 'uint8-affine-per-column',
  minKernelSize: QUANTISE_MIN_SIZE,
  other: 'float16',
} as const;

async function sha(bin: Uint8Array): Promise<string> {
  const digest = await sha256Hex(bin);
  if (digest === null) throw new Error('Web Crypto (crypto.subtle) is needed to write pretrained assets.');
  return digest;
}

async function pretrainAutoencoder(
  engine: Engine,
  name: PretrainedAssetName,
  plan: Extract<PretrainedAssetPlan, { kind: 'autoencoder' }>,
  options: PretrainOptions,
): Promise<PretrainedFiles> {
  const id = `pretrain:${name}`;
  const excludeLabels = (plan.excludeChars ?? []).map((ch) => {
    const label = GLYPH_CHARS.indexOf(ch);
    if (label < 0) throw new Error(`${name}: "${ch}" is not a glyph.`);
    return label;
  });
  const { epochs, steps, ...rest } = plan.train;
  const length = options.steps !== undefined ? { steps: options.steps } : steps !== undefined ? { steps } : { epochs };
  const train: Omit<TrainConfig, 'jobId'> = {
    ...rest,
    ...length,
    ...(excludeLabels.length > 0 ? { excludeLabels } : {}),
  };
  const info = await engine.createModel(plan.spec, { id });
  const result = await engine.train(id, {
    ...train,
    jobId: `pretrain-${name}`,
    progressIntervalMs: 5000,
    previewCount: 0,
  });
  if (result.reason !== 'completed') throw new Error(`${name}: training ended ${result.reason}: ${result.message}`);

  const mnist = plan.spec.dataset === 'mnist';
  const measure = async (): Promise<Record<string, number>> => {
    // MNIST: the held-out split. Glyphs have none: the 26 letters, including any the model never saw.
    const [split, limit, prefix] = mnist ? (['test', undefined, 'test'] as const) : (['test', 26, 'letters'] as const);
    const bce = await engine.evaluate(id, split, 'bce', limit);
    const out: Record<string, number> = {
      [`${prefix}Bce`]: r6(bce.loss.reconstruction),
      [`${prefix}Mse`]: r6(bce.loss.mse),
      [`${prefix}Loss`]: r6(bce.loss.total),
    };
    if (bce.loss.kl !== undefined) out[`${prefix}Kl`] = r6(bce.loss.kl);
    return out;
  };
  const heldOutFloat32 = await measure();

  const exported = await engine.exportWeights(id);
  const named: { name: string; shape: number[]; data: Float32Array }[] = [];
  let offset = 0;
  for (const t of exported.tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    named.push({ name: t.name, shape: t.shape, data: exported.data.subarray(offset, offset + n) });
    offset += n;
  }
  const { bin, tensors } = encodeTensors(named);
  // From here on the model holds exactly what players get.
  const shipped = decodeTensors(tensors, bin);
  const flat = new Float32Array(exported.data.length);
  let at = 0;
  for (const a of shipped) {
    flat.set(a, at);
    at += a.length;
  }
  await engine.importWeights({ ...exported, data: flat });
  const heldOut = await measure();

  const manifest: Omit<PretrainedManifest, 'bin'> = {
    format: PRETRAINED_FORMAT,
    version: PRETRAINED_FORMAT_VERSION,
    name,
    purpose: plan.purpose,
    kind: 'autoencoder',
    spec: exported.spec,
    tensors,
    quantisation: QUANTISATION,
    training: {
      seed: train.seed,
      steps: result.steps,
      epochs: r6(result.epochs),
      examples: await trainingExamples(engine, plan, excludeLabels),
      config: { ...train },
      finalLoss: roundTerms(result.finalLoss),
      heldOut,
      heldOutFloat32,
    },
  };
  const split = train.split ?? 'train';
  const data = mnist ? await allImages(engine, 'mnist', split === 'test' ? 'test' : 'train') : null;
  if (plan.storeCodeBox && data) {
    const codes = await engine.encode(id, data.images, plan.spec.kind === 'cvae' ? data.labels : undefined);
    const dims = info.latentSize;
    const [lo, hi] = CODE_BOX_PERCENTILES;
    manifest.codeBox = {
      min: Array.from({ length: dims }, (_, d) => r6(nearestRankPercentile(column(codes, dims, d), lo))),
      max: Array.from({ length: dims }, (_, d) => r6(nearestRankPercentile(column(codes, dims, d), hi))),
      percentiles: [lo, hi],
    };
  }
  if (mnist) {
    const test = await allImages(engine, 'mnist', 'test');
    const codes = await engine.encode(id, test.images, plan.spec.kind === 'cvae' ? test.labels : undefined);
    const dims = info.latentSize;
    const sums = Array.from({ length: 10 }, () => new Float64Array(dims));
    const counts = new Float64Array(10);
    test.labels.forEach((l, i) => {
      counts[l]++;
      for (let d = 0; d < dims; d++) sums[l][d] += codes[i * dims + d];
    });
    manifest.classMeans = sums.map((s, l) => Array.from(s, (v) => r6(v / Math.max(1, counts[l]))));
  }
  await engine.disposeModel(id);
  return finish(manifest, bin, await sha(bin));
}

async function trainingExamples(
  engine: Engine,
  plan: Extract<PretrainedAssetPlan, { kind: 'autoencoder' }>,
  excludeLabels: number[],
): Promise<number> {
  const info = await engine.loadDataset(plan.spec.dataset);
  const split = plan.train.split ?? 'train';
  const n = split === 'train' ? info.trainCount : split === 'test' ? info.testCount : info.trainCount + info.testCount;
  const batch = await engine.getImages(plan.spec.dataset, split, 0, Math.min(n, plan.train.limit ?? n));
  return batch.labels.filter((l) => !excludeLabels.includes(l)).length;
}

async function pretrainJudge(
  engine: Engine,
  name: PretrainedAssetName,
  plan: Extract<PretrainedAssetPlan, { kind: 'classifier' }>,
  options: PretrainOptions,
): Promise<PretrainedFiles> {
  const train = await allImages(engine, 'mnist', 'train');
  const test = await allImages(engine, 'mnist', 'test');
  const shape: ClassifierShape = {
    dataset: 'mnist',
    inputSize: MNIST_PIXELS,
    hidden: [...plan.hidden],
    classes: 10,
    activation: 'relu',
  };
  const model = buildClassifier(shape, plan.seed);
  try {
    const stepsPerEpoch = Math.ceil(train.labels.length / JUDGE_BATCH);
    const epochs = options.steps !== undefined ? Math.max(1, Math.ceil(options.steps / stepsPerEpoch)) : plan.epochs;
    const run = await trainClassifier(model, train.images, train.labels, {
      epochs,
      batchSize: JUDGE_BATCH,
      learningRate: JUDGE_LEARNING_RATE,
      seed: plan.seed,
      maxShift: JUDGE_SHIFT,
      decayFrom: JUDGE_DECAY_FROM,
      width: MNIST_SIDE,
      height: MNIST_SIDE,
    });
    const heldOutFloat32 = { testAccuracy: r6(await accuracy(model, test.images, test.labels)) };
    const arrays = await Promise.all(
      model.weights.map(async (w) => new Float32Array(await w.variable.data<'float32'>())),
    );
    const { bin, tensors } = encodeTensors(
      model.weights.map((w, i) => ({ name: w.name, shape: [...w.variable.shape], data: arrays[i] })),
    );
    const shipped = decodeTensors(tensors, bin);
    tf.tidy(() =>
      model.weights.forEach((w, i) => w.variable.assign(tf.tensor(shipped[i], w.variable.shape, 'float32'))),
    );
    const heldOut = {
      testAccuracy: r6(await accuracy(model, test.images, test.labels)),
      trainAccuracy: r6(await accuracy(model, train.images, train.labels)),
    };
    const manifest: Omit<PretrainedManifest, 'bin'> = {
      format: PRETRAINED_FORMAT,
      version: PRETRAINED_FORMAT_VERSION,
      name,
      purpose: plan.purpose,
      kind: 'classifier',
      classifier: shape,
      tensors,
      quantisation: QUANTISATION,
      training: {
        seed: plan.seed,
        steps: run.steps,
        epochs,
        examples: train.labels.length,
        config: {
          epochs,
          batchSize: JUDGE_BATCH,
          optimizer: 'adam',
          learningRate: JUDGE_LEARNING_RATE,
          loss: 'softmaxCrossEntropy',
          maxShift: JUDGE_SHIFT,
          decayFrom: JUDGE_DECAY_FROM,
          split: 'train',
        },
        finalLoss: { crossEntropy: r6(run.finalLoss) },
        heldOut,
        heldOutFloat32,
      },
    };
    return finish(manifest, bin, await sha(bin));
  } finally {
    model.dispose();
  }
}

/** One asset from its plan, on whatever backend `engine` runs. */
export function pretrainAsset(
  engine: Engine,
  name: PretrainedAssetName,
  plan: PretrainedAssetPlan,
  options: PretrainOptions = {},
): Promise<PretrainedFiles> {
  return plan.kind === 'classifier'
    ? pretrainJudge(engine, name, plan, options)
    : pretrainAutoencoder(engine, name, plan, options);
}
