import type * as Phaser from 'phaser';
import { fitText } from './fit-text';
import { COLORS, CSS, TEXT, type Rect } from './theme';
import { Widget } from './Widget';
import { setTextColor } from './text-color';

export interface ProgressBarState {
  /** 0..1 */
  fraction: number;
  /** Above the bar, left: "Training · Step 340 / 2,000". */
  title: string;
  /** Above the bar, right: "ETA 0:42". */
  right: string;
  /** Below the bar: "1,820 samples/s · 101,632 weights". */
  detail: string;
  /** Dim the fill (paused, cancelled, stopped). */
  muted?: boolean;
  /** The detail line in the warning colour (e.g. a weight count over the level's cap). */
  warning?: boolean;
}

const DETAIL_COLOR = CSS.muted;

/** A status line, a rounded bar showing how much of the run is done, and a detail line. */
export class ProgressBar extends Widget {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly titleText: Phaser.GameObjects.Text;
  private readonly rightText: Phaser.GameObjects.Text;
  private readonly detailText: Phaser.GameObjects.Text;
  private state: ProgressBarState = { fraction: 0, title: '', right: '', detail: '' };

  constructor(scene: Phaser.Scene, id: string, rect: Rect) {
    super(scene, id, rect);
    this.graphics = this.track(scene.add.graphics());
    this.titleText = this.track(scene.add.text(0, 0, '', TEXT.heading));
    this.rightText = this.track(scene.add.text(0, 0, '', TEXT.value).setOrigin(1, 0));
    this.detailText = this.track(scene.add.text(0, 0, '', TEXT.small));
    this.redraw();
  }

  set(state: ProgressBarState): this {
    const s = this.state;
    if (
      s.fraction === state.fraction &&
      s.title === state.title &&
      s.right === state.right &&
      s.detail === state.detail &&
      s.muted === state.muted &&
      s.warning === state.warning
    ) {
      return this;
    }
    this.state = { ...state };
    this.redraw();
    return this;
  }

  protected redraw(): void {
    const { x, y, width } = this.rect;
    const barH = 10;
    const barY = y + 30;
    const setText = (t: Phaser.GameObjects.Text, value: string): void => {
      if (t.text !== value) t.setText(value);
    };
    setText(this.titleText, this.state.title);
    setText(this.rightText, this.state.right);
    setText(this.detailText, this.state.detail);
    setTextColor(this.detailText, this.state.warning ? CSS.warning : DETAIL_COLOR);
    this.titleText.setPosition(x, y);
    this.rightText.setPosition(x + width, y + 2);
    this.detailText.setPosition(x, barY + barH + 6);
    // The title shares its row with the right-hand value; each fits its share (fit-text.ts).
    fitText(this.rightText, { width: width / 2, height: 26 });
    fitText(this.titleText, { width: Math.max(1, width - this.rightText.displayWidth - 12), height: 26 });
    fitText(this.detailText, { width, height: 20 });
    const f = Math.min(1, Math.max(0, this.state.fraction));
    const g = this.graphics.clear();
    g.fillStyle(COLORS.surface, 1).fillRoundedRect(x, barY, width, barH, barH / 2);
    if (f > 0) {
      g.fillStyle(this.state.muted ? COLORS.axis : COLORS.accent, 1).fillRoundedRect(
        x,
        barY,
        Math.max(barH, f * width),
        barH,
        barH / 2,
      );
    }
  }
}
