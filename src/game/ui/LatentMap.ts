import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { FocusableWidget } from './FocusableWidget';
import { CLASS_COLORS, ClassLabels, PointLetters, classCss } from './latent-map-classes';
import { drawProbe, paintMapDots, PROBE_R } from './map-dots';
import { PaintedLayer } from './painted-layer';
import { COLORS, CSS, TEXT, type Rect } from './theme';

export { CLASS_COLORS };

export interface MapBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface MapPoints {
  /** count × 2 latent coordinates. */
  codes: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface LatentMapConfig extends Rect {
  id: string;
  bounds: MapBounds;
  classNames: readonly string[];
  /** Latent units an arrow key moves the probe (Shift: a fifth of it). */
  keyStep?: number;
  /** Draw the class legend under the plot (default true; a second map stacked above another may leave it out). */
  legend?: boolean;
  /** Draw the probe (default true; a map shown as a picture, with nothing to decode, leaves it out). */
  probe?: boolean;
}

/** A placed probe: a numbered ring (green when `good`), `tag` written after its number (e.g. the judge's digit). */
export interface PlacedMark {
  x: number;
  y: number;
  good: boolean;
  tag?: string;
}

/** An axis-aligned ellipse in latent units (e.g. the encoder's μ ± σ). */
export interface MapEllipse {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

type MapEvents = BaseWidgetEvents & {
  /** A press on the map (before the probe moves there): e.g. The path starts a new path where it is pressed. */
  press: [x: number, y: number];
  move: [x: number, y: number];
  commit: [x: number, y: number];
};

const LEGEND_H = 26;
const SWATCH_ROOM = 8;

/**
 * A 2-D latent map: the encoded test digits as dots coloured by class (legend underneath), and a probe the
 * player moves by dragging, clicking or tapping the map, or with the arrow keys when focused. 'move' fires on
 * every probe move (the scene decodes it, once per frame); 'commit' when a drag ends, on a click/tap, or on
 * Enter/Space (a probe "placed"). Placed probes stay as numbered rings. Test ids: map:area, map:probe.
 */
export class LatentMap extends FocusableWidget<MapEvents> {
  /** The still picture (backdrop, axes, dots, swatches): painted once per change, drawn as one image. */
  private readonly dots: PaintedLayer;
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly zone: Phaser.GameObjects.Zone;
  private readonly legend: Phaser.GameObjects.Text[];
  private readonly marks: Phaser.GameObjects.Text[] = [];
  private bounds: MapBounds;
  private readonly keyStepSet: number | undefined;
  private points: MapPoints | null = null;
  private probe: { x: number; y: number };
  private placed: PlacedMark[] = [];
  private path: readonly (readonly number[])[] = [];
  private pathColors: readonly number[] = [];
  private ellipse: MapEllipse | null = null;
  private dragging = false;
  private pointerDown = false;
  private readonly lettered: boolean;
  private readonly hasLegend: boolean;
  private readonly hasProbe: boolean;
  /** The classes' names, in label order (a map is reused for a new run only with the same ones). */
  readonly classNames: readonly string[];
  private readonly letters: PointLetters;
  /** Each class's name written in the middle of its dots (digit maps). */
  private readonly classLabels: ClassLabels;

  constructor(scene: Phaser.Scene, config: LatentMapConfig) {
    super(scene, config.id, config);
    this.bounds = { ...config.bounds };
    this.keyStepSet = config.keyStep;
    this.probe = { x: (config.bounds.xMin + config.bounds.xMax) / 2, y: (config.bounds.yMin + config.bounds.yMax) / 2 };
    this.dots = new PaintedLayer(scene, (ctx, origin) => this.paintDots(ctx, origin));
    this.track(this.dots.image);
    this.overlay = this.track(scene.add.graphics());
    // More classes than colours (26 letters): no legend; each point is drawn as its class name instead.
    this.lettered = config.classNames.length > CLASS_COLORS.length;
    this.classLabels = new ClassLabels(scene, this.lettered ? [] : config.classNames, (t) => this.track(t));
    this.hasLegend = !this.lettered && config.legend !== false;
    this.hasProbe = config.probe !== false;
    this.classNames = [...config.classNames];
    this.letters = new PointLetters(
      scene,
      this.classNames,
      (t) => this.track(t),
      this.lettered ? this.classNames.length : 0,
    );
    this.legend = (this.hasLegend ? config.classNames : []).map((name, i) =>
      this.track(
        scene.add.text(0, 0, name, { ...TEXT.small, fontStyle: 'bold', color: classCss(i) }).setOrigin(0, 0.5),
      ),
    );
    this.zone = this.track(scene.add.zone(0, 0, 1, 1).setOrigin(0, 0));
    this.zone.setInteractive({ draggable: true, useHandCursor: true });
    this.zone.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.pointerDown = true;
      this.pointerFocus();
      const l = this.toLatent(p.x, p.y);
      this.events.emit('press', this.clampX(l.x), this.clampY(l.y));
      this.moveToScreen(p.x, p.y);
    });
    this.zone.on('dragstart', () => {
      this.dragging = true;
    });
    this.zone.on('drag', (p: Phaser.Input.Pointer) => {
      if (this.enabled) this.moveToScreen(p.x, p.y);
    });
    this.zone.on('dragend', () => {
      this.dragging = false;
      this.pointerDown = false;
    });
    this.zone.on('pointerup', () => {
      this.pointerDown = false;
      if (this.enabled) this.events.emit('commit', this.probe.x, this.probe.y);
    });
    this.zone.on('pointerout', () => {
      if (!this.dragging) this.pointerDown = false;
    });
    this.redraw();
  }

