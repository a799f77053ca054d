/**
 * Arithmetic levels: the expression on the left (a weight slider per term, written out on wide screens), the deck
 * of image cards (click/tap or arrows + Enter to add or remove one) and the target beside the live decode on the
 * right; Check scores it.
 */
import { formatMetricValue } from '../../../shared/levels/format';
import { localize } from '../../../shared/levels/text';
import { wrongPixelIndices } from '../../../shared/scoring/pixels';
import { getLocale, t } from '../../../shared/messages';
import { Button } from '../../ui/Button';
import { CardDeck } from '../../ui/CardDeck';
import { Label } from '../../ui/Label';
import { Panel } from '../../ui/Panel';
import type { ProgressBarState } from '../../ui/ProgressBar';
import { Slider } from '../../ui/Slider';
import { TargetMatch } from '../../ui/TargetMatch';
import type { ArithmeticPlay } from '../plays/arithmetic-play';
import { cardGraphics, viewAreas } from './areas';
import { finalProgress } from './final-progress';
import { ImageRowsCard } from './image-rows';
import { primary, type LevelView, type ModeView, type PrimaryAction, type ViewContext } from './view';
import { formatFixed } from '../../view/format';

/** Height of one term row (card name, weight slider, value) in the expression panel. */
const TERM_ROW = 36;
/** Height left for the written-out expression above the term rows (wide screens). */
const FORMULA_ROOM = 48;

class ArithmeticView implements LevelView {
  private readonly formula: Label;
  private readonly rows: { label: Label; slider: Slider; value: Label }[] = [];
  private readonly clear: Button;
  private readonly images: ImageRowsCard;
  private deck: CardDeck | null = null;
  private match: TargetMatch | null = null;

  constructor(
    private readonly ctx: ViewContext,
    private readonly play: ArithmeticPlay,
  ) {
    const { scene, L } = ctx;
    const spec = play.spec;
    new Panel(scene, { ...L.controls, title: t('level.arith.panel') });
    this.images = new ImageRowsCard(ctx, () => false);
    this.images.panel.setTitle(t('level.arith.title'));
    // Phones: no room for the written-out expression; the term rows and the cards say it.
    this.formula = new Label(scene, {
      x: L.controls.x + 16,
      y: L.controls.y + 44,
      text: '',
      variant: 'body',
      wrap: L.controls.width - 32,
      // Never over the term rows below it (a long expression in Polish or Czech shrinks to fit instead).
      maxHeight: FORMULA_ROOM,
    }).setVisible(!L.portrait);
    const top = L.controls.y + (L.portrait ? 44 : 48 + FORMULA_ROOM);
    for (let i = 0; i < spec.maxTerms; i++) {
      const y = top + i * TERM_ROW;
      const label = new Label(scene, { x: L.controls.x + 16, y: y + 4, text: '', variant: 'bodyMuted' });
      const slider = new Slider(scene, {
        x: L.controls.x + 136,
        y,
        width: L.controls.width - 136 - 70,
        height: 28,
        id: `term:${i}`,
        min: -spec.maxWeight,
        max: spec.maxWeight,
        step: 0.05,
        value: 1,
      });
      const value = new Label(scene, {
        x: L.controls.x + L.controls.width - 16,
        y: y + 4,
        text: '',
        variant: 'value',
        align: 1,
      });
      slider.events.on('change', (w) => play.setWeight(i, w));
      this.rows.push({ label, slider, value });
    }
    this.clear = new Button(scene, {
      x: L.controls.x + 16,
      y: top + spec.maxTerms * TERM_ROW + 8,
      width: 140,
      height: 40,
      id: 'arith:clear',
      label: t('level.arith.clear'),
    });
    this.clear.events.on('press', () => play.clearTerms());
    ctx.focus.register(this.clear, ...this.rows.map((r) => r.slider));
  }

  render(): void {
    const { session } = this.ctx;
    const play = this.play;
    this.buildDeck();
    const terms = play.terms;
    this.rows.forEach((row, i) => {
      const term = terms[i];
      row.label.setVisible(term !== undefined).setText(term ? this.labelOf(term.card) : '');
      row.slider.setVisible(term !== undefined).setEnabled(term !== undefined);
      row.value.setVisible(term !== undefined).setText(term ? formatFixed(term.weight, 2) : '');
      if (term) row.slider.setValue(term.weight);
    });
    this.formula.setText(this.expressionText());
    if (this.deck) {
      const selected = new Map<number, number>();
      terms.forEach((tm) =>
        selected.set(
          play.cards.findIndex((c) => c.card.id === tm.card),
          tm.weight,
        ),
      );
      this.deck.setSelected(selected);
    }
    const live = play.live;
    const unit = session.level.metric.unit;
    if (this.match && play.ready) {
      const shown = live && terms.length > 0;
      const display =
        shown && unit !== 'percent'
          ? t('level.arith.wrong', { value: formatMetricValue(live.headline, unit, getLocale()) })
          : null;
      // A glyph target (Letter forge): the wrong pixels are marked on the player's letter.
      const wrong =
        shown && unit === 'pixels' && play.targets[0] ? wrongPixelIndices(play.targets[0], live.results[0]) : null;
      this.match.setCurrent(
        shown ? { pixels: live.results[0], width: play.width, height: play.height } : null,
        unit === 'percent' ? (live?.headline ?? null) : null,
        display,
        wrong,
      );
    }
    this.clear.setEnabled(terms.length > 0);
    this.images.show(null);
    if (!play.ready)
      this.images.empty.setText(
        session.status === 'error' ? t('level.error', { detail: session.error ?? '' }) : t('level.map.loading'),
      );
  }

