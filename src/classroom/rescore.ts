/**
 * Re-scores a submission from its solution payload alone, with the real engine (src/ml-worker) on the tfjs
 * WASM backend in Node and the level's own measurements and scorer (src/shared): latent points, draws, paths
 * and expressions go through the shipped pretrained decoders and judge; hyperparameters are trained again
 * with the level's plan and the competition's seed. One job at a time per lane (training, decoding), each lane
 * bounded: training is CPU-bound and a classroom laptop has few cores, so excess work is refused
 * (503 + Retry-After) rather than piled up.
 *
 * The measurement steps mirror the game's harness (src/game/level/measure.ts and the solver bots); they belong
 * in one shared module once the Level scene settles (see the classroom README section).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Engine } from '../ml-worker/engine';
import { MemoryWeightsStore } from '../ml-worker/weights-store';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphBitmap } from '../shared/glyphs';
import {
  combineCodes,
  corruptionMask,
  drawLatent,
  fromDataBox,
  heldOutLetters,
  randomGlyphPatterns,
  type ArithmeticSetup,
  type CardImage,
  type Evaluation,
  type LevelDefinition,
  type LevelScore,
  type MapSetup,
  type MeasurementId,
  type SolutionPayload,
  type TrainedSetup,
} from '../shared/levels';
import { corrupt } from '../shared/noise';
import { maskedMse, matchPercent, mse, wrongPixels, wrongPixelsPerImage } from '../shared/scoring';
import type { BackendName, PretrainedModelInfo, TrainConfig } from '../shared/worker-api';

const MNIST = { width: 28, height: 28 } as const;
const MNIST_PIXELS = 784;
const GLYPH_PIXELS = GLYPH_WIDTH * GLYPH_HEIGHT;
const GLYPH_SSIM = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, window: 5 } as const;

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy re-scoring other submissions; try again in ${retryAfterSeconds} s.`);
  }
}

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

type Lane = 'train' | 'decode';

/** Results kept for identical (level, solution, seed): the engine is deterministic on one backend. */
const MEMO_SIZE = 2000;

