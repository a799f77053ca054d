import type * as Phaser from 'phaser';
import { Emitter, type EventMap } from '../emitter';
import type { Rect } from './theme';

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
}

export type WidgetEvents = EventMap & { pointerfocus: [] };

/**
 * Base of every widget: plain data in, typed events out (`events`), absolute layout through `layout(rect)`
 * so a scene can place it for landscape or portrait. Listeners live on the widget's own game objects, wired
 * once in the constructor and gone with `destroy()`.
 */
export abstract class Widget<E extends WidgetEvents = WidgetEvents> {
  readonly events = new Emitter<E>();
  protected rect: Rect;
  protected enabled = true;
  protected readonly objects: Phaser.GameObjects.GameObject[] = [];

  protected constructor(
    protected readonly scene: Phaser.Scene,
    readonly id: string,
    rect: Rect,
  ) {
    this.rect = { ...rect };
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
    for (const o of this.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(visible);
    return this;
  }

  onPointerFocus(fn: () => void): () => void {
    return this.events.on('pointerfocus', fn as never);
  }

  protected track<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.objects.push(object);
    return object;
  }

  protected abstract redraw(): void;

  destroy(): void {
    this.events.removeAll();
    for (const o of this.objects.splice(0)) o.destroy();
  }
}
