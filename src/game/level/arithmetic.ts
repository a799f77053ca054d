/**
 * Arithmetic levels (world 4) in the game: the level's cards and targets to show, and the live measurement of
 * the player's expression. The measuring is the shared harness's (PretrainedLevel in src/shared/levels/measure),
 * so the number shown is the one the solver bots and the classroom server compute.
 */
import { PretrainedLevel } from '../../shared/levels/measure';
import type { Evaluation } from '../../shared/levels/measurements';
import type { ImageCard, LevelDefinition, LinearTerm } from '../../shared/levels/types';
import type { MlBridge } from '../ml/bridge';
import { bridgeEngine } from './measure';

export interface CardView {
  card: ImageCard;
  image: Float32Array;
}

export interface ArithmeticOutcome {
  evaluation: Evaluation;
  /** The decodes of the expression (one per base for applyVector, else one). */
  results: Float32Array[];
  /** The headline number shown live: match % (mean over bases) or wrong pixels. */
  headline: number;
}

export class ArithmeticPlay {
  private constructor(
    private readonly pretrained: PretrainedLevel,
    readonly cards: CardView[],
    /** What the expression is compared with: target decodes (one per base for applyVector) or the glyph. */
    readonly targets: Float32Array[],
    readonly width: number,
    readonly height: number,
  ) {}

  /** Loads the level's pretrained model, its cards' images and codes, and the target images. */
  static async load(bridge: MlBridge, level: LevelDefinition): Promise<ArithmeticPlay> {
    const setup = level.setup;
    if (setup.kind !== 'arithmetic') throw new Error(`Level "${level.id}" is not an arithmetic level.`);
    const pretrained = await PretrainedLevel.load(bridgeEngine(bridge), level);
    const targets = await pretrained.expressionTargets();
    const cards: CardView[] = [];
    for (const card of setup.deck) cards.push({ card, image: await pretrained.cardImage(card) });
    const glyphs = [...setup.deck, ...setup.hidden].every((c) => c.image.kind === 'glyph');
    return glyphs
      ? new ArithmeticPlay(pretrained, cards, targets, 5, 7)
      : new ArithmeticPlay(pretrained, cards, targets, 28, 28);
  }

  /** Decodes the expression and measures it as the level's scorer expects. */
  async evaluate(terms: readonly LinearTerm[]): Promise<ArithmeticOutcome> {
    const { evaluation, decodes } = await this.pretrained.measureExpression(terms);
    const matches = evaluation.matchPercent ?? [];
    const headline = evaluation.forgedWrongPixels ?? matches.reduce((a, b) => a + b, 0) / matches.length;
    return { evaluation, results: decodes, headline };
  }
}
