/**
 * Arithmetic levels (world 4): an expression Σ w·μ(card) over image cards, measured live with the shared harness
 * (PretrainedLevel.measureExpression, the number the solver bots and the classroom server compute) and scored
 * on Check.
 */
import { isOwnCard, type OwnCard } from '../../../shared/drawing/own-card';
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../../shared/glyphs';
import type { Evaluation } from '../../../shared/levels/measurements';
import { PretrainedLevel } from '../../../shared/levels/measure';
import type { ArithmeticSetup, ImageCard, LinearTerm, SolutionSpecOf } from '../../../shared/levels/types';
import { MNIST_SIDE } from '../../../shared/mnist-format';
import { abortable } from '../../ml/abortable';
import { restoredTerms } from '../remembered';
import { describeError, type LevelPlay, type PlayHost, type PlaySnapshot } from './play';

export interface CardView {
  card: Pick<ImageCard, 'id' | 'label'>;
  image: Float32Array;
}

export interface ArithmeticOutcome {
  evaluation: Evaluation;
  /** The decodes of the expression (one per base for applyVector, else one). */
  results: Float32Array[];
  /** The headline number shown live: match % (mean over bases) or wrong pixels. */
  headline: number;
}

export class ArithmeticPlay implements LevelPlay {
  /** The deck with each card's image (loaded on open). */
  cards: CardView[] = [];
  /** What the expression is compared with: target decodes (one per base for applyVector) or the glyph. */
  targets: Float32Array[] = [];
  width = MNIST_SIDE;
  height = MNIST_SIDE;
  terms: LinearTerm[] = [];
  /** The live measurement of the current expression (null while it is empty). */
  live: ArithmeticOutcome | null = null;
  private pretrained: PretrainedLevel | null = null;
  /** The player's kept digits offered as cards after a win (#14), dealt after the deck on load. */
  private own: OwnCard[] = [];
  private opened = false;
  private evaluating = false;
  private evalDirty = false;

  constructor(
    private readonly host: PlayHost,
    readonly setup: ArithmeticSetup,
  ) {}

  get spec(): SolutionSpecOf<'expression'> {
    return this.host.level.solution as SolutionSpecOf<'expression'>;
  }

  /** True once the model, the cards and the targets are loaded. */
  get ready(): boolean {
    return this.pretrained !== null;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    void this.host.run((signal) => this.load(signal));
  }

  settings(): Record<string, unknown> | null {
    return this.terms.length > 0 ? { terms: this.terms.map((t) => ({ ...t })) } : null;
  }

  /** "Try with your own": these cards join the deck when it loads (call before open). */
  offerOwnCards(cards: readonly OwnCard[]): void {
    if (!this.opened) this.own = [...cards];
  }

  /** True when an own card is in the expression: it is decoded and matched live, but Check is off. */
  hasOwnTerms(): boolean {
    return this.terms.some((t) => isOwnCard(t.card));
  }

  restoreSettings(saved: Readonly<Record<string, unknown>>): void {
    this.terms = restoredTerms(this.setup.deck, this.spec, saved.terms);
  }

  /**
   * Adds a card to the expression (weight 1), or takes it out when it is already in. On an averaging level
   * (setup.averageCards) the cards share the weight equally while the player has not set weights by hand.
   */
  toggleCard(cardId: string): void {
    if (!this.pretrained || this.host.status === 'preparing') return;
    const i = this.terms.findIndex((t) => t.card === cardId);
    const even = this.setup.averageCards === true && this.terms.every((t) => t.weight === this.terms[0].weight);
    if (i >= 0) this.terms = this.terms.filter((_, k) => k !== i);
    else if (this.terms.length < this.spec.maxTerms) this.terms = [...this.terms, { card: cardId, weight: 1 }];
    else return;
    if (even && this.terms.length > 0) {
      const share = 1 / this.terms.length;
      this.terms = this.terms.map((t) => ({ ...t, weight: share }));
    }
    this.expressionChanged();
  }