  /** A pointer is down on the map (a press or a drag not yet released). */
  get held(): boolean {
    return this.pointerDown;
  }

  /** The plot area (the map without its legend), in game pixels. */
  area(): Rect {
    const { x, y, width, height } = this.rect;
    return { x, y, width, height: this.hasLegend ? height - LEGEND_H - 6 : height };
  }

  /** The test id (map:area, map:compare) is the plot area, where a tap moves the probe. */
  protected override testBounds(): Rect | null {
    return this.shown ? this.area() : null;
  }

  /** Extra height the legend takes under the plot. */
  static legendHeight(classes: number): number {
    return classes > CLASS_COLORS.length ? 0 : LEGEND_H + 6;
  }

  override setVisible(visible: boolean): this {
    this.shown = visible;
    super.setVisible(visible);
    if (visible) this.redraw();
    return this;
  }

  isShown(): boolean {
    return this.shown;
  }

  getProbe(): { x: number; y: number } {
    return { ...this.probe };
  }

  /** Bounds of the probe's handle (for the tests' uiBounds). */
  probeBounds(): Rect {
    const s = this.toScreen(this.probe.x, this.probe.y);
    return { x: s.x - PROBE_R, y: s.y - PROBE_R, width: 2 * PROBE_R, height: 2 * PROBE_R };
  }

  setPoints(points: MapPoints | null): this {
    this.points = points;
    this.drawDots();
    return this;
  }

  /** A new map in this widget (a new run's codes): its bounds and dots, the probe back in the middle, no marks. */
  reset(bounds: MapBounds, points: MapPoints | null): this {
    this.points = points;
    this.placed = [];
    this.path = [];
    this.ellipse = null;
    this.probe = { x: (bounds.xMin + bounds.xMax) / 2, y: (bounds.yMin + bounds.yMax) / 2 };
    return this.setBounds(bounds);
  }

  setBounds(bounds: MapBounds): this {
    this.bounds = { ...bounds };
    this.redraw();
    return this;
  }

  /** Moves the probe without emitting (the session is the source of truth). */
  setProbe(x: number, y: number): this {
    this.probe = { x: this.clampX(x), y: this.clampY(y) };
    this.drawOverlay();
    return this;
  }

  /** Placed probes (numbered rings; `good` ones drawn green; a tag after the number). */
  setPlaced(placed: readonly PlacedMark[]): this {
    this.placed = placed.map((p) => ({ ...p }));
    this.drawOverlay();
    return this;
  }

  /** A drawn path (latent points joined by lines, a dot at each step; `colors`: one fill per step). */
  setPath(points: readonly (readonly number[])[], colors: readonly number[] = []): this {
    this.path = points.map((p) => [...p]);
    this.pathColors = [...colors];
    this.drawOverlay();
    return this;
  }

  /** An ellipse drawn on the map (null: none), e.g. μ ± σ of an encoding or a draw. */
  setEllipse(ellipse: MapEllipse | null): this {
    this.ellipse = ellipse && { ...ellipse };
    this.drawOverlay();
    return this;
  }

  toScreen(lx: number, ly: number): { x: number; y: number } {
    const a = this.area();
    const b = this.bounds;
    return {
      x: a.x + ((lx - b.xMin) / (b.xMax - b.xMin)) * a.width,
      y: a.y + a.height - ((ly - b.yMin) / (b.yMax - b.yMin)) * a.height,
    };
  }

  toLatent(sx: number, sy: number): { x: number; y: number } {
    const a = this.area();
    const b = this.bounds;
    return {
      x: b.xMin + ((sx - a.x) / a.width) * (b.xMax - b.xMin),
      y: b.yMin + ((a.y + a.height - sy) / a.height) * (b.yMax - b.yMin),
    };
  }

  override destroy(): void {
    this.dots.destroy();
    super.destroy();
  }

  override canFocus(): boolean {
    return this.enabled && this.shown;
  }

  protected override redrawFocus(): void {
    this.drawOverlay();
  }

  /** The arrows move the probe (Shift: finer); Enter / Space place it. */
  protected override onKey(event: KeyboardEvent): boolean {
    const unit = this.keyStepSet ?? (this.bounds.xMax - this.bounds.xMin) / 40;
    const step = event.shiftKey ? unit / 5 : unit;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[event.key];
    if (!m) return false;
    if (this.enabled) this.moveTo(this.probe.x + m[0], this.probe.y + m[1]);
    return true;
  }

