/**
 * Map and arithmetic levels: the numbers `level.measures` asks for, taken with the level's shipped pretrained
 * model. Payload points, draws, paths and expressions are decoded, decodes are judged by the engine's
 * classifier or compared with the shared pure metrics. The game (probe by probe, live), the solver bots and
 * the classroom server all measure through this class, so they agree on every number.
 * Everything is read from the LevelDefinition given (a classroom variant may differ from the catalogue's).
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphBitmap } from '../../glyphs';
import { MNIST_PIXELS, MNIST_SIDE } from '../../mnist-format';
import { matchPercent, styleMatchPercent, styleOf, wrongPixels, type Style } from '../../scoring';
import type { MlWorkerApi, PretrainedModelInfo } from '../../worker-api';
import { combineCodes, drawLatent, fromDataBox } from '../harness';
import type { Evaluation } from '../measurements';
import { mapDots, nearestCodeDistances } from './map-dots';
import type {
  ArithmeticSetup,
  CardImage,
  ImageCard,
  LevelDefinition,
  LevelScore,
  LinearTerm,
  MapSetup,
  SolutionPayload,
} from '../types';

/**
 * What measuring with a pretrained model needs of the engine. Arrays passed to encode and decode may be
 * detached (the game's bridge transfers them), so each gets a fresh array.
 */
export type PretrainedEngine = Pick<
  MlWorkerApi,
  'loadPretrained' | 'loadDataset' | 'getImages' | 'encode' | 'decode' | 'classify'
>;

export interface ExpressionMeasurement {
  evaluation: Evaluation;
  /** The decodes of the expression: one per base for an applyVector target, else one. */
  decodes: Float32Array[];
}

export interface PretrainedOptions {
  /**
   * Card codes μ (and a map's dots) kept across loads, keyed by asset and card image (the shipped weights
   * never change): a server re-scoring many submissions encodes each card and each map once.
   */
  codeCache?: Map<string, Float32Array>;
}

// The engine classifies at most 10,000 images per call.
const JUDGE_BATCH = 5000;
const GLYPH_SSIM = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, window: 5 } as const;

/** The judge's 10 class probabilities of each 28x28 image, one row per image. */
export async function judgeImages(engine: Pick<MlWorkerApi, 'classify'>, images: Float32Array): Promise<number[][]> {
  const rows: number[][] = [];
  for (let start = 0; start < images.length; start += JUDGE_BATCH * MNIST_PIXELS) {
    const { probabilities, count, classes } = await engine.classify(
      images.subarray(start, start + JUDGE_BATCH * MNIST_PIXELS),
    );
    for (let i = 0; i < count; i++) rows.push(Array.from(probabilities.subarray(i * classes, (i + 1) * classes)));
  }
  return rows;
}

function add(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
}

function imageKey(image: CardImage): string {
  return image.kind === 'glyph' ? `glyph:${image.char}` : `mnistTest:${image.index}`;
}

/** A map or arithmetic level with its pretrained model loaded, and its card codes as they are needed. */
export class PretrainedLevel {
  private readonly codes: Map<string, Float32Array>;
  /** The player's own cards' codes (#14, "try with your own"): never in a payload the scorer accepts. */
  private readonly ownCodes = new Map<string, Float32Array>();
  private targets: Promise<Float32Array[]> | null = null;

  private constructor(
    readonly engine: PretrainedEngine,
    readonly level: LevelDefinition,
    readonly setup: MapSetup | ArithmeticSetup,
    readonly model: PretrainedModelInfo,
    options: PretrainedOptions,
  ) {
    this.codes = options.codeCache ?? new Map();
  }

  static async load(
    engine: PretrainedEngine,
    level: LevelDefinition,
    options: PretrainedOptions = {},
  ): Promise<PretrainedLevel> {
    const setup = level.setup;
    if (setup.kind === 'trained') throw new Error(`Level "${level.id}" is trained, not pretrained.`);
    const digitCards =
      setup.kind === 'arithmetic' && [...setup.deck, ...setup.hidden].some((c) => c.image.kind === 'mnistTest');
    if (level.dataset === 'mnist' || digitCards) await engine.loadDataset('mnist');
    return new PretrainedLevel(engine, level, setup, await engine.loadPretrained(setup.asset), options);
  }

  /** The model's code size. */
  get latent(): number {
    return this.model.latentSize;
  }

  /** Decodes codes (flat, `latent` numbers each); `codes` may be detached. `labels`: a conditional model's classes. */
  decode(codes: Float32Array, labels?: Uint8Array): Promise<Float32Array> {
    return labels
      ? this.engine.decode(this.model.modelId, codes, labels)
      : this.engine.decode(this.model.modelId, codes);
  }

