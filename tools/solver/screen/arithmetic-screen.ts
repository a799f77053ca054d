/**
 * The screen of an arithmetic level (world 4): the deck's pictures, the target picture(s), and for the
 * expression on the table its decode(s) and the live meter the view prints under it (match % or wrong pixels,
 * arithmetic-view.ts). Each distinct expression looked at is one action; Check is a press and shows the
 * result card. No card codes, no target expression.
 */
import type { LevelDefinition, LinearTerm, SolutionSpecOf } from '../../../src/shared/levels';
import { PretrainedLevel, type PretrainedEngine } from '../pretrained';
import { LOOKS_PER_POINT, PlayClock } from './budget';
import { levelInfo } from './info';
import { LookMemo, resultCard } from './looks';
import type { LevelInfo, ResultCard, Screen } from './types';

export interface CardPicture {
  id: string;
  /** The card's label as shown (English), e.g. "a bold 7". */
  label: string;
  image: Float32Array;
}

export interface LiveView {
  /** The decode(s) of the expression: one per base for an attribute vector, else one. */
  decodes: Float32Array[];
  /** The live number under the result: mean match % or wrong pixels. */
  meter: number;
}

/** The expression as the table shows it: zero weights dropped, cards in a fixed order. */
export const expressionKey = (terms: readonly LinearTerm[]): string =>
  terms
    .filter((t) => t.weight !== 0)
    .map((t) => `${t.card}:${Number(t.weight.toFixed(4))}`)
    .sort()
    .join(' ');

export class ArithmeticScreen implements Screen {
  readonly info: LevelInfo;
  readonly clock: PlayClock;
  readonly results: ResultCard[] = [];
  private readonly looks: LookMemo<LiveView>;

  private constructor(
    private readonly p: PretrainedLevel,
    readonly cards: readonly CardPicture[],
    /** The target picture(s): the decode(s) to match, or the glyph to forge. */
    readonly targets: readonly Float32Array[],
  ) {
    this.info = levelInfo(p.level);
    this.clock = new PlayClock(LOOKS_PER_POINT * this.spec.maxTerms);
    this.looks = new LookMemo(this.clock);
  }

  static async open(engine: PretrainedEngine, level: LevelDefinition): Promise<ArithmeticScreen> {
    const p = await PretrainedLevel.load(engine, level);
    if (p.setup.kind !== 'arithmetic') throw new Error(`${level.id} is not an arithmetic level.`);
    const cards: CardPicture[] = [];
    for (const card of p.setup.deck) cards.push({ id: card.id, label: card.label.en, image: await p.cardImage(card) });
    return new ArithmeticScreen(p, cards, await p.expressionTargets());
  }

  get spec(): SolutionSpecOf<'expression'> {
    return this.p.level.solution as SolutionSpecOf<'expression'>;
  }

  /** Puts `terms` on the table and reads the decode(s) and the meter (one action per new expression). */
  async look(terms: readonly LinearTerm[]): Promise<LiveView> {
    const key = expressionKey(terms);
    return this.looks.see(key, async () => {
      const { evaluation, decodes } = await this.p.measureExpression(terms.filter((t) => t.weight !== 0));
      const matches = evaluation.matchPercent ?? [];
      const meter = evaluation.forgedWrongPixels ?? matches.reduce((a, b) => a + b, 0) / matches.length;
      return { decodes, meter };
    });
  }

  /** Presses Check with `terms` on the table: the result card. */
  async check(terms: readonly LinearTerm[]): Promise<ResultCard> {
    await this.look(terms);
    this.clock.canPress();
    this.clock.press();
    const payload = { kind: 'expression' as const, terms: terms.filter((t) => t.weight !== 0).map((t) => ({ ...t })) };
    return resultCard(this.p, payload, this.results);
  }
}
