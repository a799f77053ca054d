import type * as Phaser from 'phaser';
import type { Focusable } from './Widget';

/**
 * Keyboard focus for a scene: Tab / Shift+Tab walk the registered widgets in order, other keys go to the
 * focused one. The ring shows only after keyboard use (like :focus-visible). One keydown listener and one
 * pointerdown listener for the scene, removed by `destroy()`.
 * Keys are handled from the DOM event itself rather than Phaser's per-frame key queue: every press is
 * handled once, in order, at once (fast typists and test drivers press faster than frames), and a handled
 * key's default action (Tab leaving the canvas, Space scrolling) is prevented on the real event.
 */
export class FocusManager {
  private readonly items: Focusable[] = [];
  /** Per item (same order): what `register` subscribed to. */
  private readonly unsubscribers: (() => void)[][] = [];
  private index = -1;
  private visible = false;

  private readonly onKeyDown = (event: KeyboardEvent): void => this.onKey(event);

  constructor(private readonly scene: Phaser.Scene) {
    window.addEventListener('keydown', this.onKeyDown);
    scene.input.on('pointerdown', this.onPointer, this);
  }

  register(...items: Focusable[]): this {
    for (const item of items) {
      this.items.push(item);
      this.unsubscribers.push([
        item.onPointerFocus(() => this.focus(item, false)),
        item.onDestroy(() => this.unregister(item)),
      ]);
    }
    return this;
  }

  /** Takes `item` out of the order (a destroyed widget leaves by itself); the focus stays where it was, if not on it. */
  unregister(item: Focusable): void {
    const i = this.items.indexOf(item);
    if (i < 0) return;
    this.items.splice(i, 1);
    for (const off of this.unsubscribers.splice(i, 1)[0]) off();
    if (i === this.index) this.index = -1;
    else if (i < this.index) this.index--;
  }

  /** How many widgets take part in the Tab order (destroyed ones have left it). */
  get size(): number {
    return this.items.length;
  }

  focused(): Focusable | null {
    return this.items[this.index] ?? null;
  }

  focus(item: Focusable, visible = true): void {
    const next = this.items.indexOf(item);
    if (next < 0) return;
    const prev = this.items[this.index];
    this.visible = visible;
    if (prev && prev !== item) prev.setFocused(false, false);
    this.index = next;
    item.setFocused(true, visible);
  }

  private move(direction: 1 | -1): void {
    const n = this.items.length;
    for (let k = 1; k <= n; k++) {
      const i = ((((this.index < 0 && direction < 0 ? 0 : this.index) + direction * k) % n) + n) % n;
      if (this.items[i].canFocus()) {
        this.focus(this.items[i], true);
        return;
      }
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.scene.sys.isActive() || !this.scene.input.enabled || event.altKey || event.ctrlKey || event.metaKey)
      return;
    // Typing in a text field (the join form): its keys are the field's, Tab included.
    if (isTextEntry(event.target)) return;
    if (event.key === 'Tab') {
      event.preventDefault();
      this.move(event.shiftKey ? -1 : 1);
      return;
    }
    const item = this.focused();
    if (!item || !item.canFocus()) return;
    if (!this.visible) {
      this.visible = true;
      item.setFocused(true, true);
    }
    if (item.handleKey(event)) event.preventDefault();
  }

  private onPointer(): void {
    // Mouse/touch use hides the ring until the keyboard is used again.
    if (!this.visible) return;
    this.visible = false;
    this.focused()?.setFocused(true, false);
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    this.scene.input.off('pointerdown', this.onPointer, this);
    for (const offs of this.unsubscribers.splice(0)) for (const off of offs) off();
    this.items.length = 0;
  }
}

/** True for an <input>, <textarea> or contenteditable element: keys typed there are not game keys. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable;
}
