import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { FocusableWidget } from './FocusableWidget';
import { ImageGrid } from './ImageGrid';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';
import { setTextColor } from './text-color';

export interface DeckCard {
  label: string;
  image: Float32Array;
  width: number;
  height: number;
}

type DeckEvents = BaseWidgetEvents & { pick: [index: number] };

/**
 * Image cards in a grid (world 4): click or tap a card, or move with the arrows and press Enter, to put it into
 * the expression or take it out. Cards in the expression are outlined with their weight. Test ids: card:<n>.
 */
export class CardDeck extends FocusableWidget<DeckEvents> {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly grids: ImageGrid[];
  private readonly labels: Phaser.GameObjects.Text[];
  private readonly zones: Phaser.GameObjects.Zone[];
  private readonly cards: DeckCard[];
  private cells: Rect[] = [];
  private selected = new Map<number, number>();
  private cursor = 0;
  private readonly showLabels: boolean;

  constructor(scene: Phaser.Scene, id: string, rect: Rect, cards: readonly DeckCard[]) {
    super(scene, id, rect);
    this.cards = [...cards];
    // Letters are their own label; digits need "a thin 3".
    this.showLabels = cards.some((c) => c.label.length > 1);
    this.frame = this.track(scene.add.graphics());
    this.grids = cards.map((c, i) =>
      new ImageGrid(scene, {
        x: rect.x,
        y: rect.y,
        width: 10,
        height: 10,
        id: `card:${i}`,
        columns: 1,
        gap: 0,
      }).setImages({ pixels: c.image, count: 1, width: c.width, height: c.height }),
    );
    this.labels = cards.map((c) =>
      this.track(
        scene.add.text(0, 0, this.showLabels ? c.label : '', { ...TEXT.small, align: 'center' }).setOrigin(0.5, 0),
      ),
    );
    this.zones = cards.map((_, i) => {
      const z = this.track(scene.add.zone(0, 0, 1, 1).setOrigin(0, 0));
      z.setInteractive({ useHandCursor: true });
      z.on('pointerdown', () => {
        if (!this.enabled) return;
        this.cursor = i;
        this.pointerFocus();
        this.events.emit('pick', i);
      });
      return z;
    });
    // card:<n> is the whole cell (image and label), registered after the image grids that share the id.
    cards.forEach((_, i) => this.registerTestId(`card:${i}`, () => (this.shown ? this.cardBounds(i) : null)));
    this.redraw();
  }

  /** Card index → weight, for the cards in the expression. */
  setSelected(selected: ReadonlyMap<number, number>): this {
    this.selected = new Map(selected);
    this.drawFrames();
    return this;
  }

  cardBounds(index: number): Rect | null {
    return this.cells[index] ? { ...this.cells[index] } : null;
  }

  count(): number {
    return this.cards.length;
  }

  protected override redrawFocus(): void {
    this.drawFrames();
  }

  /** The arrows move the card cursor; Enter / Space pick the card under it. */
  protected override onKey(event: KeyboardEvent): boolean {
    const cols = this.columns();
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols };
    const d = moves[event.key];
    if (d === undefined) return false;
    this.cursor = Math.min(this.cards.length - 1, Math.max(0, this.cursor + d));
    this.drawFrames();
    return true;
  }

  protected override activate(): void {
    if (this.enabled) this.events.emit('pick', this.cursor);
  }

  override setVisible(visible: boolean): this {
    super.setVisible(visible);
    for (const g of this.grids) g.setVisible(visible);
    return this;
  }

  private columns(): number {
    const n = this.cards.length;
    const { width, height } = this.rect;
    const labelH = this.showLabels ? 20 : 0;
    // The most columns whose cells still fit the height, up to a square-ish grid.
    let best = 1;
    let bestSide = 0;
    for (let c = 1; c <= n; c++) {
      const rows = Math.ceil(n / c);
      const side = Math.min((width - (c - 1) * 10) / c, (height - (rows - 1) * 10) / rows - labelH);
      if (side > bestSide) {
        bestSide = side;
        best = c;
      }
    }
    return best;
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    const n = this.cards.length;
    const cols = this.columns();
    const rows = Math.ceil(n / cols);
    const labelH = this.showLabels ? 20 : 0;
    const side = Math.floor(
      Math.min(120, (width - (cols - 1) * 10) / cols, (height - (rows - 1) * 10) / rows - labelH),
    );
    const totalW = cols * side + (cols - 1) * 10;
    const x0 = x + Math.floor((width - totalW) / 2);
    this.cells = [];
    for (let i = 0; i < n; i++) {
      const cx = x0 + (i % cols) * (side + 10);
      const cy = y + Math.floor(i / cols) * (side + labelH + 10);
      this.cells.push({ x: cx, y: cy, width: side, height: side + labelH });
      this.grids[i].layout({ x: cx, y: cy, width: side, height: side });
      this.labels[i].setPosition(cx + side / 2, cy + side + 2).setWordWrapWidth(side + 8, true);
      this.zones[i].setPosition(cx, cy).setSize(side, side + labelH);
    }
    this.drawFrames();
  }

  private drawFrames(): void {
    const g = this.frame.clear();
    this.cells.forEach((c, i) => {
      const w = this.selected.get(i);
      const on = w !== undefined;
      g.lineStyle(on ? 3 : 1, on ? (w >= 0 ? COLORS.accent : COLORS.danger) : COLORS.panelBorder, 1).strokeRoundedRect(
        c.x - 3,
        c.y - 3,
        c.width + 6,
        c.width + 6,
        RADIUS,
      );
      setTextColor(this.labels[i], on ? CSS.accent : CSS.muted);
      if (i === this.cursor) this.drawFocusRing(g, { ...c, height: c.width }, 7);
    });
  }

  override destroy(): void {
    super.destroy();
    for (const g of this.grids) g.destroy();
  }
}