  setWeight(index: number, weight: number): void {
    if (!this.terms[index] || this.terms[index].weight === weight) return;
    this.terms = this.terms.map((t, k) => (k === index ? { ...t, weight } : t));
    this.expressionChanged();
  }

  clearTerms(): void {
    if (this.terms.length === 0) return;
    this.terms = [];
    this.expressionChanged();
  }

  /** The expression as a payload would carry it: zero weights dropped. */
  expressionTerms(): LinearTerm[] {
    return this.terms.filter((t) => t.weight !== 0).map((t) => ({ ...t }));
  }

  /** Scores the current expression with the level's pure scorer. */
  async submit(): Promise<void> {
    const terms = this.expressionTerms();
    if (!this.pretrained || terms.length === 0 || this.host.status !== 'idle' || this.hasOwnTerms()) return;
    try {
      const outcome = await this.evaluate(terms);
      this.host.finish({ kind: 'expression', terms }, outcome.evaluation);
    } catch (error) {
      this.host.setStatus('error');
      this.host.error = describeError(error);
      this.host.changed();
    }
  }

  dispose(): void {
    // The pretrained model is shared: never disposed by a level.
  }

  snapshot(): PlaySnapshot {
    // The deck's size, whether an own card is on the table and the live headline (-1: nothing decoded).
    return { values: { cards: this.cards.length, ownTerms: this.hasOwnTerms(), live: this.live?.headline ?? -1 } };
  }

  /** Decodes the expression and measures it as the level's scorer expects. */
  async evaluate(terms: readonly LinearTerm[]): Promise<ArithmeticOutcome> {
    if (!this.pretrained) throw new Error(`${this.host.level.id}: the model is not loaded.`);
    const { evaluation, decodes } = await this.pretrained.measureExpression(terms);
    const matches = evaluation.matchPercent ?? [];
    const headline = evaluation.forgedWrongPixels ?? matches.reduce((a, b) => a + b, 0) / matches.length;
    return { evaluation, results: decodes, headline };
  }

  private async load(signal: AbortSignal): Promise<void> {
    const host = this.host;
    host.setStatus('preparing');
    host.changed();
    const pretrained = await abortable(signal, PretrainedLevel.load(host.port, host.level));
    const targets = await abortable(signal, pretrained.expressionTargets());
    const cards: CardView[] = [];
    for (const card of this.setup.deck)
      cards.push({ card, image: await abortable(signal, pretrained.cardImage(card)) });
    for (const own of this.own) {
      await abortable(signal, pretrained.addOwnCard(own.id, own.image));
      cards.push({ card: { id: own.id, label: own.label }, image: own.image });
    }
    const glyphs = [...this.setup.deck, ...this.setup.hidden].every((c) => c.image.kind === 'glyph');
    this.cards = cards;
    this.targets = targets;
    this.width = glyphs ? GLYPH_WIDTH : MNIST_SIDE;
    this.height = glyphs ? GLYPH_HEIGHT : MNIST_SIDE;
    this.pretrained = pretrained;
    host.setStatus('idle');
    host.changed();
    // A remembered expression (restoreSettings): show what it makes right away.
    if (this.terms.length > 0) void this.evaluateLive();
  }

  private expressionChanged(): void {
    const host = this.host;
    if (host.status === 'done' || host.status === 'error') {
      host.setStatus('idle');
      host.clearResult();
      host.error = null;
    }
    host.changed();
    void this.evaluateLive();
  }

  /** One live evaluation at a time; a change meanwhile runs one more with the newest terms. */
  private async evaluateLive(): Promise<void> {
    if (!this.pretrained) return;
    if (this.evaluating) {
      this.evalDirty = true;
      return;
    }
    this.evaluating = true;
    try {
      do {
        this.evalDirty = false;
        const terms = this.expressionTerms();
        this.live = terms.length > 0 ? await abortable(this.host.lifetime, this.evaluate(terms)) : null;
        this.host.changed();
      } while (this.evalDirty);
    } catch (error) {
      if (this.host.lifetime.aborted) return;
      this.host.error = describeError(error);
      this.host.changed();
    } finally {
      this.evaluating = false;
    }
  }
}
