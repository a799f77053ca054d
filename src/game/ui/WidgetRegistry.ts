import type { Rect } from './theme';

/** Stable widget ids → their current bounds in game pixels (the tests' `uiBounds` reads this). */
export class WidgetRegistry {
  private readonly entries = new Map<string, () => Rect | null>();

  register(id: string, bounds: () => Rect | null): void {
    this.entries.set(id, bounds);
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
