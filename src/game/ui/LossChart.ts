import type * as Phaser from 'phaser';
import { fitText } from './fit-text';
import { COLORS, SERIES, TEXT, type Rect } from './theme';
import { Widget } from './Widget';

export interface LossSeriesPoint {
  step: number;
  total: number;
  reconstruction: number;
  kl?: number;
}

export interface LossChartLabels {
  total: string;
  reconstruction: string;
  /** Legend when the total is just the reconstruction term (plain AEs): one curve, not two on top of each other. */
  reconstructionIsTotal: string;
  kl: string;
  empty: string;
  step: string;
}

type SeriesKey = keyof typeof SERIES;
const KEYS: SeriesKey[] = ['total', 'reconstruction', 'kl'];
const PAD = { left: 58, right: 12, top: 34, bottom: 26 };

// Axis labels must fit the 58 px gutter: tiny losses (log axis) go to exponent form, "1.1e-5" not "0.000011".
const fmt = (v: number): string =>
  v >= 100
    ? v.toFixed(0)
    : v >= 1
      ? v.toPrecision(3)
      : v >= 0.001 || v === 0
        ? v.toPrecision(2)
        : v.toExponential(1).replace('e-', 'e−');

/**
 * Loss curves on a log scale (reconstruction per pixel and KL per sample differ by orders of magnitude),
 * drawn with one Graphics; the legend lists only the series present.
 */
export class LossChart extends Widget {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly ticks: Phaser.GameObjects.Text[];
  private readonly stepLabel: Phaser.GameObjects.Text;
  private readonly legend: Record<SeriesKey, Phaser.GameObjects.Text>;
  private readonly empty: Phaser.GameObjects.Text;
  private points: readonly LossSeriesPoint[] = [];
  /** How many points the last redraw saw (setData skips an unchanged history). */
  private drawnCount = -1;
  private readonly labels: LossChartLabels;

  constructor(scene: Phaser.Scene, id: string, rect: Rect, labels: LossChartLabels) {
    super(scene, id, rect);
    this.labels = { ...labels };
    this.graphics = this.track(scene.add.graphics());
    this.ticks = [0, 1, 2].map(() => this.track(scene.add.text(0, 0, '', TEXT.small).setOrigin(1, 0.5)));
    this.stepLabel = this.track(scene.add.text(0, 0, labels.step, TEXT.small).setOrigin(1, 0));
    this.legend = {
      total: this.track(scene.add.text(0, 0, labels.total, { ...TEXT.small, color: SERIES.total.css })),
      reconstruction: this.track(
        scene.add.text(0, 0, labels.reconstruction, { ...TEXT.small, color: SERIES.reconstruction.css }),
      ),
      kl: this.track(scene.add.text(0, 0, labels.kl, { ...TEXT.small, color: SERIES.kl.css })),
    };
    this.empty = this.track(
      scene.add.text(0, 0, labels.empty, { ...TEXT.bodyMuted, align: 'center' }).setOrigin(0.5, 0.5),
    );
    this.redraw();
  }

  setData(points: readonly LossSeriesPoint[]): this {
    // The level's and the Lab's histories grow in place: a new point or a new array is a change.
    if (points === this.points && points.length === this.drawnCount) return this;
    this.points = points;
    this.redraw();
    return this;
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    const plot = { x: x + PAD.left, y: y + PAD.top, w: width - PAD.left - PAD.right, h: height - PAD.top - PAD.bottom };
    const g = this.graphics.clear();
    const pts = this.points;
    this.drawnCount = pts.length;
    const sameAsTotal = pts.every((p) => Math.abs(p.total - p.reconstruction) <= 1e-7 * Math.max(1, Math.abs(p.total)));
    const present = KEYS.filter(
      (k) =>
        !(k === 'total' && sameAsTotal && pts.length > 0) &&
        pts.some((p) => Number.isFinite(p[k] ?? NaN) && (p[k] ?? 0) > 0),
    );
    const reconLabel = sameAsTotal && pts.length > 0 ? this.labels.reconstructionIsTotal : this.labels.reconstruction;
    if (this.legend.reconstruction.text !== reconLabel) this.legend.reconstruction.setText(reconLabel);

    // Legend, right-aligned above the plot.
    let lx = x + width - PAD.right;
    for (const k of [...KEYS].reverse()) {
      const label = this.legend[k];
      const show = present.includes(k) || (pts.length === 0 && k !== 'kl');
      label.setVisible(show);
      if (!show) continue;
      lx -= label.width;
      label.setPosition(lx, y + 6);
      g.fillStyle(SERIES[k].color, 1).fillRoundedRect(lx - 20, y + 14, 14, 4, 2);
      lx -= 36;
    }

    g.lineStyle(1, COLORS.axis, 1).strokeRect(plot.x, plot.y, plot.w, plot.h);
    fitText(this.empty, { width: Math.max(1, plot.w - 16), height: Math.max(1, plot.h - 8) }, true);
    this.empty.setPosition(plot.x + plot.w / 2, plot.y + plot.h / 2).setVisible(pts.length < 2);
    this.stepLabel.setPosition(plot.x + plot.w, plot.y + plot.h + 4).setVisible(pts.length >= 2);
    if (pts.length < 2) {
      for (const t of this.ticks) t.setVisible(false);
      return;
    }

    let lo = Infinity;
    let hi = -Infinity;
    for (const p of pts) {
      for (const k of present) {
        const v = p[k];
        if (v !== undefined && v > 0 && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    const logLo = Math.log10(lo) - 0.05;
    const logHi = Math.max(Math.log10(hi) + 0.05, logLo + 0.2);
    const s0 = pts[0].step;
    const s1 = Math.max(pts[pts.length - 1].step, s0 + 1);
    this.stepLabel.setText(`${this.labels.step} ${s1.toLocaleString()}`);
    const px = (step: number): number => plot.x + ((step - s0) / (s1 - s0)) * plot.w;
    const py = (v: number): number => plot.y + plot.h - ((Math.log10(v) - logLo) / (logHi - logLo)) * plot.h;

    this.ticks.forEach((t, i) => {
      const lv = logHi - ((logHi - logLo) * i) / (this.ticks.length - 1);
      const yy = plot.y + (plot.h * i) / (this.ticks.length - 1);
      if (i > 0 && i < this.ticks.length - 1)
        g.lineStyle(1, COLORS.gridLine, 1).lineBetween(plot.x + 1, yy, plot.x + plot.w - 1, yy);
      t.setText(fmt(10 ** lv))
        .setPosition(plot.x - 8, yy)
        .setVisible(true);
    });

    // At most about one point per two pixels of width: the Canvas renderer replays every path command on every
    // frame it draws, and a 600-point history is no clearer than 300 on a 600-pixel plot. The last point stays.
    const stride = Math.max(1, Math.ceil(pts.length / Math.max(2, plot.w / 2)));
    for (const k of present) {
      g.lineStyle(2, SERIES[k].color, 1);
      g.beginPath();
      let started = false;
      for (let i = 0; i < pts.length; i++) {
        if (i % stride !== 0 && i !== pts.length - 1) continue;
        const p = pts[i];
        const v = p[k];
        if (v === undefined || !(v > 0) || !Number.isFinite(v)) continue;
        const X = px(p.step);
        const Y = Math.min(plot.y + plot.h, Math.max(plot.y, py(v)));
        if (started) g.lineTo(X, Y);
        else g.moveTo(X, Y);
        started = true;
      }
      g.strokePath();
    }
  }
}
