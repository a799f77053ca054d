/**
 * The Phaser config and `startGame(parent)`: builds the store, the ML bridge and the run controller, picks
 * the renderer, and starts Boot → Preloader → Title (or the `?scene=` / `?level=` deep link).
 * Screens: Title → WorldMap → Level (+ Hud in parallel) → Results; Lab (free play) and Settings from the Title.
 * The base size follows the viewport's shape (layout/screen.ts): 1280x720 landscape, 420 wide in portrait.
 */
import * as Phaser from 'phaser';
import { ClassroomClient } from './classroom/client';
import { ClassroomService } from './classroom/classroom-service';
import { setContext, type GameContext } from './context';
import { MlBridge } from './ml/bridge';
import { TrainingController } from './ml/training-controller';
import { hasSave, installLocale } from './locale-sync';
import { installRenderOnDemand } from './render-on-demand';
import { chooseRenderer } from './renderer-choice';
import { baseSizeFor } from './layout/screen';
import { Boot } from './scenes/Boot';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';
import { createGameStore } from './state';
import { installServiceWorker } from './offline/service-worker';
import { installSfx } from './audio/sfx';
import { COLORS } from './ui/theme';
import { parseUrlOptions } from './url-options';
import { markStartup } from './startup-marks';
import { shellLocale } from './shell/shell-state';

function viewportSize(parent: HTMLElement | string): { width: number; height: number } {
  const el = typeof parent === 'string' ? document.getElementById(parent) : parent;
  const width = el?.clientWidth || window.innerWidth;
  const height = el?.clientHeight || window.innerHeight;
  return { width, height };
}

export function startGame(parent: HTMLElement | string): Phaser.Game {
  const url = parseUrlOptions(window.location.search);
  const hadSave = hasSave();
  const store = createGameStore();
  // A language picked on the HTML title while the game loaded counts as the link's (shell/title-shell.ts).
  installLocale(store, shellLocale() ?? url.lang, hadSave);
  const settings = store.getState().settings;

  const display = chooseRenderer(url.renderer, settings.renderer);
  store.getState().setDisplay(display);

  const context = {} as GameContext;
  const bridge = new MlBridge({
    backend: () => context.backendOverride ?? store.getState().settings.backend,
    assetBase: new URL(import.meta.env.BASE_URL, window.location.href).href,
    ...(url.threads !== null ? { wasmThreads: url.threads } : {}),
  });
  const classroom = new ClassroomService({
    client: new ClassroomClient(),
    storage: typeof window !== 'undefined' ? window.localStorage : null,
    onChange: (view) => store.getState().setClassroomView(view),
  });
  store.getState().setClassroomView(classroom.view());
  Object.assign(context, {
    store,
    bridge,
    classroom,
    training: new TrainingController(store, bridge),
    url,
    backendOverride: url.backend,
    widgets: null,
    ready: false,
    renderGate: null,
  } satisfies GameContext);

  const vp = viewportSize(parent);
  const base = baseSizeFor(vp.width, vp.height);
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
      width: base.width,
      height: base.height,
    },
    input: { activePointers: 2 },
    render: { antialias: true, roundPixels: true, desynchronized: display.renderer === 'canvas' },
    // The first screens only; the others are their own chunks, loaded before their first start (scene-loader.ts).
    scene: [Boot, Preloader, Title],
    // The join form's text fields are real <input>s (phones and tablets need their own keyboard).
    dom: { createContainer: true },
    callbacks: {
      preBoot: (g) => {
        if (display.renderer !== 'canvas') return;
        const gate = installRenderOnDemand(g);
        context.renderGate = gate;
        store.subscribe(() => gate.invalidate());
      },
    },
  });
  markStartup('game-new');
  setContext(game, context);
  const removeSfx = installSfx(store);
  // Offline play (service worker + precache) and the update notices.
  installServiceWorker(game, store, window.location.search);
  // The test build only (e2e tests, npm run bench): window.__latentQuest. Dropped from the shipped game.
  // Loaded on demand, so nothing it imports (level snapshots, result texts) weighs on the shipped main chunk.
  if (__LQ_TEST_HOOKS__) void import('./test-hooks').then((hooks) => hooks.installTestHooks(game, context));
  // A phone turned or a window reshaped: switch the base size; scenes rebuild themselves on the resize event.
  const onViewport = (): void => {
    const vp = viewportSize(parent);
    const next = baseSizeFor(vp.width, vp.height);
    if (next.width !== game.scale.width || next.height !== game.scale.height)
      game.scale.setGameSize(next.width, next.height);
  };
  window.addEventListener('resize', onViewport);
  // Back online: send the class outbox now rather than at the next backoff tick.
  const onOnline = (): void => classroom.retryNow();
  window.addEventListener('online', onOnline);
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    window.removeEventListener('resize', onViewport);
    window.removeEventListener('online', onOnline);
    classroom.dispose();
    removeSfx();
  });
  return game;
}
