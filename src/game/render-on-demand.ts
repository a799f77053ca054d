/**
 * Draw a frame only when something may have changed. With Phaser's Canvas renderer on a software-composited
 * page (the SwiftShader machines that get Canvas, see renderer-choice.ts) every drawn frame uploads the whole
 * 1280x720 canvas through the compositor: measured here, those commits took ~35% of the main thread idle and
 * ~80% while the worker trained. The Lab changes only on store updates (≤10/s while training) and on
 * input, so frames in between keep the previous picture: the game still updates (input, timers) every frame.
 */
import type * as Phaser from 'phaser';

/** Frames drawn after each change (covers hover redraws and texture refreshes landing a frame late). */
const FRAMES_PER_CHANGE = 2;
/** Safety net: redraw at least this often even if nobody said anything changed. */
const MAX_IDLE_MS = 500;

export interface RenderGate {
  /**
   * Something on screen changed: draw the next few frames (`frames`, default 2: hover redraws can land a frame
   * late). A change applied by the next step's update (the Level scene's progress redraw) needs only that frame.
   */
  invalidate(frames?: number): void;
  /** Draw every frame (e.g. while a scene animates or loads). */
  setContinuous(on: boolean): void;
  /** Frames drawn since the game started (the bench's main-thread profile). */
  drawnFrames(): number;
}

const noop = (): void => undefined;

/** Call from `callbacks.preBoot`, before Phaser binds its step function. */
export function installRenderOnDemand(game: Phaser.Game): RenderGate {
  let framesLeft = FRAMES_PER_CHANGE;
  let continuous = true;
  let lastDrawn = 0;
  let drawn = 0;
  const original = game.step;

  game.step = function step(this: Phaser.Game, time: number, delta: number): void {
    if (continuous || framesLeft > 0 || time - lastDrawn >= MAX_IDLE_MS) {
      framesLeft = Math.max(0, framesLeft - 1);
      lastDrawn = time;
      drawn++;
      original.call(this, time, delta);
      return;
    }
    // Update scenes and input as usual, but leave the canvas untouched.
    const renderer = this.renderer as unknown as { preRender(): void; postRender(): void };
    const scenes = this.scene as unknown as { render(r: unknown): void; isProcessing: boolean };
    const saved = [renderer.preRender, renderer.postRender, scenes.render] as const;
    renderer.preRender = noop;
    renderer.postRender = noop;
    // The SceneManager's render is also where its `update` ends: it clears `isProcessing`. Left set, a scene
    // added between frames (scene-loader.ts) goes to the pending list and is dropped by the next processQueue.
    scenes.render = () => {
      scenes.isProcessing = false;
    };
    try {
      original.call(this, time, delta);
    } finally {
      [renderer.preRender, renderer.postRender, scenes.render] = saved;
    }
  };

  const invalidate = (frames = FRAMES_PER_CHANGE): void => {
    framesLeft = Math.max(framesLeft, frames);
  };
  // Any input can change hover/press states or focus rings.
  const onInput = (): void => invalidate();
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'wheel', 'resize'] as const) {
    window.addEventListener(type, onInput, { passive: true, capture: true });
  }
  game.events.once('destroy', () => {
    for (const type of ['pointermove', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'wheel', 'resize'] as const) {
      window.removeEventListener(type, onInput, { capture: true });
    }
  });
  return {
    invalidate,
    setContinuous: (on) => {
      continuous = on;
      invalidate();
    },
    drawnFrames: () => drawn,
  };
}
