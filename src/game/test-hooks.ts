/**
 * Hooks for the browser end-to-end tests (playwright-core drives the built game with real mouse and keyboard
 * events at the coordinates `uiBounds` reports). Installed in every build: they only read state and simulate
 * failures the tests need.
 *
 * window.__latentQuest = {
 *   ready: boolean                      true once the Workbench is interactive
 *   getState(): StateSnapshot           plain JSON copy of the store (typed arrays as sizes, notices with text)
 *   uiBounds(id): {x, y, width, height} | null   CSS page pixels of a widget, null if not on screen
 *   widgetIds(): string[]               every id uiBounds knows right now
 *   debug: {
 *     killWorker(): void                terminate the ML worker as a crash would (the bridge recovers)
 *     loseWebGlContext(): Promise<boolean>   the worker loses its WebGL context (WEBGL_lose_context)
 *     workerAlive(): boolean
 *     rendererType(): 'canvas' | 'webgl'     the renderer Phaser actually runs
 *   }
 * }
 *
 * Stable widget ids (Workbench):
 *   dataset:glyphs  dataset:mnist
 *   kind:dense  kind:conv  kind:denoising  kind:vae  kind:cvae  kind:sparse  kind:ksparse
 *   bottleneck (slider 1–64)          hidden:32  hidden:64  hidden:128  hidden:256
 *   noise:gaussian  noise:saltPepper  noise:masking  noise:block   noiseLevel (slider 0–1)
 *   backend:auto  backend:webgl  backend:wasm  backend:cpu
 *   train  pause (also Resume)  cancel  notice:dismiss
 *   progress  lossChart  images:original  images:noisy  images:reconstructed
 */
import * as Phaser from 'phaser';
import type { GameContext } from './context';
import { snapshot } from './state';
import type { Rect } from './ui/theme';
import type {} from './test-api';

/** Game pixels → CSS page pixels through the canvas's on-page box (FIT scaling and centring included). */
export function toPageRect(game: Phaser.Game, rect: Rect): Rect {
  const box = game.canvas.getBoundingClientRect();
  const sx = box.width / game.scale.width;
  const sy = box.height / game.scale.height;
  return {
    x: box.left + window.scrollX + rect.x * sx,
    y: box.top + window.scrollY + rect.y * sy,
    width: rect.width * sx,
    height: rect.height * sy,
  };
}

export function installTestHooks(game: Phaser.Game, context: GameContext): void {
  window.__latentQuest = {
    get ready() {
      return context.ready;
    },
    getState: () => snapshot(context.store.getState()),
    uiBounds: (id) => {
      const rect = context.widgets?.bounds(id) ?? null;
      return rect ? toPageRect(game, rect) : null;
    },
    widgetIds: () => context.widgets?.ids() ?? [],
    debug: {
      killWorker: () => context.bridge.kill(),
      loseWebGlContext: () => context.bridge.loseWebGlContext(),
      workerAlive: () => context.bridge.isAlive(),
      rendererType: () => (game.renderer.type === Phaser.CANVAS ? 'canvas' : 'webgl'),
      benchmark: async (options) => (await import('./bench/bench-page')).runBackendBench(context.bridge, options),
    },
  };
}
