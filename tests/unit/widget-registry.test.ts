/**
 * The registry widgets fill themselves (src/game/ui/widget-ids.ts): a widget unregisters its id on destroy, but
 * only while the id is still its own (a newer widget, or a more specific entry like a deck's card cell, that
 * took the same id keeps it); a fixed (HUD) id stays unscrolled until it is dropped.
 */
import { describe, expect, it } from 'vitest';
import { ScrolledRegistry } from '../../src/game/ui/camera-scroll';
import { WidgetRegistry } from '../../src/game/ui/WidgetRegistry';

const box = (y: number) => () => ({ x: 10, y, width: 20, height: 30 });

describe('WidgetRegistry', () => {
  it('unregisters an id only for the entry that registered it, keeping the first position', () => {
    const registry = new WidgetRegistry();
    const older = box(1);
    const newer = box(2);
    registry.register('card:0', older);
    registry.register('card:1', box(3));
    registry.register('card:0', newer);
    expect(registry.ids()).toEqual(['card:0', 'card:1']);
    registry.unregister('card:0', older);
    expect(registry.bounds('card:0')?.y).toBe(2);
    registry.unregister('card:0', newer);
    expect(registry.bounds('card:0')).toBeNull();
    expect(registry.ids()).toEqual(['card:1']);
  });

  it('keeps a fixed id unscrolled and forgets that it was fixed once it is gone', () => {
    const camera = { scrollX: 0, scrollY: 100 } as ConstructorParameters<typeof ScrolledRegistry>[0];
    const registry = new ScrolledRegistry(camera);
    const hint = box(700);
    registry.register('hud:hint', hint, true);
    expect(registry.bounds('hud:hint')?.y).toBe(700);
    registry.unregister('hud:hint', hint);
    expect(registry.bounds('hud:hint')).toBeNull();
    registry.register('hud:hint', box(700));
    expect(registry.bounds('hud:hint')?.y).toBe(600);
  });
});
