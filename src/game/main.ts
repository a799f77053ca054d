/**
 * The Phaser config and `startGame(parent)`: builds the store, the ML bridge and the run controller, picks
 * the renderer, and starts Boot → Preloader → Workbench.
 */
import * as Phaser from 'phaser';
import { setLocale } from '../shared/messages';
import { setContext, type GameContext } from './context';
import { MlBridge } from './ml/bridge';
import { TrainingController } from './ml/training-controller';
import { installRenderOnDemand } from './render-on-demand';
import { chooseRenderer } from './renderer-choice';
import { Boot } from './scenes/Boot';
import { Preloader } from './scenes/Preloader';
import { Workbench } from './scenes/Workbench';
import { createGameStore } from './state';
import { installTestHooks } from './test-hooks';
import { COLORS } from './ui/theme';
import { parseUrlOptions } from './url-options';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

export function startGame(parent: HTMLElement | string): Phaser.Game {
  const url = parseUrlOptions(window.location.search);
  const store = createGameStore();
  const settings = store.getState().settings;
  setLocale(settings.locale);

  const display = chooseRenderer(url.renderer, settings.renderer);
  store.getState().setDisplay(display);

  const context = {} as GameContext;
  const bridge = new MlBridge({
    backend: () => context.backendOverride ?? store.getState().settings.backend,
    assetBase: new URL(import.meta.env.BASE_URL, window.location.href).href,
  });
  Object.assign(context, {
    store,
    bridge,
    training: new TrainingController(store, bridge),
    url,
    backendOverride: url.backend,
    widgets: null,
    ready: false,
    renderGate: null,
  } satisfies GameContext);

  const game = new Phaser.Game({
    // Software GL: Canvas keeps 60 fps while the worker trains (see renderer-choice.ts).
    type: display.renderer === 'canvas' ? Phaser.CANVAS : display.forced ? Phaser.WEBGL : Phaser.AUTO,
    parent,
    title: 'Latent Quest',
    backgroundColor: COLORS.bg,
    banner: false,
    disableContextMenu: true,
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: GAME_WIDTH,
      height: GAME_HEIGHT,
    },
    input: { activePointers: 2 },
    render: { antialias: true, roundPixels: true, desynchronized: display.renderer === 'canvas' },
    scene: [Boot, Preloader, Workbench],
    callbacks: {
      preBoot: (g) => {
        if (display.renderer !== 'canvas') return;
        const gate = installRenderOnDemand(g);
        context.renderGate = gate;
        store.subscribe(() => gate.invalidate());
      },
    },
  });
  setContext(game, context);
  installTestHooks(game, context);
  return game;
}
