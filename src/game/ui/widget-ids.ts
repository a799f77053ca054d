/**
 * Stable test ids without manual bookkeeping: a scene binds its WidgetRegistry once, first thing in `create`
 * (`bindWidgetIds(scene, registry)`; the meta screens' `beginScreen` does it), and from then on every widget
 * built in that scene registers its own id (Widget's constructor) and unregisters it on destroy. A plain game
 * object (a text, an area of a drawing) gets an id with `withId`. Only the test build binds anything
 * (`__LQ_TEST_HOOKS__`): in the shipped game nothing registers.
 */
import type * as Phaser from 'phaser';
import type { Rect } from './theme';
import type { BoundsFn, WidgetRegistry } from './WidgetRegistry';

interface Binding {
  registry: WidgetRegistry;
  fixed: boolean;
}

const bindings = new WeakMap<Phaser.Scene, Binding>();

/**
 * Widgets built in `scene` from now on register in `registry`. `fixed`: the scene is drawn over a scrolled
 * scene's registry and does not scroll itself (the level's HUD over the Level's ScrolledRegistry).
 */
export function bindWidgetIds(scene: Phaser.Scene, registry: WidgetRegistry, options: { fixed?: boolean } = {}): void {
  // `typeof`: Node (unit tests) has no build flag.
  if (typeof __LQ_TEST_HOOKS__ !== 'undefined' && __LQ_TEST_HOOKS__)
    bindings.set(scene, { registry, fixed: options.fixed ?? false });
}

/** Registers `id` in the registry bound to `scene` (nothing when none is); returns the undo. */
export function registerId(scene: Phaser.Scene, id: string, bounds: BoundsFn): () => void {
  const binding = bindings.get(scene);
  if (!binding || !id) return () => {};
  binding.registry.register(id, bounds, binding.fixed);
  return () => binding.registry.unregister(id, bounds);
}

type Bounded = Phaser.GameObjects.GameObject & {
  visible: boolean;
  getBounds(): { x: number; y: number; width: number; height: number };
};

/**
 * Gives a plain game object a stable id (its bounds; null while hidden), gone with the object. Returns the
 * object, so it can wrap the `scene.add…` call that makes it.
 */
export function withId<T extends Bounded>(id: string, object: T): T {
  const off = registerId(object.scene, id, (): Rect | null => {
    if (!object.visible) return null;
    const b = object.getBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
  });
  object.once('destroy', off);
  return object;
}
