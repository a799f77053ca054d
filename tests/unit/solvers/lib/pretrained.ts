/**
 * Measures map and arithmetic levels exactly as the game does: decode the payload's points, draws, path or
 * expression with the level's pretrained model (engine.loadPretrained), judge decodes with engine.classify,
 * compare with the shared pure metrics, and score with the level's own `score`.
 */
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphBitmap } from '../../../../src/shared/glyphs';
import { combineCodes, drawLatent, fromDataBox } from '../../../../src/shared/levels';
import type { ArithmeticSetup, CardImage, Evaluation, LevelDefinition, LevelScore, MapSetup, SolutionPayload } from '../../../../src/shared/levels';
import { matchPercent, wrongPixels } from '../../../../src/shared/scoring';
import type { MlWorkerApi, PretrainedModelInfo } from '../../../../src/shared/worker-api';

export type PretrainedEngine = Pick<MlWorkerApi, 'loadPretrained' | 'classify' | 'decode' | 'encode' | 'getImages' | 'loadDataset'>;

const GLYPH_SSIM = { width: GLYPH_WIDTH, height: GLYPH_HEIGHT, window: 5 } as const;

/** A loaded map or arithmetic model, with memoised card codes. */
export class PretrainedLevel {
  private readonly cardCodes = new Map<string, Float32Array>();

  private constructor(
    readonly engine: PretrainedEngine,
    readonly level: LevelDefinition,
    readonly model: PretrainedModelInfo,
  ) {}

  static async load(engine: PretrainedEngine, level: LevelDefinition): Promise<PretrainedLevel> {
    const setup = level.setup;
    if (setup.kind === 'trained') throw new Error(`Level "${level.id}" is trained, not pretrained.`);
    if (level.dataset === 'mnist') await engine.loadDataset('mnist');
    return new PretrainedLevel(engine, level, await engine.loadPretrained(setup.asset));
  }

  get latent(): number {
    return this.model.latentSize;
  }

  /** Decodes `count` codes (flat). */
  decode(codes: Float32Array): Promise<Float32Array> {
    return this.engine.decode(this.model.modelId, codes);
  }

  /** The judge's probabilities, one row of 10 per image. */
  async judge(images: Float32Array): Promise<number[][]> {
    const rows: number[][] = [];
    const size = 784;
    // The engine classifies at most 10,000 images per call.
    for (let start = 0; start < images.length; start += 5000 * size) {
      const { probabilities, count, classes } = await this.engine.classify(images.subarray(start, start + 5000 * size));
      for (let i = 0; i < count; i++) rows.push(Array.from(probabilities.subarray(i * classes, (i + 1) * classes)));
    }
    return rows;
  }

  private async cardImage(image: CardImage): Promise<Float32Array> {
    if (image.kind === 'glyph') return glyphBitmap(image.char);
    return (await this.engine.getImages('mnist', 'test', image.index, 1)).images;
  }

  /** μ of a deck or hidden card. */
  async codeOf(cardId: string): Promise<Float32Array> {
    const cached = this.cardCodes.get(cardId);
    if (cached) return cached;
    const setup = this.level.setup as ArithmeticSetup;
    const card = [...setup.deck, ...setup.hidden].find((c) => c.id === cardId);
    if (!card) throw new Error(`${this.level.id}: no card "${cardId}".`);
    const code = await this.engine.encode(this.model.modelId, await this.cardImage(card.image));
    this.cardCodes.set(cardId, code);
    return code;
  }

  async preloadCards(): Promise<void> {
    const setup = this.level.setup as ArithmeticSetup;
    for (const c of [...setup.deck, ...setup.hidden]) await this.codeOf(c.id);
  }

  /** Σ w·μ(card) (cards must be preloaded). */
  combine(terms: readonly { card: string; weight: number }[]): Float32Array {
    return combineCodes(terms, (id) => {
      const code = this.cardCodes.get(id);
      if (!code) throw new Error(`Card "${id}" is not loaded.`);
      return code;
    });
  }

  /** The match % of a decode against a target decode, with the SSIM settings of the images' size. */
  match(target: Float32Array, decode: Float32Array): number {
    return this.level.dataset === 'mnist' ? matchPercent(target, decode) : matchPercent(target, decode, GLYPH_SSIM);
  }

  /** The latent coordinates of a payload point in the level's space ('dataBox' goes through the code box). */
  toLatent(point: readonly number[]): number[] {
    const spec = this.level.solution;
    if (spec.kind === 'latentPoints' && spec.space === 'dataBox') {
      if (!this.model.codeBox) throw new Error(`${this.level.id}: the asset has no code box.`);
      return fromDataBox(point, this.model.codeBox);
    }
    return [...point];
  }

  /** Takes the level's measurements for a payload. */
  async measure(payload: SolutionPayload): Promise<Evaluation> {
    const setup = this.level.setup;
    const needs = new Set(this.level.measures);
    const out: Record<string, unknown> = {};
    const flat = (points: readonly (readonly number[])[]): Float32Array => Float32Array.from(points.flat());
    if (setup.kind === 'map') {
      let codes: Float32Array;
      if (payload.kind === 'latentPoints') codes = flat(payload.points.map((p) => this.toLatent(p)));
      else if (payload.kind === 'draws') codes = flat(payload.draws.map((d) => drawLatent(d)));
      else if (payload.kind === 'path') codes = flat(payload.points);
      else throw new Error(`${this.level.id}: a map level does not take "${payload.kind}".`);
      const images = await this.decode(codes);
      if (needs.has('judgeProbabilities')) out.judgeProbabilities = await this.judge(images);
      if (needs.has('matchPercent')) {
        const targets = (setup as MapSetup).targets;
        if (!targets || payload.kind !== 'latentPoints' || payload.target === undefined) throw new Error(`${this.level.id}: matchPercent needs a target.`);
        const target = await this.decode(Float32Array.from(targets[payload.target]));
        const size = target.length;
        out.matchPercent = Array.from({ length: images.length / size }, (_, i) => this.match(target, images.subarray(i * size, (i + 1) * size)));
      }
    } else if (setup.kind === 'arithmetic') {
      if (payload.kind !== 'expression') throw new Error(`${this.level.id}: an arithmetic level takes an expression.`);
      await this.preloadCards();
      const result = this.combine(payload.terms);
      const t = setup.target;
      if (t.kind === 'decode') {
        const [target, decoded] = await Promise.all([this.decode(this.combine(t.terms)), this.decode(result)]);
        out.matchPercent = [this.match(target, decoded)];
      } else if (t.kind === 'applyVector') {
        const reference = this.combine(t.reference);
        const matches: number[] = [];
        for (const base of t.bases) {
          const mu = this.cardCodes.get(base)!;
          const decoded = await this.decode(mu.map((m, i) => m + result[i]));
          const target = await this.decode(mu.map((m, i) => m + reference[i]));
          matches.push(this.match(target, decoded));
        }
        out.matchPercent = matches;
      } else {
        out.forgedWrongPixels = wrongPixels(glyphBitmap(t.char), await this.decode(result));
      }
    }
    return out as Evaluation;
  }

  async play(payload: SolutionPayload): Promise<{ evaluation: Evaluation; result: LevelScore }> {
    const evaluation = await this.measure(payload);
    return { evaluation, result: this.level.score(payload, evaluation) };
  }
}
