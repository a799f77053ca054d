import type * as Phaser from 'phaser';
import { isTextEntry, type FocusManager } from './FocusManager';
import type { Focusable } from './Widget';
import type { Rect } from './theme';

export interface NavItem {
  item: Focusable;
  bounds(): Rect | null;
}

const DIRS: Record<string, { dx: number; dy: number }> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/**
 * Arrow keys move focus spatially between buttons and tiles (Tab still walks the order). A key the focused
 * widget used itself (a segmented control's arrows) is left alone: the FocusManager marks it defaultPrevented.
 */
export class ArrowNav {
  private readonly onKeyDown = (event: KeyboardEvent): void => this.onKey(event);

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly focus: FocusManager,
    private readonly items: NavItem[],
  ) {
    window.addEventListener('keydown', this.onKeyDown);
  }

  private onKey(event: KeyboardEvent): void {
    const dir = DIRS[event.key];
    if (!dir || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target))
      return;
    if (!this.scene.sys.isActive() || !this.scene.input.enabled) return;
    const current = this.focus.focused();
    const from = this.items.find((n) => n.item === current);
    if (!from) {
      const first = this.items.find((n) => n.item.canFocus());
      if (first) {
        this.focus.focus(first.item, true);
        event.preventDefault();
      }
      return;
    }
    const a = from.bounds();
    if (!a) return;
    const ax = a.x + a.width / 2;
    const ay = a.y + a.height / 2;
    let best: NavItem | null = null;
    let bestCost = Infinity;
    for (const n of this.items) {
      if (n === from || !n.item.canFocus()) continue;
      const b = n.bounds();
      if (!b) continue;
      const ddx = b.x + b.width / 2 - ax;
      const ddy = b.y + b.height / 2 - ay;
      const along = ddx * dir.dx + ddy * dir.dy;
      if (along <= 1) continue;
      const across = Math.abs(ddx * dir.dy) + Math.abs(ddy * dir.dx);
      const cost = along + 2 * across;
      if (cost < bestCost) {
        bestCost = cost;
        best = n;
      }
    }
    if (best) {
      this.focus.focus(best.item, true);
      event.preventDefault();
    }
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }
}
