import type * as Phaser from 'phaser';
import type { BaseWidgetEvents } from './Widget';
import { FocusableWidget } from './FocusableWidget';
import { COLORS, FOCUS_WIDTH, type Rect } from './theme';

export interface SliderConfig extends Rect {
  id: string;
  min: number;
  max: number;
  step: number;
  value: number;
}

type SliderEvents = BaseWidgetEvents & { change: [value: number] };

const THUMB_RADIUS = 10;

/**
 * A horizontal slider: drag or tap the track, or use arrows (one step), PageUp/PageDown (a tenth of the
 * range) and Home/End. Emits 'change' with the snapped value whenever it changes.
 */
export class Slider extends FocusableWidget<SliderEvents> {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly zone: Phaser.GameObjects.Zone;
  private readonly min: number;
  private readonly max: number;
  private readonly step: number;
  private value: number;
  private dragging = false;

  constructor(scene: Phaser.Scene, config: SliderConfig) {
    super(scene, config.id, config);
    this.min = config.min;
    this.max = config.max;
    this.step = config.step;
    this.value = this.snap(config.value);
    this.graphics = this.track(scene.add.graphics());
    this.zone = this.track(scene.add.zone(config.x, config.y, config.width, config.height).setOrigin(0, 0));
    this.zone.setInteractive({ draggable: true, useHandCursor: true });
    this.wireHover(this.zone);
    this.zone.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      if (!this.enabled) return;
      this.pointerFocus();
      this.setFromX(pointer.x);
    });
    this.zone.on('dragstart', () => {
      this.dragging = true;
      this.redraw();
    });
    this.zone.on('drag', (pointer: Phaser.Input.Pointer) => {
      if (this.enabled) this.setFromX(pointer.x);
    });
    this.zone.on('dragend', () => {
      this.dragging = false;
      this.redraw();
    });
    this.redraw();
  }

  getValue(): number {
    return this.value;
  }

  /** Sets the value without emitting 'change' (the store is the source of truth). */
  setValue(value: number): this {
    const v = this.snap(value);
    if (v !== this.value) {
      this.value = v;
      this.redraw();
    }
    return this;
  }

  /** Arrows, PageUp/PageDown, Home/End; Enter and Space are not a slider's keys. */
  override handleKey(event: KeyboardEvent): boolean {
    const big = Math.max(this.step, Math.round((this.max - this.min) / 10 / this.step) * this.step);
    const moves: Record<string, number> = {
      ArrowLeft: -this.step,
      ArrowDown: -this.step,
      ArrowRight: this.step,
      ArrowUp: this.step,
      PageDown: -big,
      PageUp: big,
      Home: -Infinity,
      End: Infinity,
    };
    const delta = moves[event.key];
    if (delta === undefined) return false;
    if (this.enabled) this.commit(Number.isFinite(delta) ? this.value + delta : delta < 0 ? this.min : this.max);
    return true;
  }

  private snap(value: number): number {
    const clamped = Math.min(this.max, Math.max(this.min, value));
    const steps = Math.round((clamped - this.min) / this.step);
    // Round away float noise (0.1 + 0.2) so labels and the store see clean numbers.
    return Number((this.min + steps * this.step).toFixed(6));
  }

  private commit(value: number): void {
    const v = this.snap(value);
    if (v === this.value) return;
    this.value = v;
    this.redraw();
    this.events.emit('change', v);
  }

  private trackSpan(): { left: number; right: number } {
    return { left: this.rect.x + THUMB_RADIUS, right: this.rect.x + this.rect.width - THUMB_RADIUS };
  }

  private setFromX(x: number): void {
    const { left, right } = this.trackSpan();
    const f = Math.min(1, Math.max(0, (x - left) / (right - left)));
    this.commit(this.min + f * (this.max - this.min));
  }

  protected redraw(): void {
    const { x, y, width, height } = this.rect;
    this.zone.setPosition(x, y).setSize(width, height);
    const { left, right } = this.trackSpan();
    const cy = y + height / 2;
    const f = this.max > this.min ? (this.value - this.min) / (this.max - this.min) : 0;
    const tx = left + f * (right - left);
    const g = this.graphics.clear();
    const on = this.enabled;
    g.fillStyle(COLORS.surface, 1).fillRoundedRect(left, cy - 3, right - left, 6, 3);
    g.fillStyle(on ? COLORS.accent : COLORS.axis, 1).fillRoundedRect(left, cy - 3, Math.max(6, tx - left), 6, 3);
    const r = this.dragging || this.hover ? THUMB_RADIUS + 1 : THUMB_RADIUS;
    g.fillStyle(on ? 0xffffff : COLORS.axis, 1).fillCircle(tx, cy, r);
    g.lineStyle(3, on ? COLORS.accent : COLORS.surfaceDisabled, 1).strokeCircle(tx, cy, r);
    if (this.ringVisible()) g.lineStyle(FOCUS_WIDTH, COLORS.focus, 1).strokeCircle(tx, cy, r + 5);
    if (this.zone.input) this.zone.input.cursor = on ? 'pointer' : 'default';
  }
}
