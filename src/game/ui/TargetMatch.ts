import type * as Phaser from 'phaser';
import { fitText } from './fit-text';
import { ImageGrid } from './ImageGrid';
import { COLORS, CSS, TEXT, type Rect } from './theme';
import { Widget } from './Widget';
import { formatPercent } from '../view/format';
import { setTextColor } from './text-color';

export interface TargetMatchLabels {
  target: string;
  current: string;
}

export interface MatchImage {
  pixels: Float32Array;
  width: number;
  height: number;
}

/** The target image beside the current decode, and how well they match (match % from scoring/match). */
export class TargetMatch extends Widget {
  private readonly target: ImageGrid;
  private readonly current: ImageGrid;
  private readonly targetLabel: Phaser.GameObjects.Text;
  private readonly currentLabel: Phaser.GameObjects.Text;
  private readonly percent: Phaser.GameObjects.Text;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private match: number | null = null;
  private display: string | null = null;
  private goal: number;

  constructor(scene: Phaser.Scene, id: string, rect: Rect, labels: TargetMatchLabels, goal: number) {
    super(scene, id, rect);
    this.goal = goal;
    this.graphics = this.track(scene.add.graphics());
    this.targetLabel = this.track(scene.add.text(0, 0, labels.target, TEXT.bodyMuted).setOrigin(0.5, 0));
    this.currentLabel = this.track(scene.add.text(0, 0, labels.current, TEXT.bodyMuted).setOrigin(0.5, 0));
    this.percent = this.track(scene.add.text(0, 0, '–', { ...TEXT.title, fontSize: '30px' }).setOrigin(0.5, 0));
    this.target = new ImageGrid(scene, { x: rect.x, y: rect.y, width: 10, height: 10, id: `${id}:target`, columns: 1 });
    this.current = new ImageGrid(scene, {
      x: rect.x,
      y: rect.y,
      width: 10,
      height: 10,
      id: `${id}:current`,
      columns: 1,
    });
    this.redraw();
  }

  setTarget(image: MatchImage | null): this {
    this.target.setImages(image ? { ...image, count: 1 } : null);
    return this;
  }

  /**
   * `display` replaces the match % (e.g. "3 wrong pixels" for a glyph target); `wrong` lists the pixels of the
   * current image to mark as wrong (outlined in red).
   */
  setCurrent(
    image: MatchImage | null,
    match: number | null,
    display: string | null = null,
    wrong: readonly number[] | null = null,
  ): this {
    this.current.setOverlay(image && wrong ? { marks: [wrong] } : null);
    this.current.setImages(image ? { ...image, count: 1 } : null);
    this.match = match;
    this.display = display;
    this.drawPercent();
    return this;
  }

  setGoal(goal: number): this {
    this.goal = goal;
    this.drawPercent();
    return this;
  }

  private drawPercent(): void {
    this.percent.setText(this.display ?? (this.match === null ? '–' : formatPercent(this.match)));
    fitText(this.percent, { width: Math.max(60, this.rect.width / 2 - 8) });
    setTextColor(this.percent, this.match !== null && this.match >= this.goal ? CSS.success : CSS.text);
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    // Short and wide (phones): images side by side with the match % to their right; else the % goes below.
    const horizontal = height - 70 < 90 && width > 300;
    const size = Math.max(
      8,
      Math.floor(horizontal ? Math.min(height - 30, (width - 24 - 130) / 2) : Math.min((width - 24) / 2, height - 70)),
    );
    const iy = y + 26;
    let tx: number;
    let cx: number;
    if (horizontal) {
      tx = x + 8;
      cx = tx + size + 16;
      this.percent.setOrigin(0.5, 0.5).setPosition(Math.round((cx + size + x + width) / 2), Math.round(iy + size / 2));
    } else {
      const gap = width - 2 * size;
      tx = x + gap / 3;
      cx = x + size + (2 * gap) / 3;
      this.percent.setOrigin(0.5, 0).setPosition(x + width / 2, iy + size + 8);
    }
    this.targetLabel.setPosition(tx + size / 2, y);
    this.currentLabel.setPosition(cx + size / 2, y);
    // Each label may take its image's column (the image plus most of the gap to the next).
    for (const label of [this.targetLabel, this.currentLabel]) fitText(label, { width: size + 14, height: 24 });
    this.target.layout({ x: tx, y: iy, width: size, height: size });
    this.current.layout({ x: cx, y: iy, width: size, height: size });
    const g = this.graphics.clear();
    g.lineStyle(2, COLORS.panelBorder, 1)
      .strokeRect(tx - 1, iy - 1, size + 2, size + 2)
      .strokeRect(cx - 1, iy - 1, size + 2, size + 2);
    this.drawPercent();
  }

  override setVisible(visible: boolean): this {
    super.setVisible(visible);
    this.target.setVisible(visible);
    this.current.setVisible(visible);
    return this;
  }

  override destroy(): void {
    super.destroy();
    this.target.destroy();
    this.current.destroy();
  }
}
