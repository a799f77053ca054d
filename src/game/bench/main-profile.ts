/**
 * Main-thread profile for `npm run bench` (test build only): where a level scene's frames go while it trains.
 * Long tasks (PerformanceObserver 'longtask', ≥ 50 ms), also by the session's status when each began (preparing: the
 * model being built; training; measuring; done: the result card), the time Phaser spends per step (update + render,
 * from PRE_STEP to POST_RENDER, emitted whether or not the step drew), how many steps actually drew and what the
 * drawing ones spent in Phaser's render (the JS half; the 2D canvas is rasterised after it), the synchronous cost
 * of each progress event (the session's `changed()`: every listener) and the redraw parts the Level scene, its
 * views and the HUD time (`timed()`, src/game/render-timing.ts: e.g. `view`, `view:chart`, `runCard`, `hud:meter`).
 */
import * as Phaser from 'phaser';
import type { LevelSession } from '../level/shell/level-session';
import { setRenderTimingSink } from '../render-timing';

export interface TimeTally {
  count: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
}

export interface MainProfile {
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Long tasks by the session's status when they began (e.g. preparing, training, measuring, done). */
  longTasksByPhase: Record<string, TimeTally>;
  /** Phaser steps: count, mean and max ms from PRE_STEP to the end of the step. */
  steps: { count: number; meanMs: number; maxMs: number };
  /** Steps that drew (the Canvas renderer draws only on change, src/game/render-on-demand.ts; null: every step). */
  drawnFrames: number | null;
  /** Phaser's render (PRE_RENDER to POST_RENDER) of the steps that drew. */
  render: TimeTally;
  /** Session change events (progress, status): count, mean and max ms of their listeners. */
  changes: TimeTally;
  /** Redraw parts timed by the scenes (`timed()`), by name. */
  parts: Record<string, TimeTally>;
  /**
   * The frame that cost the main thread most: its Phaser step (and render, when it drew) plus the progress events
   * handled since the step before, with the parts timed in it (ms; nested parts are inside `view`). Null: no step.
   */
  slowestFrame: SlowestFrame | null;
}

export interface SlowestFrame {
  /** Step + change handlers before it. */
  totalMs: number;
  stepMs: number;
  renderMs: number | null;
  changesMs: number;
  parts: Record<string, number>;
}

interface Tally {
  count: number;
  total: number;
  max: number;
}

const tally = (): Tally => ({ count: 0, total: 0, max: 0 });
const add = (t: Tally, ms: number): void => {
  t.count++;
  t.total += ms;
  t.max = Math.max(t.max, ms);
};
const r2 = (v: number): number => Math.round(v * 100) / 100;
const figures = (t: Tally): TimeTally => ({
  count: t.count,
  meanMs: r2(t.count ? t.total / t.count : 0),
  maxMs: r2(t.max),
  totalMs: r2(t.total),
});
const allFigures = (m: Map<string, Tally>): Record<string, TimeTally> =>
  Object.fromEntries([...m].map(([k, t]) => [k, figures(t)]));

/** Starts profiling `game` and `session`; `stop()` detaches everything and returns the figures. */
export function mainProfiler(
  game: Phaser.Game,
  session: LevelSession,
  drawnFrames: (() => number) | null,
): { stop(): MainProfile } {
  const drawn0 = drawnFrames?.() ?? 0;
  const long = tally();
  const steps = tally();
  const render = tally();
  const changes = tally();
  const parts = new Map<string, Tally>();
  const byPhase = new Map<string, Tally>();
  // The session's status over time, to tell which phase a long task fell in.
  const statuses: { at: number; status: string }[] = [{ at: performance.now(), status: session.status }];
  const statusAt = (time: number): string => {
    let status = statuses[0].status;
    for (const s of statuses) if (s.at <= time) status = s.status;
    return status;
  };
  const longEntries: PerformanceEntry[] = [];
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longEntries.push(e);
    });
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = null; // no long-task timing in this browser: the fields stay 0
  }
  let stepStart = -1;
  let renderStart = -1;
  // What the main thread did for the frame being built: change handlers since the last step, then this step.
  let frameChanges = 0;
  let frameParts = new Map<string, number>();
  let slowest: SlowestFrame | null = null;
  // The gate counts a drawn frame before the step starts: a step draws when the count moved since the last one.
  let drawnBefore = drawn0;
  let stepDraws = true;
  const onPreStep = (): void => {
    stepStart = performance.now();
    if (!drawnFrames) return;
    const drawn = drawnFrames();
    stepDraws = drawn !== drawnBefore;
    drawnBefore = drawn;
  };
  const onPreRender = (): void => {
    renderStart = performance.now();
  };
  const onPostRender = (): void => {
    const now = performance.now();
    if (stepStart >= 0) add(steps, now - stepStart);
    // A gated step (render-on-demand) still emits the render events around its skipped render: count the drawn.
    if (renderStart >= 0 && stepDraws) add(render, now - renderStart);
    if (stepStart >= 0) {
      const stepMs = now - stepStart;
      const totalMs = stepMs + frameChanges;
      if (!slowest || totalMs > slowest.totalMs)
        slowest = {
          totalMs: r2(totalMs),
          stepMs: r2(stepMs),
          renderMs: renderStart >= 0 && stepDraws ? r2(now - renderStart) : null,
          changesMs: r2(frameChanges),
          parts: Object.fromEntries([...frameParts].map(([k, v]) => [k, r2(v)])),
        };
    }
    frameChanges = 0;
    frameParts = new Map();
    stepStart = -1;
    renderStart = -1;
  };
  const events = game.events;
  events.on(Phaser.Core.Events.PRE_STEP, onPreStep);
  events.on(Phaser.Core.Events.PRE_RENDER, onPreRender);
  events.on(Phaser.Core.Events.POST_RENDER, onPostRender);
  const original = session.changed;
  session.changed = function changed(this: LevelSession): void {
    const t0 = performance.now();
    if (this.status !== statuses[statuses.length - 1].status) statuses.push({ at: t0, status: this.status });
    original.call(this);
    const ms = performance.now() - t0;
    add(changes, ms);
    frameChanges += ms;
  };
  const previousSink = setRenderTimingSink((part, ms) => {
    let t = parts.get(part);
    if (!t) parts.set(part, (t = tally()));
    add(t, ms);
    frameParts.set(part, (frameParts.get(part) ?? 0) + ms);
  });
  return {
    stop() {
      for (const e of observer?.takeRecords() ?? []) longEntries.push(e);
      observer?.disconnect();
      events.off(Phaser.Core.Events.PRE_STEP, onPreStep);
      events.off(Phaser.Core.Events.PRE_RENDER, onPreRender);
      events.off(Phaser.Core.Events.POST_RENDER, onPostRender);
      session.changed = original;
      setRenderTimingSink(previousSink);
      for (const e of longEntries) {
        add(long, e.duration);
        const phase = statusAt(e.startTime);
        let t = byPhase.get(phase);
        if (!t) byPhase.set(phase, (t = tally()));
        add(t, e.duration);
      }
      return {
        longTasks: { count: long.count, totalMs: r2(long.total), maxMs: r2(long.max) },
        longTasksByPhase: allFigures(byPhase),
        steps: { count: steps.count, meanMs: r2(steps.count ? steps.total / steps.count : 0), maxMs: r2(steps.max) },
        drawnFrames: drawnFrames ? drawnFrames() - drawn0 : null,
        render: figures(render),
        changes: figures(changes),
        parts: allFigures(parts),
        slowestFrame: slowest,
      };
    },
  };
}
