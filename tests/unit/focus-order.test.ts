import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Phaser from 'phaser';
import { Emitter } from '../../src/game/emitter';
import { FocusManager } from '../../src/game/ui/FocusManager';
import type { BaseWidgetEvents, Focusable } from '../../src/game/ui/Widget';

/** A focusable with the widget's contract (pointer focus and destroy events), recording what the manager did. */
class Item implements Focusable {
  readonly events = new Emitter<BaseWidgetEvents>();
  focused = false;
  keys: string[] = [];
  constructor(readonly id: string) {}
  canFocus(): boolean {
    return true;
  }
  setFocused(focused: boolean): void {
    this.focused = focused;
  }
  handleKey(event: KeyboardEvent): boolean {
    this.keys.push(event.key);
    return true;
  }
  onPointerFocus(fn: () => void): () => void {
    return this.events.on('pointerfocus', fn);
  }
  onDestroy(fn: () => void): () => void {
    return this.events.on('destroyed', fn);
  }
  destroy(): void {
    this.events.emit('destroyed');
    this.events.removeAll();
  }
}

// FocusManager reads keys from `window` and the pointer from the scene's input: a plain event target and the
// three scene members it uses stand in for the browser and Phaser (the e2e tests drive the real ones).
const target = new EventTarget();
const scene = {
  sys: { isActive: () => true },
  input: { enabled: true, on: () => undefined, off: () => undefined },
} as unknown as Phaser.Scene;
const press = (key: string, shiftKey = false): void => {
  const event = new Event('keydown') as Event & { key: string; shiftKey: boolean };
  Object.assign(event, { key, shiftKey, altKey: false, ctrlKey: false, metaKey: false });
  target.dispatchEvent(event);
};

describe('FocusManager: a destroyed widget leaves the Tab order', () => {
  beforeEach(() => {
    (globalThis as { window?: unknown }).window = target;
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('Tab walks the widgets still alive; keys go to the focused one, not to a destroyed one', () => {
    const [a, b, c] = [new Item('a'), new Item('b'), new Item('c')];
    const focus = new FocusManager(scene).register(a, b, c);
    press('Tab');
    expect(focus.focused()).toBe(a);
    b.destroy();
    expect(focus.size).toBe(2);
    press('Tab');
    expect(focus.focused()).toBe(c);
    press('Enter');
    expect(c.keys).toEqual(['Enter']);
    press('Tab');
    expect(focus.focused()).toBe(a);
    expect(b.focused).toBe(false);
    focus.destroy();
  });

  it('destroying the focused widget leaves nothing focused; the next Tab starts again', () => {
    const [a, b] = [new Item('a'), new Item('b')];
    const focus = new FocusManager(scene).register(a, b);
    press('Tab');
    press('Tab');
    expect(focus.focused()).toBe(b);
    b.destroy();
    expect(focus.focused()).toBeNull();
    press('Enter');
    expect(b.keys).toEqual([]);
    press('Tab');
    expect(focus.focused()).toBe(a);
    focus.destroy();
  });

  it('an earlier widget destroyed keeps the focus on the same widget; a pointer still moves it', () => {
    const [a, b, c] = [new Item('a'), new Item('b'), new Item('c')];
    const focus = new FocusManager(scene).register(a, b, c);
    press('Tab');
    press('Tab');
    press('Tab');
    expect(focus.focused()).toBe(c);
    a.destroy();
    expect(focus.focused()).toBe(c);
    b.events.emit('pointerfocus');
    expect(focus.focused()).toBe(b);
    // After the manager is gone, its widgets' events reach nothing.
    focus.destroy();
    c.events.emit('pointerfocus');
    expect(focus.focused()).toBeNull();
    expect(c.events.listenerCount('destroyed')).toBe(0);
  });
});
