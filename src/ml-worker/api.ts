/**
 * The worker's exposed object: the Engine behind the MlWorkerApi contract. Big arrays in results (and in
 * progress events) are handed to `transfer` with their buffers, so the entry can pass Comlink.transfer and
 * they move instead of being copied; Node tests pass nothing and get the arrays as they are.
 */
import type { MlWorkerApi, MlWorkerTestApi, ProgressCallback, TrainProgress } from '../shared/worker-api';
import type { Engine } from './engine';
import type { TestEngine } from './test-engine';

export type Transfer = <T>(value: T, transferables: Transferable[]) => T;

const keep: Transfer = (value) => value;

/** Buffers of typed arrays, once each (two views on one buffer must not list it twice). */
function buffers(...arrays: (ArrayBufferView | undefined)[]): Transferable[] {
  const set = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  return [...set];
}

export function createApi(engine: Engine, transfer: Transfer = keep): MlWorkerApi {
  const moved = <T extends object>(value: T, ...arrays: (ArrayBufferView | undefined)[]): T =>
    transfer(value, buffers(...arrays));
  const progressVia =
    (onProgress: ProgressCallback): ProgressCallback =>
    (p: TrainProgress) =>
      onProgress(p.preview ? moved(p, p.preview.inputs, p.preview.corrupted, p.preview.outputs) : p);

  const api = {
    init: (options) => engine.init(options),
    loadDataset: (name) => engine.loadDataset(name),
    getImages: async (name, split, offset, count) => {
      const batch = await engine.getImages(name, split, offset, count);
      return moved(batch, batch.images, batch.labels);
    },
    createModel: (spec, options) => engine.createModel(spec, options),
    disposeModel: (modelId) => engine.disposeModel(modelId),
    train: (modelId, config, onProgress) =>
      engine.train(modelId, config, onProgress ? progressVia(onProgress) : undefined),
    warmKernels: (spec, config) => engine.warmKernels(spec, config),
    pause: (jobId) => engine.pause(jobId),
    resume: (jobId) => engine.resume(jobId),
    cancel: (jobId) => engine.cancel(jobId),
    reconstruct: async (modelId, images, labels) => {
      const out = await engine.reconstruct(modelId, images, labels);
      return moved(out, out);
    },
    encode: async (modelId, images, labels) => {
      const out = await engine.encode(modelId, images, labels);
      return moved(out, out);
    },
    encodeDistribution: async (modelId, images, labels) => {
      const out = await engine.encodeDistribution(modelId, images, labels);
      return moved(out, out.mu, out.logVar);
    },
    decode: async (modelId, codes, labels) => {
      const out = await engine.decode(modelId, codes, labels);
      return moved(out, out);
    },
    encodeCodes: async (modelId, images) => {
      const out = await engine.encodeCodes(modelId, images);
      return moved(out, out);
    },
    decodeCodes: async (modelId, indices) => {
      const out = await engine.decodeCodes(modelId, indices);
      return moved(out, out);
    },
    latentGrid: async (modelId, bounds, n) => {
      const out = await engine.latentGrid(modelId, bounds, n);
      return moved(out, out);
    },
    sample: async (modelId, n, seed) => {
      const out = await engine.sample(modelId, n, seed);
      return moved(out, out.codes, out.images);
    },
    evaluate: (modelId, split, loss, limit) => engine.evaluate(modelId, split, loss, limit),
    pca: async (dataset, k) => {
      const r = await engine.pca(dataset, k);
      return moved(r, r.mean, r.components, r.eigenvalues, r.explainedVarianceRatio);
    },
    projectCodes: async (codes, count, dim) => {
      const r = await engine.projectCodes(codes, count, dim);
      return moved(r, r.mean, r.axes, r.points);
    },
    saveWeights: (modelId, key) => engine.saveWeights(modelId, key),
    loadWeights: (modelId, key) => engine.loadWeights(modelId, key),
    exportWeights: async (modelId) => {
      const w = await engine.exportWeights(modelId);
      return moved(w, w.data);
    },
    importWeights: (weights) => engine.importWeights(weights),
    memory: () => engine.memory(),
    loadPretrained: (name) => engine.loadPretrained(name),
    classify: async (images) => {
      const out = await engine.classify(images);
      return moved(out, out.probabilities);
    },
  } satisfies MlWorkerApi;
  return api;
}

/** The test build's extra calls (MlWorkerTestApi), exposed beside createApi's by the worker entry. */
export function createTestApi(engine: TestEngine): MlWorkerTestApi {
  return {
    benchFit: (spec, batchSize, steps, options) => engine.benchFit(spec, batchSize, steps, options),
    loseWebGlContext: () => engine.loseWebGlContext(),
  };
}