  primary(): PrimaryAction {
    const ok =
      this.play.ready &&
      this.ctx.session.status === 'idle' &&
      this.play.expressionTerms().length > 0 &&
      !this.play.hasOwnTerms();
    return primary(t('level.arith.check'), ok);
  }

  press(): void {
    void this.play.submit();
  }

  progress(): ProgressBarState {
    const { session } = this.ctx;
    if (session.status === 'done' || session.status === 'error') return finalProgress(session);
    const level = session.level;
    const max = this.play.spec.maxTerms;
    const n = this.play.terms.length;
    const live = this.play.live;
    return {
      fraction: n / max,
      title: !this.play.ready ? t('level.map.loading') : t('level.arith.progress', { n, max }),
      right:
        live && n > 0
          ? t('level.arith.live', { value: formatMetricValue(live.headline, level.metric.unit, getLocale()) })
          : '',
      detail: this.play.hasOwnTerms()
        ? t('level.arith.ownNoCheck')
        : t('level.map.model', { asset: this.play.setup.asset }),
    };
  }

  destroy(): void {
    this.deck?.destroy();
    this.match?.destroy();
    this.clear.destroy();
    for (const row of this.rows) row.slider.destroy();
    this.images.destroy();
  }

  private labelOf(id: string): string {
    const c = this.play.cards.find((k) => k.card.id === id);
    return c ? localize(c.card.label, getLocale()) : id;
  }

  private expressionText(): string {
    const terms = this.play.terms;
    if (terms.length === 0) return t('level.arith.empty');
    const sign = (w: number, i: number): string => (i > 0 && w >= 0 ? '+ ' : i > 0 ? '− ' : w < 0 ? '−' : '');
    return `z = ${terms.map((tm, i) => `${sign(tm.weight, i)}${Math.abs(tm.weight).toFixed(2)}·μ(${this.labelOf(tm.card)})`).join(' ')}`;
  }

  /** The deck and the target, once the cards are loaded (the map card's place on the right). */
  private buildDeck(): void {
    const play = this.play;
    if (!play.ready || this.deck) return;
    const { scene, L, session } = this.ctx;
    const { union } = viewAreas(L);
    const matchW = L.portrait ? union.width - 32 : 300;
    const deckRect = L.portrait
      ? { x: union.x + 16, y: union.y + 40, width: union.width - 32, height: Math.floor((union.height - 52) * 0.42) }
      : { x: union.x + 16, y: union.y + 48, width: union.width - 32 - matchW - 24, height: union.height - 64 };
    cardGraphics(scene, union).setVisible(true);
    new Label(scene, {
      x: union.x + 16,
      y: union.y + 14,
      text: (L.portrait ? t('level.arith.titleShort') : t('level.arith.title')).toUpperCase(),
      variant: 'section',
      wrap: union.width - 32,
    });
    const deck = new CardDeck(
      scene,
      'arith:deck',
      deckRect,
      play.cards.map((c) => ({
        label: localize(c.card.label, getLocale()),
        image: c.image,
        width: play.width,
        height: play.height,
      })),
    );
    deck.events.on('pick', (i) => play.toggleCard(play.cards[i].card.id));
    this.ctx.focus.register(deck);
    const below = deckRect.y + deckRect.height + 12;
    const matchRect = L.portrait
      ? { x: union.x + 16, y: below, width: matchW, height: union.y + union.height - 12 - below }
      : {
          x: deckRect.x + deckRect.width + 24,
          y: union.y + 48,
          width: matchW,
          height: Math.min(300, union.height - 64),
        };
    const level = session.level;
    this.match = new TargetMatch(
      scene,
      'arith:target',
      matchRect,
      { target: t('level.map.targetImage'), current: t('level.arith.yours') },
      level.metric.unit === 'percent' ? level.stars[0] : 0,
    );
    this.match.setTarget({ pixels: play.targets[0], width: play.width, height: play.height });
    this.deck = deck;
  }
}

export const arithmeticView: ModeView<ArithmeticPlay> = {
  leftHeight: (level) => 56 + (level.solution.kind === 'expression' ? level.solution.maxTerms : 0) * TERM_ROW + 52,
  liveChart: false,
  create: (ctx, play) => new ArithmeticView(ctx, play),
};
