/** Main-thread frames (requestAnimationFrame) for `npm run bench`: fps and the largest gap between frames. */
export interface FrameStats {
  fps: number;
  maxGapMs: number;
  frames: number;
}

export function frameMeter(): { stop(): FrameStats } {
  let running = true;
  let frames = 0;
  let maxGap = 0;
  let first = 0;
  let last = 0;
  const tick = (now: number): void => {
    if (!running) return;
    if (frames === 0) first = now;
    else maxGap = Math.max(maxGap, now - last);
    last = now;
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      const seconds = (last - first) / 1000;
      return { fps: seconds > 0 ? (frames - 1) / seconds : 0, maxGapMs: maxGap, frames };
    },
  };
}
