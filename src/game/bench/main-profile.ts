/**
 * Main-thread profile for `npm run bench` (test build only): where a level scene's frames go while it trains.
 * Long tasks (PerformanceObserver 'longtask', ≥ 50 ms), the time Phaser spends per step (update + render, from
 * PRE_STEP to POST_RENDER, emitted whether or not the step drew) and how many steps actually drew, and the synchronous cost of each progress event
 * (the session's `changed()`: every listener, i.e. the Level view's render and the HUD's meter).
 */
import * as Phaser from 'phaser';
import type { LevelSession } from '../level/shell/level-session';

export interface MainProfile {
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Phaser steps: count, mean and max ms from PRE_STEP to the end of the step. */
  steps: { count: number; meanMs: number; maxMs: number };
  /** Steps that drew (the Canvas renderer draws only on change, src/game/render-on-demand.ts; null: every step). */
  drawnFrames: number | null;
  /** Session change events (progress, status): count, mean and max ms of their listeners. */
  changes: { count: number; meanMs: number; maxMs: number; totalMs: number };
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

/** Starts profiling `game` and `session`; `stop()` detaches everything and returns the figures. */
export function mainProfiler(
  game: Phaser.Game,
  session: LevelSession,
  drawnFrames: (() => number) | null,
): { stop(): MainProfile } {
  const drawn0 = drawnFrames?.() ?? 0;
  const long = tally();
  const steps = tally();
  const changes = tally();
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) add(long, e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = null; // no long-task timing in this browser: the field stays 0
  }
  let stepStart = -1;
  const onPreStep = (): void => {
    stepStart = performance.now();
  };
  const onPostRender = (): void => {
    if (stepStart >= 0) add(steps, performance.now() - stepStart);
    stepStart = -1;
  };
  const events = game.events;
  events.on(Phaser.Core.Events.PRE_STEP, onPreStep);
  events.on(Phaser.Core.Events.POST_RENDER, onPostRender);
  const original = session.changed;
  session.changed = function changed(this: LevelSession): void {
    const t0 = performance.now();
    original.call(this);
    add(changes, performance.now() - t0);
  };
  return {
    stop() {
      observer?.disconnect();
      events.off(Phaser.Core.Events.PRE_STEP, onPreStep);
      events.off(Phaser.Core.Events.POST_RENDER, onPostRender);
      session.changed = original;
      return {
        longTasks: { count: long.count, totalMs: r2(long.total), maxMs: r2(long.max) },
        steps: { count: steps.count, meanMs: r2(steps.count ? steps.total / steps.count : 0), maxMs: r2(steps.max) },
        drawnFrames: drawnFrames ? drawnFrames() - drawn0 : null,
        changes: {
          count: changes.count,
          meanMs: r2(changes.count ? changes.total / changes.count : 0),
          maxMs: r2(changes.max),
          totalMs: r2(changes.total),
        },
      };
    },
  };
}
