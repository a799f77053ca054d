import * as Phaser from 'phaser';
import { handOverFromShell } from './shell-handover';
import { goTo } from '../scene-loader';
import { getContext } from '../context';
import { layoutLab } from '../layout/lab-layout';
import { installCameraScroll, ScrolledRegistry } from '../ui/camera-scroll';
import { bindWidgetIds } from '../ui/widget-ids';
import { FocusManager } from '../ui/FocusManager';
import { refreshTrainImages, wireLabEvents, watchLabStore } from './lab/lab-bindings';
import { buildLabChrome } from './lab/lab-chrome';
import { buildLabControls } from './lab/lab-controls';
import { buildLabOutput, IMAGE_ROWS } from './lab/lab-output';
import { buildLabViews } from './lab/lab-views';
import { installLabShare } from './lab/lab-share-panel';

/**
 * The Lab (the foundation's Lab), reached from the title screen: pick data and a model, train it in the
 * worker, watch loss, progress and reconstructions; free play with every model type, dataset and control.
 * Built only from src/game/ui widgets (scenes/lab/*: top bar, controls panel, run side); every widget event is
 * wired once and every store subscription is dropped on shutdown (lab-bindings.ts). Leaving (Back, Esc)
 * cancels a running job. Widget ids: see test-hooks.ts (+ lab:back).
 */
export class Lab extends Phaser.Scene {
  constructor() {
    super('Lab');
  }

  create(): void {
    const context = getContext(this);
    const { store, training } = context;
    const L = layoutLab(this.scale.width, this.scale.height);
    const cleanup: (() => void)[] = [];
    // Every widget built below registers its own test id here (scrolled with the camera on phones).
    const registry = new ScrolledRegistry(this.cameras.main);
    bindWidgetIds(this, registry);
    const focus = new FocusManager(this);
    const initial = store.getState().lab.config;

    const chrome = buildLabChrome(this, L);
    const controls = buildLabControls(this, L, initial, context.backendOverride ?? store.getState().settings.backend);
    const output = buildLabOutput(this, L);
    const views = buildLabViews(this, L, context, output, () => refreshTrainImages(context, L, output));
    const { backButton } = chrome;
    const { dataset, kind, bottleneck, hidden, noise, noiseLevel, backend } = controls;
    const { train, pause, cancel, progress, chart, grids, notice } = output;

    // ---- events: each wired once, gone with the widgets on shutdown ----
    wireLabEvents(context, controls, output);
    const leave = (): void => {
      const status = store.getState().lab.status;
      if (status === 'training' || status === 'paused' || status === 'initialising') void training.cancel();
      goTo(this, 'Title');
    };
    backButton.events.on('press', leave);
    chrome.drawButton.events.on('press', () => {
      const status = store.getState().lab.status;
      if (status === 'training' || status === 'paused' || status === 'initialising') void training.cancel();
      goTo(this, 'Draw', { from: 'Lab' });
    });
    this.input.keyboard?.on('keydown-ESC', leave);

    focus.register(
      backButton,
      chrome.drawButton,
      dataset,
      kind,
      bottleneck,
      hidden,
      noise,
      noiseLevel,
      backend,
      train,
      pause,
      cancel,
      ...views.focusables(),
      notice.dismissButton,
    );

    // ---- store → widgets ----
    const trainShown = (): boolean => views.tabs.getValue() === 'train';
    cleanup.push(...watchLabStore(context, L, chrome, controls, output, trainShown), ...views.watchers());
    cleanup.push(installLabShare(this, context, L, { chrome, controls, output }));

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const off of cleanup.splice(0)) off();
      focus.destroy();
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      for (const w of [
        backButton,
        chrome.drawButton,
        dataset,
        kind,
        bottleneck,
        hidden,
        noise,
        noiseLevel,
        backend,
        train,
        pause,
        cancel,
        progress,
        chart,
        notice,
      ])
        w.destroy();
      for (const row of IMAGE_ROWS) grids[row].destroy();
      views.destroy();
      registry.clear();
      context.widgets = null;
      context.ready = false;
      context.renderGate?.setContinuous(true);
    });

    // Portrait: the column is taller than the screen; drag empty space, use the wheel, or Tab to scroll.
    if (L.contentHeight > this.scale.height)
      cleanup.push(installCameraScroll(this, { contentHeight: L.contentHeight, focused: () => focus.focused() }));

    // The phone turned (or the window changed shape): rebuild at the new base size.
    const builtAt = { width: this.scale.width, height: this.scale.height };
    const onResize = (size: Phaser.Structs.Size): void => {
      if (size.width !== builtAt.width || size.height !== builtAt.height) this.scene.restart();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);

    // Nothing here animates on its own: draw only on store changes and input.
    context.renderGate?.setContinuous(false);
    context.widgets = registry;
    context.ready = true;
    handOverFromShell(this);
  }
}
