import type * as Phaser from 'phaser';
import type { Emitter } from '../emitter';
import { COLORS, FOCUS_WIDTH, RADIUS, type Rect } from './theme';
import { Widget, type Focusable, type WidgetEvents } from './Widget';

/**
 * Base of the widgets the keyboard reaches (FocusManager): the focus state and its ring (only after keyboard
 * use), hover, the press gesture (down then up on the widget) and Enter / Space, once for Button, LevelTile,
 * HintBox, Slider, SegmentedControl, CardDeck and LatentMap.
 * Subclasses say what a key does (`onKey`), what Enter / Space and a completed press do (`activate`), and what
 * to redraw when focus changes (`redrawFocus`, the whole widget by default).
 */
export abstract class FocusableWidget<E extends WidgetEvents = WidgetEvents> extends Widget<E> implements Focusable {
  protected focused = false;
  protected focusVisible = false;
  protected hover = false;
  protected pressed = false;

  canFocus(): boolean {
    return this.enabled;
  }

  setFocused(focused: boolean, visible: boolean): void {
    this.focused = focused;
    this.focusVisible = visible;
    this.redrawFocus();
  }

  /** The widget's own keys first (`onKey`: arrows…), then Enter and Space `activate` it. */
  handleKey(event: KeyboardEvent): boolean {
    if (this.onKey(event)) return true;
    if (event.key !== 'Enter' && event.key !== ' ') return false;
    this.activate();
    return true;
  }

  /** Keys other than Enter / Space; true when used. */
  protected onKey(_event: KeyboardEvent): boolean {
    return false;
  }

  /** Enter / Space while focused, and a completed press (`wirePress`). */
  protected activate(): void {}

  protected redrawFocus(): void {
    this.redraw();
  }

  /** True while the keyboard focus ring shows. */
  protected ringVisible(): boolean {
    return this.focused && this.focusVisible;
  }

  /** The focus ring `pad` pixels around `r`, when it shows. */
  protected drawFocusRing(g: Phaser.GameObjects.Graphics, r: Rect, pad = 3, radius = RADIUS + 3): void {
    if (!this.ringVisible()) return;
    g.lineStyle(FOCUS_WIDTH, COLORS.focus, 1).strokeRoundedRect(
      r.x - pad,
      r.y - pad,
      r.width + 2 * pad,
      r.height + 2 * pad,
      radius,
    );
  }

  /** Focus follows a pointer that presses the widget. */
  protected pointerFocus(): void {
    (this.events as unknown as Emitter<WidgetEvents>).emit('pointerfocus');
  }

  /** Hover highlight while the pointer is over `zone` (leaving also drops a press in progress). */
  protected wireHover(zone: Phaser.GameObjects.Zone): void {
    zone.on('pointerover', () => {
      this.hover = true;
      this.redraw();
    });
    zone.on('pointerout', () => {
      this.pressed = false;
      this.hover = false;
      this.redraw();
    });
  }

  /** A click or tap on `zone`: hover, focus on down, `activate()` on up when the press began here. */
  protected wirePress(zone: Phaser.GameObjects.Zone): void {
    this.wireHover(zone);
    zone.on('pointerdown', () => {
      if (!this.enabled) return;
      this.pressed = true;
      this.pointerFocus();
      this.redraw();
    });
    zone.on('pointerup', () => {
      const wasPressed = this.pressed;
      this.pressed = false;
      this.redraw();
      if (wasPressed && this.enabled) this.activate();
    });
  }
}
