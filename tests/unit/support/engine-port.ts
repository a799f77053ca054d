/**
 * Test support: the MlPort (what the level plays need of the ML worker) over a real Engine in Node, the way the
 * game's bridge presents it: reconstruct, encode and decode take their input arrays away (Comlink transfers them),
 * checkpoints go under `checkpoint:<modelId>`, one training job at a time (a new one supersedes the running one)
 * and an aborted signal supersedes its job.
 */
import { Emitter } from '../../../src/game/emitter';
import type { BridgeEvents, BridgeStatus, MlPort, TrainCall, TrainOptions } from '../../../src/game/ml/ml-port';
import type { Engine } from '../../../src/ml-worker/engine';
import { MlError } from '../../../src/shared/errors';
import type { ModelSpec, TrainProgress, TrainResult } from '../../../src/shared/worker-api';

/** A copy of `a`, and `a` itself detached (as a transfer to the worker leaves it). */
function detach(a: Float32Array): Float32Array {
  const copy = a.slice();
  structuredClone(a.buffer, { transfer: [a.buffer] });
  return copy;
}

export class EnginePort implements MlPort {
  readonly events = new Emitter<BridgeEvents>();
  status: BridgeStatus = 'ready';
  activeJobId: string | null = null;
  /** Every train call's job id and step count, in order. */
  readonly jobs: { jobId: string; steps: number | undefined }[] = [];
  private supersedeActive: (() => void) | null = null;
  private jobSeq = 0;
  private modelSeq = 0;

  constructor(readonly engine: Engine) {}

  loadDataset: MlPort['loadDataset'] = (name) => this.engine.loadDataset(name);
  getImages: MlPort['getImages'] = (...a) => this.engine.getImages(...a);
  reconstruct: MlPort['reconstruct'] = (id, images) => this.engine.reconstruct(id, detach(images));
  exportWeights: MlPort['exportWeights'] = (id) => this.engine.exportWeights(id);
  encode: MlPort['encode'] = (id, images, labels) => this.engine.encode(id, detach(images), labels);
  encodeDistribution: MlPort['encodeDistribution'] = (id, images) => this.engine.encodeDistribution(id, detach(images));
  decode: MlPort['decode'] = (id, codes, labels) => this.engine.decode(id, detach(codes), labels);
  evaluate: MlPort['evaluate'] = (...a) => this.engine.evaluate(...a);
  encodeCodes: MlPort['encodeCodes'] = (id, images) => this.engine.encodeCodes(id, detach(images));
  decodeCodes: MlPort['decodeCodes'] = (...a) => this.engine.decodeCodes(...a);
  pca: MlPort['pca'] = (...a) => this.engine.pca(...a);
  classify: MlPort['classify'] = (images) => this.engine.classify(images);
  loadPretrained: MlPort['loadPretrained'] = (name) => this.engine.loadPretrained(name);
  cancel = (jobId: string): Promise<boolean> => this.engine.cancel(jobId);

  warmKernels: MlPort['warmKernels'] = (spec, options) => this.engine.warmKernels(spec, options);

  createModel(spec: ModelSpec) {
    return this.engine.createModel(spec, { id: `port-${++this.modelSeq}` });
  }

  async disposeModel(modelId: string): Promise<void> {
    this.supersedeActive?.();
    await this.engine.disposeModel(modelId);
  }

  train(
    modelId: string,
    options: TrainOptions,
    onProgress: (p: TrainProgress) => void,
    { signal }: TrainCall = {},
  ): Promise<TrainResult> {
    this.supersedeActive?.();
    const jobId = `port-job-${++this.jobSeq}`;
    this.jobs.push({ jobId, steps: options.steps });
    return new Promise<TrainResult>((resolve, reject) => {
      let live = true;
      const supersede = (): void => {
        if (!live) return;
        live = false;
        void this.engine.cancel(jobId);
        reject(new MlError('JOB_SUPERSEDED', 'A newer training job replaced this one.'));
      };
      this.supersedeActive = supersede;
      this.activeJobId = jobId;
      signal?.addEventListener('abort', supersede, { once: true });
      const job = this.engine.train(modelId, { ...options, jobId, checkpointKey: `checkpoint:${modelId}` }, (p) => {
        if (live) onProgress(p);
      });
      job.then(
        (result) => {
          if (this.activeJobId === jobId) this.activeJobId = null;
          if (!live) return;
          live = false;
          resolve(result);
        },
        (error: unknown) => {
          if (this.activeJobId === jobId) this.activeJobId = null;
          if (!live) return;
          live = false;
          reject(error);
        },
      );
    });
  }
}
