import type { Rect } from './theme';

export type BoundsFn = () => Rect | null;

/**
 * Stable widget ids → their current bounds in game pixels (the tests' `uiBounds` reads this). Widgets fill it
 * themselves (see widget-ids.ts); `register` stays for ids that follow a view's state rather than one widget (through `registerId`).
 */
export class WidgetRegistry {
  private readonly entries = new Map<string, BoundsFn>();

  /** `fixed`: drawn by a scene over a scrolled one that does not scroll itself (see ScrolledRegistry). */
  register(id: string, bounds: BoundsFn, _fixed = false): void {
    this.entries.set(id, bounds);
  }

  /** Removes `id` if it still maps to `bounds` (a newer widget that took the same id keeps it). */
  unregister(id: string, bounds: BoundsFn): void {
    if (this.entries.get(id) === bounds) this.entries.delete(id);
  }

  bounds(id: string): Rect | null {
    return this.entries.get(id)?.() ?? null;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  clear(): void {
    this.entries.clear();
  }
}
