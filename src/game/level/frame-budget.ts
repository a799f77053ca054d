/**
 * A frame's share of time for redrawing a level's widgets. The end of a run changes everything at once (the
 * result, the held-out images, the map, the chart's last points): drawn in one frame that took 50–80 ms on the
 * 2-core bench machine. A view redraws its parts in order of importance and, once the budget is spent, leaves the
 * rest for the next frame (Level.ts keeps the scene dirty until a redraw completes): two short frames instead of
 * one long one, the map shown a frame (16 ms) after the images.
 */

/** Milliseconds a frame may spend on a level's redraw before its remaining parts wait for the next frame. */
export const LEVEL_REDRAW_BUDGET_MS = 10;

export class FrameBudget {
  private readonly until: number;

  constructor(
    ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.until = now() + ms;
  }

  /** The frame's budget is used up: what is left waits for the next frame. */
  get spent(): boolean {
    return this.now() >= this.until;
  }
}
