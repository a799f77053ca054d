/**
 * Codebook (a VQ-VAE level): under the controls, after a run, the codebook decoded: one row per code slot (each
 * entry drawn with the other slots at their usual entry, plays/codebook.ts), a bar under each entry for how many
 * letters chose it, unused entries dimmed; over it the entries used, the bits per image and the held-out error.
 * Before a run it says what will show. Test ids: `level:codebook` (the card), `level:codebook:grid`.
 */
import type * as Phaser from 'phaser';
import { formatMetricValue } from '../../../shared/levels';
import { formatNumber } from '../../../shared/i18n/icu';
import { getLocale, t } from '../../../shared/messages';
import { bitsPerImage } from '../../../shared/vq';
import { ControlPanel } from '../../ui/ControlPanel';
import { ImageGrid } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { COLORS, type Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import type { DecodedCodebook } from '../plays/codebook';
import { codebookGridShape, GRID_GAP as GAP, showsCodebook } from './codebook-layout';
import type { ViewContext } from './view';

/** Landscape: at most this tall (the rest of the column may be taller). */
const MAX_HEIGHT = 340;
const TITLE_H = 18;
const BAR_H = 3;
const SLOT_LABEL_W = 16;

export class CodebookCard {
  private readonly title: Label;
  private readonly summary: Label;
  private readonly legend: Label;
  private readonly marks: Phaser.GameObjects.Graphics;
  private readonly slotLabels: Label[] = [];
  private grid: ImageGrid | null = null;
  private gridRect: Rect | null = null;
  private shown: DecodedCodebook | null | undefined = undefined;
  private shownMse: number | undefined;
  private readonly unregister: () => void;

  /** The card for `ctx`'s level, or null when it trains no VQ-VAE (or the column has no room). */
  static create(ctx: ViewContext): CodebookCard | null {
    const level = ctx.session.level;
    if (!showsCodebook(level)) return null;
    const { L } = ctx;
    const width = L.controls.width - 32;
    const top = L.controls.y + 44 + ControlPanel.heightFor(level.controls, width) + 4;
    const bottom = Math.min(L.controls.y + L.controls.height - 8, top + MAX_HEIGHT);
    const area = { x: L.controls.x + 16, y: top, width, height: bottom - top };
    return area.height >= 120 ? new CodebookCard(ctx, area) : null;
  }

  private constructor(
    private readonly ctx: ViewContext,
    private readonly area: Rect,
  ) {
    const { scene } = ctx;
    this.title = new Label(scene, {
      x: area.x,
      y: area.y,
      text: t('level.codebook.title').toUpperCase(),
      variant: 'section',
      maxWidth: area.width,
      maxHeight: TITLE_H - 2,
    });
    this.summary = new Label(scene, {
      x: area.x,
      y: area.y + TITLE_H + 2,
      text: t('level.codebook.empty'),
      variant: 'small',
      wrap: area.width,
      maxHeight: 38,
    });
    this.legend = new Label(scene, {
      x: area.x,
      y: area.y,
      text: '',
      variant: 'small',
      wrap: area.width,
      maxHeight: 38,
    });
    this.legend.setVisible(false);
    this.marks = scene.add.graphics();
    const unregisterCard = registerId(scene, 'level:codebook', () => this.area);
    const unregisterGrid = registerId(scene, 'level:codebook:grid', () => this.gridRect);
    this.unregister = () => {
      unregisterCard();
      unregisterGrid();
    };
  }

  /** The latest run's codebook (null: none yet) and held-out error. */
  render(book: DecodedCodebook | null, mse: number | undefined): void {
    if (book === this.shown && mse === this.shownMse) return;
    this.shown = book;
    this.shownMse = mse;
    const locale = getLocale();
    this.summary.setText(
      book
        ? t('level.codebook.summary', {
            used: book.used,
            size: book.size,
            bits: formatNumber(bitsPerImage(book.slots, book.size), locale, { maximumFractionDigits: 1 }),
            mse: mse === undefined ? '–' : formatMetricValue(mse, 'mse', locale),
          })
        : t('level.codebook.empty'),
    );
    this.layoutGrid(book);
  }

  private layoutGrid(book: DecodedCodebook | null): void {
    const { scene } = this.ctx;
    this.grid?.destroy();
    this.grid = null;
    this.gridRect = null;
    this.marks.clear();
    for (const l of this.slotLabels.splice(0)) l.destroy();
    this.legend.setVisible(book !== null);
    if (!book) return;
    const a = this.area;
    this.legend.setText(t(book.slots > 1 ? 'level.codebook.legendSlots' : 'level.codebook.legendOne'));
    const top = this.summary.text.y + this.summary.text.height + 6;
    const legendH = 34;
    const labelW = book.slots > 1 ? SLOT_LABEL_W : 0;
    const height = a.y + a.height - legendH - 4 - top - BAR_H;
    const width = a.width - labelW;
    const shape = codebookGridShape(book.size, book.slots, width, height);
    const perSlot = Math.ceil(book.size / shape.columns);
    const rect = {
      x: a.x + labelW,
      y: top,
      width: shape.columns * shape.cellW + GAP * (shape.columns - 1),
      height: shape.lines * shape.cellH + GAP * (shape.lines - 1),
    };
    // Each slot starts a new line of the grid; a line's unused cells stay empty.
    const count = shape.lines * shape.columns;
    const size = book.width * book.height;
    const pixels = new Float32Array(count * size);
    const cellOf = (s: number, k: number): number =>
      (s * perSlot + Math.floor(k / shape.columns)) * shape.columns + (k % shape.columns);
    for (let s = 0; s < book.slots; s++)
      for (let k = 0; k < book.size; k++)
        pixels.set(
          book.images.subarray((s * book.size + k) * size, (s * book.size + k + 1) * size),
          cellOf(s, k) * size,
        );
    this.grid = new ImageGrid(scene, {
      ...rect,
      id: 'level:codebook:image',
      columns: shape.columns,
      rows: shape.lines,
      gap: GAP,
    });
    this.grid.setImages({ pixels, count, width: book.width, height: book.height });
    this.gridRect = rect;
    // Over the grid: unused entries dimmed, and under each entry the share of letters that chose it.
    scene.children.bringToTop(this.marks);
    for (let s = 0; s < book.slots; s++) {
      if (labelW > 0)
        this.slotLabels.push(
          new Label(scene, {
            x: a.x,
            y: rect.y + s * perSlot * (shape.cellH + GAP) + shape.cellH / 2 - 8,
            text: String(s + 1),
            variant: 'small',
          }),
        );
      for (let k = 0; k < book.size; k++) {
        const i = cellOf(s, k);
        const x = rect.x + (i % shape.columns) * (shape.cellW + GAP);
        const y = rect.y + Math.floor(i / shape.columns) * (shape.cellH + GAP);
        const n = book.usage[s][k];
        if (n === 0) this.marks.fillStyle(COLORS.panel, 0.7).fillRect(x, y, shape.cellW, shape.cellH);
        this.marks.fillStyle(COLORS.panelBorder, 1).fillRect(x, y + shape.cellH + 1, shape.cellW, BAR_H);
        if (n > 0)
          this.marks
            .fillStyle(COLORS.accent, 1)
            .fillRect(x, y + shape.cellH + 1, Math.max(2, (shape.cellW * n) / book.letters), BAR_H);
      }
    }
    this.legend.setPosition(a.x, rect.y + rect.height + BAR_H + 6);
  }

  destroy(): void {
    this.unregister();
    this.grid?.destroy();
    this.title.destroy();
    this.summary.destroy();
    this.legend.destroy();
    for (const l of this.slotLabels.splice(0)) l.destroy();
    this.marks.destroy();
  }
}