export class Rescorer {
  // Two serial lanes: a 10 s training job must not hold up 5 ms decodes queued behind it.
  private readonly tails: Record<Lane, Promise<unknown>> = { train: Promise.resolve(), decode: Promise.resolve() };
  private readonly queued: Record<Lane, number> = { train: 0, decode: 0 };
  private readonly memo = new Map<string, Promise<Rescored>>();
  private jobs = 0;
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
    if (init.backend !== wanted) throw new Error(`The ${wanted} backend did not start for re-scoring: ${init.reason ?? 'unknown reason'}`);
    return new Rescorer(engine, options.maxQueue ?? 32, init.backend);
  }

  /** Scores each map and arithmetic level's example once, so the first student does not wait for loading. */
  async warmUp(levels: readonly LevelDefinition[]): Promise<number> {
    const started = performance.now();
    for (const level of levels) if (level.setup.kind !== 'trained') await this.score(level, level.example, 0);
    return performance.now() - started;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queued.train + this.queued.decode;
  }

  /**
   * Measures and scores a validated payload (`seed` only matters to trained levels). The same level, payload
   * and seed share one job and its result: in a class that all trains the same settings, one run scores all.
   */
  score(level: LevelDefinition, payload: SolutionPayload, seed: number): Promise<Rescored> {
    const lane: Lane = level.setup.kind === 'trained' ? 'train' : 'decode';
    const key = JSON.stringify([level.id, lane === 'train' ? seed : 0, payload]);
    const known = this.memo.get(key);
    if (known) return known;
    if (this.queued[lane] >= this.maxQueue) throw new QueueFullError(Math.max(1, Math.ceil(this.queued[lane] / 2)));
    this.queued[lane]++;
    const run = async (): Promise<Rescored> => {
      const started = performance.now();
      try {
        const evaluation = level.setup.kind === 'trained' ? await this.measureTrained(level, level.setup, payload, seed) : await this.measurePretrained(level, payload);
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

  // ---- trained levels: plan, train, measure on the held-out recipe ----

  private async measureTrained(level: LevelDefinition, setup: TrainedSetup, payload: SolutionPayload, seed: number): Promise<Evaluation> {
    if (payload.kind !== 'hyperparameters') throw new Error(`${level.id} takes hyperparameters.`);
    const plan = setup.plan(payload.values, seed);
    const config: TrainConfig = {
      ...plan.config,
      jobId: `classroom-${++this.jobs}`,
      progressIntervalMs: 60_000,
      previewCount: 0,
      ...(plan.noisyCopies !== undefined ? { noisyCopies: plan.noisyCopies } : {}),
    };
    const model = await this.engine.createModel(plan.spec);
    try {
      await this.engine.train(model.modelId, config);
      return await this.measureModel(level, setup, model.modelId, plan.spec.bottleneck);
    } finally {
      await this.engine.disposeModel(model.modelId);
    }
  }

  private async measureModel(level: LevelDefinition, setup: TrainedSetup, modelId: string, bottleneck: number): Promise<Evaluation> {
    const needs = new Set<MeasurementId>(level.measures);
    const out: Record<string, unknown> = {};
    const recipe = setup.heldOut;
    if (recipe.source === 'letters') {
      const set = heldOutLetters(recipe);
      const outputs = await this.engine.reconstruct(modelId, set.inputs);
      const wrong = wrongPixelsPerImage(set.targets, outputs, GLYPH_PIXELS);
      if (needs.has('glyphWrongPixels')) out.glyphWrongPixels = wrong;
      if (needs.has('noisyGlyphWrongPixels')) out.noisyGlyphWrongPixels = wrong;
      if (needs.has('heldOutMse')) out.heldOutMse = mse(outputs, set.targets);
      if (needs.has('randomPatternWrongPixels') && recipe.randomPatterns) {
        const r = recipe.randomPatterns;
        const patterns = randomGlyphPatterns(r.count, r.inkFraction, r.seed);
        out.randomPatternWrongPixels = wrongPixelsPerImage(patterns, await this.engine.reconstruct(modelId, patterns), GLYPH_PIXELS);
      }
    } else {
      await this.engine.loadDataset('mnist');
      const clean = (await this.engine.getImages('mnist', 'test', 0, recipe.limit)).images;
      const count = clean.length / MNIST_PIXELS;
      if (needs.has('heldOutMse')) out.heldOutMse = mse(await this.engine.reconstruct(modelId, clean), clean);
      if (needs.has('noiseKindMse') || needs.has('holeMse')) {
        const perKind: number[] = [];
        for (let i = 0; i < recipe.noises.length; i++) {
          const noise = recipe.noises[i];
          const outputs = await this.engine.reconstruct(modelId, corrupt(clean, MNIST, noise, recipe.noiseSeed + i));
          perKind.push(mse(outputs, clean));
          if (needs.has('holeMse') && (noise.type === 'block' || noise.type === 'masking')) out.holeMse = maskedMse(outputs, clean, corruptionMask(count, MNIST, noise, recipe.noiseSeed + i));
        }
        if (needs.has('noiseKindMse')) out.noiseKindMse = perKind;
      }
      if (needs.has('pcaMse')) out.pcaMse = (await this.engine.pca('mnist', bottleneck)).testMse;
      if (needs.has('heldOutKl')) {
        const terms = await this.engine.evaluate(modelId, 'test', 'bce', recipe.limit);
        if (terms.loss.kl !== undefined) out.heldOutKl = terms.loss.kl;
      }
    }
    return out as Evaluation;
  }

  // ---- map and arithmetic levels: decode with the shipped pretrained model ----

  private async measurePretrained(level: LevelDefinition, payload: SolutionPayload): Promise<Evaluation> {
    const setup = level.setup;
    if (setup.kind === 'trained') throw new Error('unreachable');
    if (level.dataset === 'mnist') await this.engine.loadDataset('mnist');
    const model = await this.engine.loadPretrained(setup.asset);
    const decode = (codes: Float32Array): Promise<Float32Array> => this.engine.decode(model.modelId, codes);
    const match = (target: Float32Array, image: Float32Array): number => (level.dataset === 'mnist' ? matchPercent(target, image) : matchPercent(target, image, GLYPH_SSIM));
    const needs = new Set(level.measures);
    const out: Record<string, unknown> = {};
    const flat = (points: readonly (readonly number[])[]): Float32Array => Float32Array.from(points.flat());
    if (setup.kind === 'map') {
      let codes: Float32Array;
      if (payload.kind === 'latentPoints') codes = flat(payload.points.map((p) => this.toLatent(level, model, p)));
      else if (payload.kind === 'draws') codes = flat(payload.draws.map((d) => drawLatent(d)));
      else if (payload.kind === 'path') codes = flat(payload.points);
      else throw new Error(`${level.id} does not take "${payload.kind}".`);
      const images = await decode(codes);
      if (needs.has('judgeProbabilities')) out.judgeProbabilities = await this.judge(images);
      if (needs.has('matchPercent')) {
        const targets = (setup as MapSetup).targets;
        if (targets && payload.kind === 'latentPoints' && payload.target !== undefined) {
          const target = await decode(Float32Array.from(targets[payload.target]));
          const size = target.length;
          out.matchPercent = Array.from({ length: images.length / size }, (_, i) => match(target, images.subarray(i * size, (i + 1) * size)));
        }
      }
      return out as Evaluation;
    }
    if (payload.kind !== 'expression') throw new Error(`${level.id} takes an expression.`);
    const codeOf = await this.cardCodesOf(level, setup, model);
    const combine = (terms: readonly { card: string; weight: number }[]): Float32Array => combineCodes(terms, (id) => codeOf.get(id)!);
    const result = combine(payload.terms);
    const t = setup.target;
    if (t.kind === 'decode') {
      out.matchPercent = [match(await decode(combine(t.terms)), await decode(result))];
    } else if (t.kind === 'applyVector') {
      const reference = combine(t.reference);
      const matches: number[] = [];
      for (const base of t.bases) {
        const mu = codeOf.get(base)!;
        const decoded = await decode(mu.map((m, i) => m + result[i]));
        const target = await decode(mu.map((m, i) => m + reference[i]));
        matches.push(match(target, decoded));
      }
      out.matchPercent = matches;
    } else {
      out.forgedWrongPixels = wrongPixels(glyphBitmap(t.char), await decode(result));
    }
    return out as Evaluation;
  }

  private toLatent(level: LevelDefinition, model: PretrainedModelInfo, point: readonly number[]): number[] {
    const spec = level.solution;
    if (spec.kind === 'latentPoints' && spec.space === 'dataBox') {
      if (!model.codeBox) throw new Error(`${level.id}: the asset has no code box.`);
      return fromDataBox(point, model.codeBox);
    }
    return [...point];
  }

  private async judge(images: Float32Array): Promise<number[][]> {
    const rows: number[][] = [];
    for (let start = 0; start < images.length; start += 5000 * MNIST_PIXELS) {
      const { probabilities, count, classes } = await this.engine.classify(images.subarray(start, start + 5000 * MNIST_PIXELS));
      for (let i = 0; i < count; i++) rows.push(Array.from(probabilities.subarray(i * classes, (i + 1) * classes)));
    }
    return rows;
  }

  private async cardImage(image: CardImage): Promise<Float32Array> {
    if (image.kind === 'glyph') return glyphBitmap(image.char);
    return (await this.engine.getImages('mnist', 'test', image.index, 1)).images;
  }

  /** μ of every deck and hidden card, memoised per level (the pretrained weights never change). */
  private async cardCodesOf(level: LevelDefinition, setup: ArithmeticSetup, model: PretrainedModelInfo): Promise<Map<string, Float32Array>> {
    const codes = new Map<string, Float32Array>();
    for (const card of [...setup.deck, ...setup.hidden]) {
      const key = `${level.id}\u0000${card.id}`;
      let code = this.cardCodes.get(key);
      if (!code) {
        code = await this.engine.encode(model.modelId, await this.cardImage(card.image));
        this.cardCodes.set(key, code);
      }
      codes.set(card.id, code);
    }
    return codes;
  }
}