  /** Digits on demand: the style card (an MNIST test digit) and its measured style. */
  async styleCard(): Promise<{ image: Float32Array; style: Style }> {
    const index = this.setup.kind === 'map' ? this.setup.styleCard : undefined;
    if (index === undefined) throw new Error(`${this.level.id}: no style card.`);
    const image = (await this.engine.getImages('mnist', 'test', index, 1)).images;
    return { image, style: styleOf(image, MNIST_SIDE, MNIST_SIDE) };
  }

  /** How well one decode matches the card's style, 0..100 (scoring.styleMatchPercent). */
  styleMatch(card: Style, image: Float32Array): number {
    return styleMatchPercent(styleOf(image, MNIST_SIDE, MNIST_SIDE), card);
  }

  /** The judge's probabilities, one row of 10 per image. */
  judge(images: Float32Array): Promise<number[][]> {
    return judgeImages(this.engine, images);
  }

  /** The match % of a decode against a target decode, with the SSIM settings of the level's image size. */
  match(target: Float32Array, decode: Float32Array): number {
    return this.level.dataset === 'mnist' ? matchPercent(target, decode) : matchPercent(target, decode, GLYPH_SSIM);
  }

  /** The latent coordinates of a payload point ('dataBox' points go through the asset's code box). */
  toLatent(point: readonly number[]): number[] {
    const spec = this.level.solution;
    if (spec.kind === 'latentPoints' && spec.space === 'dataBox') {
      if (!this.model.codeBox) throw new Error(`${this.level.id}: the asset has no code box.`);
      return fromDataBox(point, this.model.codeBox);
    }
    return [...point];
  }

  /** The map's dots (held-out codes) in box coordinates, as the view draws them (map-dots.ts). */
  async dots(): Promise<Float32Array> {
    const key = `${this.model.asset}\u0000mapDots`;
    let dots = this.codes.get(key);
    if (!dots) {
      dots = await mapDots(this.engine, this.model);
      this.codes.set(key, dots);
    }
    return dots;
  }

  /** A map level's target `index`, decoded (what Navigator's probes are matched against). */
  targetImage(index: number): Promise<Float32Array> {
    const targets = this.setup.kind === 'map' ? this.setup.targets : undefined;
    const code = targets?.[index];
    if (!code) throw new Error(`${this.level.id}: no target ${index}.`);
    return this.decode(Float32Array.from(code));
  }

  private arithmetic(): ArithmeticSetup {
    if (this.setup.kind !== 'arithmetic') throw new Error(`${this.level.id} is not an arithmetic level.`);
    return this.setup;
  }

  /** A card's image: its glyph, or its MNIST test digit. */
  async cardImage(card: ImageCard): Promise<Float32Array> {
    if (card.image.kind === 'glyph') return glyphBitmap(card.image.char);
    return (await this.engine.getImages('mnist', 'test', card.image.index, 1)).images;
  }

  /** μ of a deck or hidden card. */
  async codeOf(cardId: string): Promise<Float32Array> {
    const setup = this.arithmetic();
    const card = [...setup.deck, ...setup.hidden].find((c) => c.id === cardId);
    if (!card) throw new Error(`${this.level.id}: no card "${cardId}".`);
    const key = `${setup.asset}\u0000${imageKey(card.image)}`;
    let code = this.codes.get(key);
    if (!code) {
      code = await this.engine.encode(this.model.modelId, (await this.cardImage(card)).slice());
      this.codes.set(key, code);
    }
    return code;
  }

  /** Encodes every deck and hidden card, so `combine` can run synchronously. */
  async preloadCards(): Promise<void> {
    const setup = this.arithmetic();
    for (const card of [...setup.deck, ...setup.hidden]) await this.codeOf(card.id);
  }

  /** Encodes one of the player's own images as card `id` (usable in measureExpression, never scored). */
  async addOwnCard(id: string, image: Float32Array): Promise<void> {
    this.ownCodes.set(id, await this.engine.encode(this.model.modelId, image.slice()));
  }

  /** Σ w·μ(card) (the cards must be loaded: preloadCards). */
  combine(terms: readonly LinearTerm[]): Float32Array {
    const setup = this.arithmetic();
    return combineCodes(terms, (id) => {
      const own = this.ownCodes.get(id);
      if (own) return own;
      const card = [...setup.deck, ...setup.hidden].find((c) => c.id === id);
      const code = card && this.codes.get(`${setup.asset}\u0000${imageKey(card.image)}`);
      if (!code) throw new Error(`Card "${id}" is not loaded.`);
      return code;
    });
  }

