/**
 * Where a redraw's main-thread time goes, for `npm run bench`'s main-thread profile (src/game/bench/main-profile.ts):
 * the Level scene, its views and the HUD wrap each part of a redraw in `timed(part, fn)`. With no sink installed (the
 * game, the tests) it only calls `fn`.
 */

/** Receives each timed part's name and its duration in ms. */
export type RenderTimingSink = (part: string, ms: number) => void;

let sink: RenderTimingSink | null = null;

/** Installs `next` (null: none); returns the one it replaced. */
export function setRenderTimingSink(next: RenderTimingSink | null): RenderTimingSink | null {
  const previous = sink;
  sink = next;
  return previous;
}

/** Runs `fn`, reporting how long it took as `part` when a sink is installed. */
export function timed<T>(part: string, fn: () => T): T {
  const to = sink;
  if (!to) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    to(part, performance.now() - t0);
  }
}
