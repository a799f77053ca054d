/**
 * Hooks for the browser end-to-end tests (playwright-core drives the built game with real mouse and keyboard
 * events at the coordinates `uiBounds` reports). Installed only in the test build (`vite build --mode test`,
 * see vite.config.ts): main.ts calls installTestHooks behind `if (__LQ_TEST_HOOKS__)`, so the shipped game has
 * neither this module nor the bench page. They only read state and simulate failures the tests need.
 *
 * window.__latentQuest = {
 *   ready: boolean                      true once the current screen is interactive (false between screens)
 *   scene(): string                     key of the active main scene: Title | WorldMap | Level | Results | Settings | Lab
 *   getState(): StateSnapshot           plain JSON copy of the store (typed arrays as sizes, notices with text,
 *                                       progress with totalStars and the unlocked level ids)
 *   uiBounds(id): {x, y, width, height} | null   CSS page pixels of a widget, null if not on screen
 *   widgetIds(): string[]               every id uiBounds knows right now
 *   debug: {
 *     killWorker(): void                terminate the ML worker as a crash would (the bridge recovers)
 *     loseWebGlContext(): Promise<boolean>   the worker loses its WebGL context (WEBGL_lose_context)
 *     workerAlive(): boolean
 *     activeJobId(): string | null      the running training job (null after Leave cancels it)
 *     rendererType(): 'canvas' | 'webgl'     the renderer Phaser actually runs
 *     texturePixel(key, x, y): RGBA | null   a pixel of a painted UI drawing (canvas texture)
 *     startScene(key, data?): boolean   replace the active main scene (e.g. Results with a made-up result)
 *     soundLog(): string[]              names of the sound effects played (click, star, success, fail, tick)
 *     textOverflows(): {scene, text, problem}[]   texts larger than their fitted box or off the screen's sides
 *     benchmark / benchTrainedLevel / benchPretrainedLevel   npm run bench (src/game/bench, loaded on demand)
 *   }
 * }
 *
 * Stable widget ids of the meta screens (ids exist only while their screen is up):
 *   Title:     title:play  title:lab  title:settings  notice  notice:dismiss
 *   WorldMap:  world:back  world:1 … world:5 (world panels)  level:<levelId> (one tile per level)  world:status
 *   Results:   results:next  results:retry  results:map  results:stars
 *   Settings:  settings:backend:auto|webgl|wasm|cpu  settings:sound:on|off  settings:motion:on|off
 *              settings:reset  settings:reset:yes  settings:reset:no (the confirm step)  settings:back
 *              notice  notice:dismiss
 * Deep links: ?scene=lab|map|settings|title (first screen), ?level=<id> (a level).
 * Widgets register these ids themselves (src/game/ui/widget-ids.ts); an id is null while its widget is hidden.
 *
 * Stable widget ids (Lab; `?scene=lab` opens it directly), plus lab:back:
 *   dataset:glyphs  dataset:mnist
 *   kind:dense  kind:conv  kind:denoising  kind:vae  kind:cvae  kind:sparse  kind:ksparse
 *   bottleneck (slider 1–64)          hidden:32  hidden:64  hidden:128  hidden:256
 *   noise:gaussian  noise:saltPepper  noise:masking  noise:block   noiseLevel (slider 0–1)
 *   backend:auto  backend:webgl  backend:wasm  backend:cpu
 *   train  pause (also Resume)  cancel  notice  notice:dismiss
 *   progress  lossChart  images:original  images:noisy  images:reconstructed
 *
 * Level scene + HUD (open one with `?level=<id>`; `level()` returns its state):
 *   level:start (dismiss the concept card)  level:concept  level:leave  level:train (Train / Stop)
 *   control:<controlId> (whole control)  control:<controlId>:<value> (choice options; toggles :true / :false)
 *   level:progress  level:lossChart  level:images:input  level:images:corrupted  level:images:output
 *   hud:hint  hud:meter  level:retry  level:continue (result card)  level:view:images  level:view:map
 *   map:area  map:probe  map:decode  map:place  map:target  dream:sigma  path:clear  card:<n>  term:<n>  arith:clear
 */
import * as Phaser from 'phaser';
import type { GameContext } from './context';
import { soundLog } from './audio/sfx';
import { drawnDigitView, drawnLetterView } from './draw/drawn-digit';
import { levelSnapshot } from './level/current';
import { testCall } from './ml/test-calls';
import { goTo, isKnownScene } from './scene-loader';
import { snapshot } from './state';
import { textOverflows } from './ui/fit-text';
import type { Rect } from './ui/theme';
import type {} from './test-api';
import { datasetName } from './ml/own-data';

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

/** Scenes that run beside a main scene or before it, never "the" screen. */
const NOT_MAIN = new Set(['Hud', 'Boot']);

/** The key of the active main scene ('' while none is running). */
export function activeSceneKey(game: Phaser.Game): string {
  const active = game.scene
    .getScenes(true)
    .map((s) => s.sys.settings.key)
    .filter((k) => !NOT_MAIN.has(k));
  return active[0] ?? '';
}

export function installTestHooks(game: Phaser.Game, context: GameContext): void {
  window.__latentQuest = {
    get ready() {
      return context.ready;
    },
    scene: () => activeSceneKey(game),
    getState: () => snapshot(context.store.getState()),
    uiBounds: (id) => {
      const rect = context.widgets?.bounds(id) ?? null;
      return rect ? toPageRect(game, rect) : null;
    },
    widgetIds: () => context.widgets?.ids() ?? [],
    level: () => levelSnapshot(),
    drawn: () => drawnDigitView(),
    drawnLetter: () => drawnLetterView(),
    debug: {
      killWorker: () => context.bridge.kill(),
      loseWebGlContext: () => testCall(context.bridge, (api) => api.loseWebGlContext()),
      workerAlive: () => context.bridge.isAlive(),
      activeJobId: () => context.bridge.activeJobId,
      labReconstruct: async (count: number) => {
        const model = context.store.getState().lab.model;
        if (!model) return null;
        const batch = await context.bridge.getImages(datasetName(model.dataset), 'test', 0, count);
        const labels = model.kind === 'cvae' ? batch.labels : undefined;
        return Array.from(await context.bridge.reconstruct(model.modelId, batch.images, labels));
      },
      startScene: (key, data) => {
        const from = game.scene.getScenes(true).find((sc) => !NOT_MAIN.has(sc.sys.settings.key));
        if (!from || !isKnownScene(game, key)) return false;
        goTo(from, key, data);
        return true;
      },
      soundLog: () => soundLog(),
      textOverflows: () => textOverflows(game),
      rendererType: () => (game.renderer.type === Phaser.CANVAS ? 'canvas' : 'webgl'),
      texturePixel: (key, x, y) => {
        const source = game.textures.exists(key) ? game.textures.get(key).getSourceImage() : null;
        const ctx = source instanceof HTMLCanvasElement ? source.getContext('2d') : null;
        return ctx ? (Array.from(ctx.getImageData(x, y, 1, 1).data) as [number, number, number, number]) : null;
      },
      benchmark: async (options) => (await import('./bench/bench-page')).runBackendBench(context.bridge, options),
      benchTrainedLevel: async (options) =>
        (await import('./bench/bench-level')).runTrainedLevelBench(options, {
          game,
          drawnFrames: context.renderGate ? () => context.renderGate?.drawnFrames() ?? 0 : null,
          ping: () => context.bridge.memory(),
        }),
      benchPretrainedLevel: async (payload, timeoutMs) =>
        (await import('./bench/bench-level')).runPretrainedLevelBench(payload, timeoutMs),
    },
  };
}
