import type * as Phaser from 'phaser';
import { Emitter, type EventMap } from '../emitter';
import type { Rect } from './theme';
import { registerId } from './widget-ids';

/** Keyboard focus contract, used by FocusManager. */
export interface Focusable {
  /** Stable id (also the test id of the widget or of its first option). */
  readonly id: string;
  canFocus(): boolean;
  /** `visible`: draw the focus ring (keyboard use), not on mouse/touch. */
  setFocused(focused: boolean, visible: boolean): void;
  /** Returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean;
  /** Fires when a pointer presses the widget, so focus follows the pointer. */
  onPointerFocus(fn: () => void): () => void;
  /** Fires once when the widget is destroyed (a focus order drops it). */
  onDestroy(fn: () => void): () => void;
}

/** The events every widget has; a widget's own event type is `BaseWidgetEvents & { …its own }`. */
export type BaseWidgetEvents = { pointerfocus: []; destroyed: [] };
export type WidgetEvents = EventMap & BaseWidgetEvents;

/**
 * Base of every widget: plain data in, typed events out (`events`), absolute layout through `layout(rect)`
 * so a scene can place it for landscape or portrait. Listeners live on the widget's own game objects, wired
 * once in the constructor and gone with `destroy()`.
 * Its `id` is its stable test id: built in a scene with a bound registry (widget-ids.ts), the widget registers
 * it (bounds from `testBounds`, null while hidden) and unregisters it on destroy.
 */
export abstract class Widget<E extends WidgetEvents = WidgetEvents> {
  readonly events = new Emitter<E>();
  protected rect: Rect;
  protected enabled = true;
  /** False after `setVisible(false)`: the widget is not on screen. */
  protected shown = true;
  protected readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly unregister: (() => void)[] = [];
  private aliasOff: (() => void) | null = null;

  protected constructor(
    protected readonly scene: Phaser.Scene,
    readonly id: string,
    rect: Rect,
  ) {
    this.rect = { ...rect };
    this.registerTestId(id, () => this.testBounds());
  }

  getBounds(): Rect {
    return { ...this.rect };
  }

  layout(rect: Rect): this {
    this.rect = { ...rect };
    this.redraw();
    return this;
  }

  setEnabled(enabled: boolean): this {
    if (enabled === this.enabled) return this;
    this.enabled = enabled;
    this.redraw();
    return this;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  setVisible(visible: boolean): this {
    this.shown = visible;
    for (const o of this.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(visible);
    return this;
  }

  /**
   * A second test id for what the widget shows now (a class list row's Play button is also
   * `class:play:<levelId>` while it shows that level); null drops it.
   */
  setAlias(id: string | null): this {
    this.aliasOff?.();
    this.aliasOff = id ? registerId(this.scene, id, () => this.testBounds()) : null;
    return this;
  }

  onPointerFocus(fn: () => void): () => void {
    return this.events.on('pointerfocus', fn as never);
  }

  onDestroy(fn: () => void): () => void {
    return this.events.on('destroyed', fn as never);
  }

  /** Where the tests find the widget: its bounds, or null while it is not on screen. */
  protected testBounds(): Rect | null {
    return this.shown ? this.getBounds() : null;
  }

  /** Registers another test id of this widget (an option, a card), dropped on destroy. */
  protected registerTestId(id: string, bounds: () => Rect | null): void {
    this.unregister.push(registerId(this.scene, id, bounds));
  }

  protected track<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.objects.push(object);
    return object;
  }

  protected abstract redraw(): void;

  destroy(): void {
    for (const off of this.unregister.splice(0)) off();
    this.setAlias(null);
    (this.events as unknown as Emitter<WidgetEvents>).emit('destroyed');
    this.events.removeAll();
    for (const o of this.objects.splice(0)) o.destroy();
  }
}
