import type * as Phaser from 'phaser';
import { decodeDigit, decodeLetter, OWN_DIGITS_MAX, type OwnDrawings } from '../../shared/drawing';
import { GLYPH_HEIGHT, GLYPH_WIDTH } from '../../shared/glyphs';
import { t } from '../../shared/messages';
import { MNIST_SIDE } from '../../shared/mnist-format';
import type { GameContext } from '../context';
import { CardDeck, type DeckCard } from '../ui/CardDeck';
import { Label } from '../ui/Label';
import type { Rect } from '../ui/theme';
import { watch } from '../state/watch';

/** One deck card per kept drawing: the digits first (their judge's digit as the label), then my letters. */
export function mineCards(drawings: OwnDrawings): {
  cards: DeckCard[];
  kinds: { kind: 'digit' | 'letter'; index: number }[];
} {
  const cards: DeckCard[] = [];
  const kinds: { kind: 'digit' | 'letter'; index: number }[] = [];
  drawings.digits.forEach((d, index) => {
    const image = decodeDigit(d);
    if (!image) return;
    cards.push({ label: String(d.label), image, width: MNIST_SIDE, height: MNIST_SIDE });
    kinds.push({ kind: 'digit', index });
  });
  drawings.letters.forEach((l, index) => {
    cards.push({ label: l.letter, image: decodeLetter(l), width: GLYPH_WIDTH, height: GLYPH_HEIGHT });
    kinds.push({ kind: 'letter', index });
  });
  return { cards, kinds };
}

/**
 * The Draw screen's "Mine" view (#14): every kept drawing as a card (digits, then my letters), their counts,
 * and a tap on a card removes it from the save. Widget ids: draw:mine (the deck; its cards card:<n>).
 */
export class MineMode {
  private readonly counts: Label;
  private deck: CardDeck | null = null;
  private visible = false;
  private readonly stop: () => void;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly context: GameContext,
    private readonly rect: Rect,
  ) {
    this.counts = new Label(scene, { x: rect.x, y: rect.y, text: '', variant: 'body', wrap: rect.width });
    this.stop = watch(
      context.store,
      (s) => s.progress.drawings,
      () => this.visible && this.rebuild(),
    );
  }

  setVisible(on: boolean): void {
    this.visible = on;
    this.counts.setVisible(on);
    if (on) this.rebuild();
    else {
      this.deck?.destroy();
      this.deck = null;
    }
  }

  destroy(): void {
    this.stop();
    this.deck?.destroy();
    this.counts.destroy();
  }

  private rebuild(): void {
    const { store } = this.context;
    const drawings = store.getState().progress.drawings ?? { digits: [], letters: [] };
    this.counts.setText(
      `${t('draw.mineDigits', { count: drawings.digits.length, max: OWN_DIGITS_MAX })}\n${t('draw.mineLetters', { count: drawings.letters.length })}`,
    );
    this.deck?.destroy();
    const { cards, kinds } = mineCards(drawings);
    const top = this.rect.y + 56;
    this.deck = new CardDeck(
      this.scene,
      'draw:mine',
      { x: this.rect.x, y: top, width: this.rect.width, height: this.rect.y + this.rect.height - top },
      cards,
    );
    this.deck.events.on('pick', (i) => {
      const which = kinds[i];
      if (which) store.getState().removeDrawing(which.kind, which.index);
    });
    this.context.renderGate?.invalidate();
  }
}
