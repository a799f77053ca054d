import type * as Phaser from 'phaser';
import { fitText } from './fit-text';
import { drawStar } from './stars';
import { COLORS, CSS, TEXT, type Rect } from './theme';
import { Widget } from './Widget';
import { setTextColor } from './text-color';

export interface GoalMeterState {
  /** 0..1 toward three stars (the thresholds sit at ⅓, ⅔, 1). */
  fraction: number;
  /** Above the bar: "Code size: 2" or "Train to see your score". */
  caption: string;
  /** Used when `caption` does not fit the meter's width. */
  shortCaption?: string;
  /** Under each star: its threshold ("≤ 8"). */
  starLabels: readonly [string, string, string];
  stars: 0 | 1 | 2 | 3;
  /** Width the caption may take (phones: the timer shares its row); default the meter's width. */
  captionWidth?: number;
}

const sameState = (a: GoalMeterState, b: GoalMeterState): boolean =>
  a.fraction === b.fraction &&
  a.caption === b.caption &&
  a.shortCaption === b.shortCaption &&
  a.stars === b.stars &&
  a.captionWidth === b.captionWidth &&
  a.starLabels.every((label, i) => label === b.starLabels[i]);

/** The live meter toward the goal: a bar with the three star lines on it, the stars earned lit. */
export class GoalMeter extends Widget {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly caption: Phaser.GameObjects.Text;
  private readonly labels: Phaser.GameObjects.Text[];
  private state: GoalMeterState = { fraction: 0, caption: '', starLabels: ['', '', ''], stars: 0 };

  constructor(scene: Phaser.Scene, id: string, rect: Rect) {
    super(scene, id, rect);
    this.graphics = this.track(scene.add.graphics());
    this.caption = this.track(scene.add.text(0, 0, '', { ...TEXT.body, fontStyle: 'bold' }));
    this.labels = [0, 1, 2].map(() =>
      this.track(scene.add.text(0, 0, '', { ...TEXT.small, fontSize: '13px' }).setOrigin(0.5, 0)),
    );
    this.redraw();
  }

  set(state: GoalMeterState): this {
    // The HUD sets it on every session change (~10 a second while training): redraw only when something differs.
    if (sameState(this.state, state)) return this;
    this.state = { ...state };
    this.redraw();
    return this;
  }

  protected redraw(): void {
    const { x, y, width } = this.rect;
    const s = this.state;
    this.caption.setText(s.caption).setPosition(x, y);
    this.caption.setScale(1);
    const room = Math.min(width, s.captionWidth ?? width);
    if (this.caption.width > room && s.shortCaption) this.caption.setText(s.shortCaption);
    fitText(this.caption, { width: room, height: 30 });
    const barY = y + 34;
    const barH = 12;
    const barW = width - 16;
    const g = this.graphics.clear();
    g.fillStyle(COLORS.surface, 1).fillRoundedRect(x, barY, barW, barH, barH / 2);
    const f = Math.min(1, Math.max(0, s.fraction));
    if (f > 0)
      g.fillStyle(s.stars > 0 ? COLORS.success : COLORS.accent, 1).fillRoundedRect(
        x,
        barY,
        Math.max(barH, f * barW),
        barH,
        barH / 2,
      );
    for (let i = 0; i < 3; i++) {
      const sx = x + ((i + 1) / 3) * barW;
      g.lineStyle(2, COLORS.bg, 1).lineBetween(sx, barY - 1, sx, barY + barH + 1);
      drawStar(g, sx, barY + barH / 2 - 1, 11, s.stars > i);
      // Centred under its star, but kept inside the meter (the last label would run to the screen's edge).
      const label = this.labels[i].setText(s.starLabels[i]);
      fitText(label, { width: barW / 3 - 6 });
      label.setPosition(Math.min(sx, x + width - label.displayWidth / 2), barY + barH + 8);
      setTextColor(this.labels[i], s.stars > i ? CSS.warning : CSS.muted);
    }
  }
}
