/**
 * A trained level tested under several kinds of noise (Noise zoo): one test digit as the test corrupts it under
 * each kind (the held-out set's first image, the same seed per kind as the measurement), with the kind's name,
 * and after a run the model's error on that kind (`noiseKindMse`) as a bar and a number, the worst one marked.
 * Drawn under the controls (landscape: in the rest of the column; phones: the column grows by HEIGHT).
 */
import type * as Phaser from 'phaser';
import { formatMetricValue } from '../../../shared/levels';
import type { LevelDefinition } from '../../../shared/levels/types';
import { getLocale, t } from '../../../shared/messages';
import { corrupt } from '../../../shared/noise';
import { ControlPanel } from '../../ui/ControlPanel';
import { ImageGrid, type GridImages } from '../../ui/ImageGrid';
import { Label } from '../../ui/Label';
import { COLORS, CSS, type Rect } from '../../ui/theme';
import { registerId } from '../../ui/widget-ids';
import { NAME_KEYS, testedNoiseKinds, type Kind } from './noise-kinds';
import type { ViewContext } from './view';

/** Phones: what the card adds to the controls column. */
export const NOISE_KINDS_HEIGHT = 104;
const TITLE_H = 18;
const VALUE_W = 52;
const COLUMNS = 2;
const GAP = 6;

/** What the card adds to a level's controls column on phones (0: no card). */
export const noiseKindsHeight = (level: LevelDefinition): number => (testedNoiseKinds(level) ? NOISE_KINDS_HEIGHT : 0);

interface Cell {
  image: ImageGrid;
  name: Label;
  value: Label;
}

export class NoiseKindsCard {
  private readonly cells: Cell[] = [];
  private readonly title: Label | null;
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly barBoxes: Rect[] = [];
  private readonly unregister: () => void;
  private shown = '';

  /** The card for `ctx`'s level, or null when its test has a single kind. */
  static create(ctx: ViewContext): NoiseKindsCard | null {
    const tested = testedNoiseKinds(ctx.session.level);
    if (!tested) return null;
    const { L } = ctx;
    const width = L.controls.width - 32;
    const top = L.controls.y + 44 + ControlPanel.heightFor(ctx.session.level.controls, width) + 4;
    const area = { x: L.controls.x + 16, y: top, width, height: L.controls.y + L.controls.height - 8 - top };
    return area.height >= 56 ? new NoiseKindsCard(ctx, area, tested.kinds, tested.seed) : null;
  }

  private constructor(
    private readonly ctx: ViewContext,
    private readonly area: Rect,
    private readonly kinds: readonly Kind[],
    seed: number,
  ) {
    const { scene } = ctx;
    const withTitle = area.height >= TITLE_H + 56;
    this.title = withTitle
      ? new Label(scene, {
          x: area.x,
          y: area.y,
          text: t('level.noiseKinds.title').toUpperCase(),
          variant: 'section',
          maxWidth: area.width,
          maxHeight: TITLE_H - 2,
        })
      : null;
    const gridTop = area.y + (withTitle ? TITLE_H : 0);
    const rows = Math.ceil(kinds.length / COLUMNS);
    const cellH = Math.min(40, Math.floor((area.y + area.height - gridTop - GAP * (rows - 1)) / rows));
    const cellW = (area.width - GAP * (COLUMNS - 1)) / COLUMNS;
    this.bars = scene.add.graphics();
    kinds.forEach((kind, i) => {
      const x = area.x + (i % COLUMNS) * (cellW + GAP);
      const y = gridTop + Math.floor(i / COLUMNS) * (cellH + GAP);
      const textX = x + cellH + 8;
      const textW = cellW - cellH - 8;
      this.cells.push({
        image: new ImageGrid(scene, {
          x,
          y,
          width: cellH,
          height: cellH,
          columns: 1,
          id: `level:noiseKind:${kind.type}`,
        }),
        name: new Label(scene, {
          x: textX,
          y,
          text: t(NAME_KEYS[kind.type]),
          variant: 'small',
          maxWidth: textW - VALUE_W - 4,
          maxHeight: Math.min(18, cellH - 8),
          color: CSS.text,
        }),
        value: new Label(scene, {
          x: x + cellW,
          y,
          text: '–',
          variant: 'small',
          align: 1,
          maxWidth: VALUE_W,
          maxHeight: Math.min(18, cellH - 8),
        }),
      });
      this.barBoxes.push({ x: textX, y: y + cellH - 6, width: textW, height: 6 });
    });
    this.unregister = registerId(scene, 'level:noiseKinds', () => area);
    void this.loadPreview(seed);
  }

  /** The first test digit under each kind, corrupted exactly as the measurement corrupts it. */
  private async loadPreview(seed: number): Promise<void> {
    const port = this.ctx.session.port;
    try {
      await port.loadDataset('mnist');
      const batch = await port.getImages('mnist', 'test', 0, 1);
      if (this.cells.length === 0 || !this.bars.scene) return;
      const shape = { width: batch.width, height: batch.height };
      this.kinds.forEach((kind, i) => {
        const pixels = corrupt(batch.images.slice(0, shape.width * shape.height), shape, kind, seed + i);
        const image: GridImages = { pixels, count: 1, ...shape };
        this.cells[i].image.setImages(image);
      });
    } catch {
      // No preview (the worker failed): the names and the results still show.
    }
  }

  /** The latest run's error per kind (undefined: none yet). */
  render(mse: readonly number[] | undefined): void {
    const key = mse ? mse.join(',') : '';
    if (key === this.shown) return;
    this.shown = key;
    this.bars.clear();
    const worst = mse ? mse.indexOf(Math.max(...mse)) : -1;
    const top = mse ? Math.max(...mse, 1e-9) : 1;
    this.cells.forEach((cell, i) => {
      const value = mse?.[i];
      cell.value.setText(value === undefined ? '–' : formatMetricValue(value, 'mse', getLocale()));
      cell.value.setColor(i === worst ? CSS.warning : CSS.muted);
      const box = this.barBoxes[i];
      this.bars.fillStyle(COLORS.panelBorder, 1).fillRect(box.x, box.y, box.width, box.height);
      if (value !== undefined)
        this.bars
          .fillStyle(i === worst ? COLORS.warning : COLORS.accent, 1)
          .fillRect(box.x, box.y, Math.max(2, (box.width * value) / top), box.height);
    });
  }

  destroy(): void {
    this.unregister();
    for (const c of this.cells.splice(0)) {
      c.image.destroy();
      c.name.destroy();
      c.value.destroy();
    }
    this.title?.destroy();
    this.bars.destroy();
  }

  /** For tests: where the card is. */
  get bounds(): Rect {
    return this.area;
  }
}
