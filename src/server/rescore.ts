/**
 * Re-scores a submission from its solution payload alone, with the real engine (src/ml-worker) on the tfjs
 * WASM backend in Node and the level's own measurements and scorer (src/shared): latent points, draws, paths
 * and expressions go through the shipped pretrained decoders and judge; hyperparameters are trained again
 * with the level's plan and the seed the student plays with. Every job scores `levelVariant(level, seed)`, the
 * level exactly as that seed plays it (a per-student variant in "variant" competitions).
 *
 * A Rescorer runs in whatever thread creates it: the server hosts them in worker threads (rescore-pool.ts) so
 * a 20 s training never holds up the HTTP event loop; tests and tools may use one directly. One job at a time
 * per lane (training, decoding), each lane bounded: training is CPU-bound and a classroom laptop has few cores,
 * so excess work is refused (503 + Retry-After) rather than piled up.
 *
 * The measurements are the shared harness's (src/shared/levels/measure), the same code the game and the solver
 * bots measure with.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Engine } from '../ml-worker/engine';
import { MemoryWeightsStore } from '../ml-worker/weights-store';
import {
  getLevel,
  levelVariant,
  type Evaluation,
  type LevelDefinition,
  type LevelScore,
  type SolutionPayload,
  type TrainedSetup,
} from '../shared/levels';
import { PretrainedLevel, trainAndMeasure } from '../shared/levels/measure';
import type { BackendName } from '../shared/worker-api';
import { evaluateUploadedModel } from './evaluate-model';

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy re-scoring other submissions; try again in ${retryAfterSeconds} s.`);
  }
}

/** What every re-scoring service offers the server: in-process (Rescorer) or on worker threads (RescorePool). */
export interface RescoreService {
  readonly backend: BackendName;
  /** Jobs waiting or running. */
  readonly pending: number;
  /**
   * Measures and scores a validated payload on `levelVariant(getLevel(levelId), seed)`. Rejects with
   * QueueFullError when the job's lane is full, RescoreFailedError when the job could not be computed.
   */
  score(levelId: string, payload: SolutionPayload, seed: number, options?: ScoreOptions): Promise<Rescored>;
  /**
   * Scores a trained level's uploaded model (evaluate-model.ts) on the decoding lane: milliseconds. Rejects with
   * ModelMismatchError when the weights do not fit the architecture the settings imply.
   */
  evaluate(
    levelId: string,
    payload: SolutionPayload,
    seed: number,
    weights: Float32Array,
    /** Whose upload (a player id): evaluations take turns by owner. */
    owner?: string,
  ): Promise<Rescored>;
  /** How many re-trainings can run at once (the verification queue runs that many). */
  readonly trainLanes: number;
  /**
   * Evaluation threads that may also re-train while no evaluation waits or no competition takes uploads: the
   * first evaluation thread is never lent, so an upload always finds one free. 0 where there is no spare.
   */
  readonly spareLanes: number;
  /** Evaluations and decodes waiting for (or running on) the evaluation threads that are not lent out. */
  readonly evaluationsWaiting: number;
  /** Loads what the decoding lane needs before the first student waits for it; returns milliseconds. */
  warmUp(levelIds: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** A job that could not be computed; `retryable` (a crashed or stuck thread) is answered 503, anything else 500. */
export class RescoreFailedError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export const laneOf = (level: LevelDefinition): Lane => (level.setup.kind === 'trained' ? 'train' : 'decode');

/** Memo and de-duplication key: the variant is a pure function of (level, seed), so these three name the job. */
export const jobKey = (levelId: string, payload: SolutionPayload, seed: number): string =>
  JSON.stringify([levelId, seed, payload]);

export interface RescorerOptions {
  assetsDir: string;
  backend?: BackendName;
  /** Jobs waiting or running before new ones are refused. */
  maxQueue?: number;
}

export interface Rescored {
  result: LevelScore;
  evaluation: Evaluation;
  ms: number;
}

export type Lane = 'train' | 'decode';

export interface ScoreOptions {
  /** Run a training job on a spare evaluation thread (RescoreService.spareLanes) instead of a training one. */
  spare?: boolean;
}

/** Results kept for identical (level, solution, seed): the engine is deterministic on one backend. */
export const MEMO_SIZE = 2000;

export class Rescorer implements RescoreService {
  // Two serial lanes: a 10 s training job must not hold up 5 ms decodes queued behind it.
  private readonly tails: Record<Lane, Promise<unknown>> = { train: Promise.resolve(), decode: Promise.resolve() };
  private readonly queued: Record<Lane, number> = { train: 0, decode: 0 };
  private readonly memo = new Map<string, Promise<Rescored>>();
  private jobs = 0;
  readonly trainLanes = 1;
  readonly spareLanes = 0;
  get evaluationsWaiting(): number {
    return this.queued.decode;
  }
  // Card codes by model and image (not by card id): variants share what they have in common.
  private readonly cardCodes = new Map<string, Float32Array>();

  private constructor(
    private readonly engine: Engine,
    private readonly maxQueue: number,
    readonly backend: BackendName,
  ) {}

  static async create(options: RescorerOptions): Promise<Rescorer> {
    // Quiet tfjs' "install tfjs-node" banner: tfjs-node cannot be installed offline and is not needed.
    tf.env().set('PROD', true);
    const fetchAsset = async (path: string): Promise<ArrayBuffer> => {
      const bytes = await readFile(join(options.assetsDir, path));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    };
    const engine = new Engine({ fetchAsset, weightsStore: new MemoryWeightsStore() });
    const wanted = options.backend ?? 'wasm';
    const init = await engine.init({ backend: wanted, assetBase: '' });
    if (init.backend !== wanted)
      throw new Error(`The ${wanted} backend did not start for re-scoring: ${init.reason ?? 'unknown reason'}`);
    return new Rescorer(engine, options.maxQueue ?? 32, init.backend);
  }

  /**
   * Scores each map and arithmetic level's example once and loads the trained levels' datasets, so the first
   * student does not wait for loading.
   */
  async warmUp(levelIds: readonly string[]): Promise<number> {
    const started = performance.now();
    for (const id of levelIds) {
      const level = getLevel(id);
      if (!level) continue;
      if (level.setup.kind !== 'trained') await this.score(id, level.example, 0);
      else if (level.dataset === 'mnist') await this.engine.loadDataset('mnist');
    }
    return performance.now() - started;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queued.train + this.queued.decode;
  }

  async close(): Promise<void> {
    // The engine's tensors go with the thread or process that owns them; nothing to flush.
  }

  /**
   * Measures and scores a validated payload on the level as `seed` plays it. The same level, payload and seed
   * share one job and its result: in a class that all trains the same settings, one run scores all.
   */
  score(levelId: string, payload: SolutionPayload, seed: number): Promise<Rescored> {
    const base = getLevel(levelId);
    if (!base) return Promise.reject(new RescoreFailedError(`There is no level "${levelId.slice(0, 64)}".`, false));
    const level = levelVariant(base, seed);
    const lane = laneOf(level);
    // The seed is in every lane's key: in variant competitions map and arithmetic targets differ per seed too.
    const key = jobKey(levelId, payload, seed);
    const known = this.memo.get(key);
    if (known) return known;
    if (this.queued[lane] >= this.maxQueue) throw new QueueFullError(Math.max(1, Math.ceil(this.queued[lane] / 2)));
    this.queued[lane]++;
    const run = async (): Promise<Rescored> => {
      const started = performance.now();
      try {
        const evaluation =
          level.setup.kind === 'trained'
            ? await this.measureTrained(level, level.setup, payload, seed)
            : await this.measurePretrained(level, payload);
        return { result: level.score(payload, evaluation), evaluation, ms: performance.now() - started };
      } finally {
        this.queued[lane]--;
      }
    };
    const job = this.tails[lane].then(run, run);
    this.tails[lane] = job.catch(() => undefined);
    this.memo.set(key, job);
    job.catch(() => this.memo.delete(key));
    if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    return job;
  }

  evaluate(levelId: string, payload: SolutionPayload, seed: number, weights: Float32Array): Promise<Rescored> {
    const base = getLevel(levelId);
    if (!base) return Promise.reject(new RescoreFailedError(`There is no level "${levelId.slice(0, 64)}".`, false));
    const level = levelVariant(base, seed);
    if (this.queued.decode >= this.maxQueue) throw new QueueFullError(Math.max(1, Math.ceil(this.queued.decode / 2)));
    this.queued.decode++;
    const run = async (): Promise<Rescored> => {
      const started = performance.now();
      try {
        const scored = await evaluateUploadedModel(this.engine, level, payload, seed, weights);
        return { ...scored, ms: performance.now() - started };
      } finally {
        this.queued.decode--;
      }
    };
    const job = this.tails.decode.then(run, run);
    this.tails.decode = job.catch(() => undefined);
    return job;
  }

  // ---- trained levels: plan, train, measure on the held-out recipe ----

  private async measureTrained(
    level: LevelDefinition,
    _setup: TrainedSetup,
    payload: SolutionPayload,
    seed: number,
  ): Promise<Evaluation> {
    if (payload.kind !== 'hyperparameters') throw new Error(`${level.id} takes hyperparameters.`);
    const run = await trainAndMeasure(this.engine, level, payload.values, seed, {
      jobId: `classroom-${++this.jobs}`,
      progressIntervalMs: 60_000,
    });
    return run.evaluation;
  }

  // ---- map and arithmetic levels: decode with the shipped pretrained model ----

  private async measurePretrained(level: LevelDefinition, payload: SolutionPayload): Promise<Evaluation> {
    // The engine keeps pretrained models loaded and the card codes are cached: loading per job is cheap.
    const pretrained = await PretrainedLevel.load(this.engine, level, { codeCache: this.cardCodes });
    return pretrained.measure(payload);
  }
}
