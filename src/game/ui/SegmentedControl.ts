import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { fitText } from './fit-text';
import { FocusableWidget } from './FocusableWidget';
import { COLORS, CSS, RADIUS, TEXT, type Rect } from './theme';
import { playSfx } from '../audio/sfx';
import { setTextColor } from './text-color';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

export interface SegmentedControlConfig<T extends string> extends Rect {
  /** Prefix of the option ids: option `v` is `${idPrefix}:${v}`. */
  idPrefix: string;
  options: readonly SegmentOption<T>[];
  value: T;
  /** Options per row (wraps into rows); defaults to all in one row. */
  columns?: number;
  gap?: number;
}

type SegmentEvents<T extends string> = BaseWidgetEvents & { change: [value: T] };

interface Segment<T extends string> {
  option: SegmentOption<T>;
  zone: Phaser.GameObjects.Zone;
  text: Phaser.GameObjects.Text;
  rect: Rect;
  hover: boolean;
}

/**
 * One choice out of a few (a radio group): click/tap an option, or focus the group and use the arrows
 * (selection follows the arrows, as in native radio groups). Emits 'change'.
 */
export class SegmentedControl<T extends string> extends FocusableWidget<SegmentEvents<T>> {
  readonly idPrefix: string;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly segments: Segment<T>[];
  private readonly columns: number;
  private readonly gap: number;
  private value: T;

  constructor(scene: Phaser.Scene, config: SegmentedControlConfig<T>) {
    super(scene, `${config.idPrefix}:${config.value}`, config);
    this.idPrefix = config.idPrefix;
    this.value = config.value;
    this.columns = Math.max(1, Math.min(config.columns ?? config.options.length, config.options.length));
    this.gap = config.gap ?? 6;
    this.graphics = this.track(scene.add.graphics());
    this.segments = config.options.map((option) => {
      const zone = this.track(scene.add.zone(0, 0, 1, 1).setOrigin(0, 0));
      zone.setInteractive({ useHandCursor: true });
      const text = this.track(
        scene.add.text(0, 0, option.label, { ...TEXT.button, fontSize: '15px', align: 'center' }).setOrigin(0.5, 0.5),
      );
      const seg: Segment<T> = { option, zone, text, rect: { x: 0, y: 0, width: 0, height: 0 }, hover: false };
      zone.on('pointerover', () => {
        seg.hover = true;
        this.redraw();
      });
      zone.on('pointerout', () => {
        seg.hover = false;
        this.redraw();
      });
      zone.on('pointerdown', () => {
        if (!this.enabled) return;
        this.pointerFocus();
        this.select(option.value);
      });
      return seg;
    });
    // Test ids are per option (`${idPrefix}:${value}`); the one of the initial value replaces the widget's own id.
    for (const seg of this.segments)
      this.registerTestId(`${this.idPrefix}:${seg.option.value}`, () =>
        this.shown ? this.optionBounds(seg.option.value) : null,
      );
    this.redraw();
  }

  getValue(): T {
    return this.value;
  }

  /** Sets the selection without emitting 'change'. */
  setValue(value: T): this {
    if (value !== this.value) {
      this.value = value;
      this.redraw();
    }
    return this;
  }

  optionIds(): string[] {
    return this.segments.map((s) => `${this.idPrefix}:${s.option.value}`);
  }

  optionBounds(value: string): Rect | null {
    const seg = this.segments.find((s) => s.option.value === value);
    return seg ? { ...seg.rect } : null;
  }

  /** Arrows move the selection (wrapping left/right), Home/End jump; Enter and Space are used but do nothing. */
  protected override onKey(event: KeyboardEvent): boolean {
    const n = this.segments.length;
    const i = this.segments.findIndex((s) => s.option.value === this.value);
    const moves: Record<string, number> = {
      ArrowLeft: i - 1,
      ArrowRight: i + 1,
      ArrowUp: i - this.columns,
      ArrowDown: i + this.columns,
      Home: 0,
      End: n - 1,
    };
    let next = moves[event.key];
    if (next === undefined) return false;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') next = (next + n) % n;
    else next = Math.min(n - 1, Math.max(0, next));
    if (this.enabled) this.select(this.segments[next].option.value);
    return true;
  }

  private select(value: T): void {
    if (value === this.value) return;
    this.value = value;
    this.redraw();
    playSfx('click');
    this.events.emit('change', value);
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    const rows = Math.ceil(this.segments.length / this.columns);
    const cellW = (width - this.gap * (this.columns - 1)) / this.columns;
    const cellH = (height - this.gap * (rows - 1)) / rows;
    const g = this.graphics.clear();
    this.segments.forEach((seg, i) => {
      const col = i % this.columns;
      const row = Math.floor(i / this.columns);
      seg.rect = {
        x: Math.round(x + col * (cellW + this.gap)),
        y: Math.round(y + row * (cellH + this.gap)),
        width: Math.round(cellW),
        height: Math.round(cellH),
      };
      const r = seg.rect;
      const selected = seg.option.value === this.value;
      let fill: number = selected
        ? seg.hover
          ? COLORS.selectedHover
          : COLORS.selected
        : seg.hover
          ? COLORS.surfaceHover
          : COLORS.surface;
      if (!this.enabled) fill = selected ? COLORS.surfaceHover : COLORS.surfaceDisabled;
      g.fillStyle(fill, 1).fillRoundedRect(r.x, r.y, r.width, r.height, RADIUS);
      if (!selected)
        g.lineStyle(1, COLORS.panelBorder, 1).strokeRoundedRect(
          r.x + 0.5,
          r.y + 0.5,
          r.width - 1,
          r.height - 1,
          RADIUS,
        );
      seg.zone.setPosition(r.x, r.y).setSize(r.width, r.height);
      if (seg.zone.input) seg.zone.input.cursor = this.enabled ? 'pointer' : 'default';
      fitText(seg.text, { width: Math.max(1, r.width - 12), height: Math.max(1, r.height - 4) });
      seg.text.setPosition(r.x + r.width / 2, r.y + r.height / 2);
      setTextColor(seg.text, !this.enabled ? CSS.disabled : selected ? '#ffffff' : CSS.text);
      if (selected) this.drawFocusRing(g, r);
    });
  }
}