  protected override activate(): void {
    if (this.enabled) this.events.emit('commit', this.probe.x, this.probe.y);
  }

  private clampX(v: number): number {
    return Math.min(this.bounds.xMax, Math.max(this.bounds.xMin, v));
  }

  private clampY(v: number): number {
    return Math.min(this.bounds.yMax, Math.max(this.bounds.yMin, v));
  }

  private moveToScreen(sx: number, sy: number): void {
    const l = this.toLatent(sx, sy);
    this.moveTo(l.x, l.y);
  }

  private moveTo(x: number, y: number): void {
    const next = { x: this.clampX(x), y: this.clampY(y) };
    if (next.x === this.probe.x && next.y === this.probe.y) return;
    this.probe = next;
    this.drawOverlay();
    this.events.emit('move', next.x, next.y);
  }

  protected redraw(): void {
    const a = this.area();
    this.zone.setPosition(a.x, a.y).setSize(a.width, a.height);
    // Legend: one coloured label per class, spread along the bottom.
    const n = this.legend.length;
    const cell = this.rect.width / Math.max(1, n);
    this.legend.forEach((t, i) =>
      t.setPosition(Math.round(this.rect.x + i * cell + cell / 2 - 2), this.rect.y + this.rect.height - LEGEND_H / 2),
    );
    this.drawDots();
    this.drawOverlay();
  }

  /** The dots' picture is painted before the next draw; the texts that go with it are placed now. */
  private drawDots(): void {
    // Room for the legend's first swatch, which reaches left of a narrow map (Two forces' columns).
    this.dots.place(this.rect, SWATCH_ROOM);
    const a = this.area();
    const p = this.points;
    this.letters.draw(this.lettered ? p : null, this.shown, (x, y) => this.toScreen(x, y));
    this.classLabels.draw(this.lettered ? null : p, a, this.shown, (x, y) => this.toScreen(x, y));
  }

  private paintDots(ctx: CanvasRenderingContext2D, origin: { x: number; y: number }): void {
    const n = this.legend.length;
    paintMapDots(ctx, origin, {
      area: this.area(),
      points: this.lettered ? null : this.points,
      toScreen: (x, y) => this.toScreen(x, y),
      swatches: {
        count: n,
        left: this.rect.x,
        cell: this.rect.width / Math.max(1, n),
        y: this.rect.y + this.rect.height - LEGEND_H / 2,
      },
    });
  }

  private drawOverlay(): void {
    const g = this.overlay.clear();
    if (this.path.length > 0) {
      g.lineStyle(3, COLORS.focus, 0.9).beginPath();
      this.path.forEach((p, i) => {
        const s = this.toScreen(p[0], p[1]);
        if (i === 0) g.moveTo(s.x, s.y);
        else g.lineTo(s.x, s.y);
      });
      g.strokePath();
      this.path.forEach((p, i) => {
        const s = this.toScreen(p[0], p[1]);
        const color = this.pathColors[i];
        g.fillStyle(color ?? 0xffffff, 1).fillCircle(s.x, s.y, color === undefined ? 2.5 : 4);
      });
    }
    if (this.ellipse) {
      const e = this.ellipse;
      const c = this.toScreen(e.x, e.y);
      const r = this.toScreen(e.x + e.rx, e.y + e.ry);
      const w = Math.max(4, 2 * Math.abs(r.x - c.x));
      const h = Math.max(4, 2 * Math.abs(r.y - c.y));
      g.fillStyle(COLORS.focus, 0.12).fillEllipse(c.x, c.y, w, h);
      g.lineStyle(2, COLORS.focus, 0.9).strokeEllipse(c.x, c.y, w, h);
      g.fillStyle(COLORS.focus, 1).fillCircle(c.x, c.y, 3);
    }
    this.placed.forEach((m, i) => {
      const s = this.toScreen(m.x, m.y);
      g.lineStyle(2, m.good ? COLORS.success : 0xffffff, 0.9).strokeCircle(s.x, s.y, 6);
      let label = this.marks[i];
      if (!label) {
        label = this.scene.add.text(0, 0, '', { ...TEXT.small, fontSize: '11px', color: CSS.text }).setOrigin(0, 1);
        this.marks.push(this.track(label));
      }
      label
        .setText(m.tag ? `${i + 1}: ${m.tag}` : String(i + 1))
        .setPosition(s.x + 6, s.y - 4)
        .setVisible(this.shown);
    });
    for (let i = this.placed.length; i < this.marks.length; i++) this.marks[i].setVisible(false);
    this.drawFocusRing(g, this.area());
    if (!this.hasProbe) return;
    drawProbe(g, this.toScreen(this.probe.x, this.probe.y), this.dragging);
  }
}