  /**
   * What an arithmetic level's expression is compared with: the decode of the target expression, the decode
   * of each base + the reference vector, or the glyph to forge. Decoded once.
   */
  expressionTargets(): Promise<Float32Array[]> {
    this.targets ??= (async () => {
      await this.preloadCards();
      const t = this.arithmetic().target;
      if (t.kind === 'decode') return [await this.decode(this.combine(t.terms))];
      if (t.kind === 'glyph') return [glyphBitmap(t.char)];
      const reference = this.combine(t.reference);
      const targets: Float32Array[] = [];
      for (const base of t.bases) targets.push(await this.decode(add(await this.codeOf(base), reference)));
      return targets;
    })();
    this.targets.catch(() => (this.targets = null));
    return this.targets;
  }

  /** Decodes an expression and takes what the level's scorer needs (matchPercent or forgedWrongPixels). */
  async measureExpression(terms: readonly LinearTerm[]): Promise<ExpressionMeasurement> {
    const targets = await this.expressionTargets();
    const t = this.arithmetic().target;
    const result = this.combine(terms);
    if (t.kind === 'applyVector') {
      const decodes: Float32Array[] = [];
      for (const base of t.bases) decodes.push(await this.decode(add(await this.codeOf(base), result)));
      return { evaluation: { matchPercent: decodes.map((d, i) => this.match(targets[i], d)) }, decodes };
    }
    const decoded = await this.decode(result);
    if (t.kind === 'glyph')
      return { evaluation: { forgedWrongPixels: wrongPixels(targets[0], decoded) }, decodes: [decoded] };
    return { evaluation: { matchPercent: [this.match(targets[0], decoded)] }, decodes: [decoded] };
  }

  /** Takes the level's measurements for a payload. */
  async measure(payload: SolutionPayload): Promise<Evaluation> {
    if (this.setup.kind === 'arithmetic') {
      if (payload.kind !== 'expression') throw new Error(`${this.level.id}: an arithmetic level takes an expression.`);
      return (await this.measureExpression(payload.terms)).evaluation;
    }
    const flat = (points: readonly (readonly number[])[]): Float32Array => Float32Array.from(points.flat());
    let codes: Float32Array;
    if (payload.kind === 'latentPoints') codes = flat(payload.points.map((p) => this.toLatent(p)));
    else if (payload.kind === 'draws') codes = flat(payload.draws.map((d) => drawLatent(d)));
    else if (payload.kind === 'path') codes = flat(payload.points);
    else throw new Error(`${this.level.id}: a map level does not take "${payload.kind}".`);
    const needs = new Set(this.level.measures);
    const evaluation: Evaluation = {};
    if (needs.has('nearestCodeDistances')) {
      if (payload.kind !== 'latentPoints') throw new Error(`${this.level.id}: nearestCodeDistances needs points.`);
      evaluation.nearestCodeDistances = nearestCodeDistances(payload.points, await this.dots());
      // Holes is scored by the empty space alone: nothing to decode.
      if (needs.size === 1) return evaluation;
    }
    // A conditional level writes payload point d as the digit d.
    const labels =
      this.level.mode === 'conditional'
        ? Uint8Array.from({ length: codes.length / this.latent }, (_, d) => d)
        : undefined;
    const images = await this.decode(codes, labels);
    if (needs.has('judgeProbabilities')) evaluation.judgeProbabilities = await this.judge(images);
    if (needs.has('styleMatch')) {
      const card = (await this.styleCard()).style;
      evaluation.styleMatch = Array.from({ length: images.length / MNIST_PIXELS }, (_, i) =>
        this.styleMatch(card, images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)),
      );
    }
    if (needs.has('matchPercent')) {
      if (payload.kind !== 'latentPoints' || payload.target === undefined)
        throw new Error(`${this.level.id}: matchPercent needs a target.`);
      const target = await this.targetImage(payload.target);
      const size = target.length;
      evaluation.matchPercent = Array.from({ length: images.length / size }, (_, i) =>
        this.match(target, images.subarray(i * size, (i + 1) * size)),
      );
    }
    return evaluation;
  }

  /** Measures a payload and scores it with `level.score`. */
  async play(payload: SolutionPayload): Promise<{ evaluation: Evaluation; result: LevelScore }> {
    const evaluation = await this.measure(payload);
    return { evaluation, result: this.level.score(payload, evaluation) };
  }
}
