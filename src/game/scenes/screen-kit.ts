/**
 * Shared plumbing of the meta screens (Title, WorldMap, Results, Settings, Classroom): backdrop, a widget
 * registry (bound to the scene: its widgets register their own test ids) and a focus manager per scene, cleanup
 * on shutdown, a rebuild when the base size changes (phone turned), and the notice banner fed by the store. Not
 * a scene itself.
 */
import * as Phaser from 'phaser';
import { t } from '../../shared/messages';
import { getContext, type GameContext } from '../context';
import { isPortraitSize } from '../layout/screen';
import { watch } from '../state';
import { ArrowNav, type NavItem } from '../ui/ArrowNav';
import { BACKDROP_KEY } from '../ui/backdrop';
import { FocusManager } from '../ui/FocusManager';
import { NoticeBanner } from '../ui/NoticeBanner';
import { COLORS, TEXT, type Rect } from '../ui/theme';
import type { Widget } from '../ui/Widget';
import { WidgetRegistry } from '../ui/WidgetRegistry';
import { bindWidgetIds } from '../ui/widget-ids';
import { noticeView } from '../view/notice-view';
import { markStartup } from '../startup-marks';
import { handOverFromShell } from './shell-handover';

export interface Screen {
  context: GameContext;
  focus: FocusManager;
  width: number;
  height: number;
  portrait: boolean;
  /** Run on shutdown (unsubscribe, destroy widgets). */
  onShutdown(fn: () => void): void;
  /** Puts widgets in the Tab order and the arrow-key map, and destroys them on shutdown. */
  add<
    W extends Widget & {
      canFocus(): boolean;
      setFocused(f: boolean, v: boolean): void;
      handleKey(e: KeyboardEvent): boolean;
    },
  >(
    ...widgets: W[]
  ): void;
  /** Marks the screen interactive for the tests (call at the end of create). */
  ready(): void;
}

/** Starts a meta screen: call first in `create(data)`. */
export function beginScreen(scene: Phaser.Scene, data?: object): Screen {
  const context = getContext(scene);
  const registry = new WidgetRegistry();
  bindWidgetIds(scene, registry);
  const focus = new FocusManager(scene);
  const navItems: NavItem[] = [];
  const nav = new ArrowNav(scene, focus, navItems);
  const cleanup: (() => void)[] = [];
  const widgets: Widget[] = [];
  const { width, height } = scene.scale;

  scene.cameras.main.setBackgroundColor(COLORS.bg);
  // The painted backdrop (ui/backdrop.ts), centred and scaled to cover the screen.
  if (scene.textures.exists(BACKDROP_KEY)) {
    const img = scene.add.image(width / 2, height / 2, BACKDROP_KEY).setAlpha(0.35);
    img.setScale(Math.max(width / img.width, height / img.height));
  }

  // The phone turned (or the window changed shape): rebuild at the new base size.
  const onResize = (gameSize: Phaser.Structs.Size): void => {
    if (gameSize.width !== width || gameSize.height !== height) scene.scene.restart(data);
  };
  scene.scale.on(Phaser.Scale.Events.RESIZE, onResize);

  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    scene.scale.off(Phaser.Scale.Events.RESIZE, onResize);
    for (const off of cleanup.splice(0).reverse()) off();
    nav.destroy();
    focus.destroy();
    for (const w of widgets.splice(0)) w.destroy();
    registry.clear();
    if (context.widgets === registry) {
      context.widgets = null;
      context.ready = false;
    }
  });

  return {
    context,
    focus,
    width,
    height,
    portrait: isPortraitSize({ width, height }),
    onShutdown: (fn) => cleanup.push(fn),
    add: (...ws) => {
      for (const w of ws) {
        widgets.push(w);
        focus.register(w);
        navItems.push({ item: w, bounds: () => w.getBounds() });
      }
    },
    ready: () => {
      context.widgets = registry;
      context.ready = true;
      markStartup('ready');
      context.renderGate?.setContinuous(false);
      handOverFromShell(scene);
    },
  };
}

/** The store's newest notice (a reset save, a worker restart) with its Dismiss button ('notice:dismiss'). */
export function addNoticeBanner(scene: Phaser.Scene, screen: Screen, rect: Rect, hint = ''): NoticeBanner {
  const { store } = screen.context;
  const banner = new NoticeBanner(scene, { ...rect, id: 'notice', dismissLabel: t('button.dismiss') });
  // The keyboard hint sits centred where the banner shows when there is no notice.
  const hintText = scene.add
    .text(rect.x + rect.width / 2, rect.y + rect.height / 2, hint, {
      ...TEXT.small,
      align: 'center',
      wordWrap: { width: rect.width - 16, useAdvancedWrap: true },
    })
    .setOrigin(0.5, 0.5);
  banner.events.on('dismiss', (id) => store.getState().dismissNotice(id));
  screen.focus.register(banner.dismissButton);
  screen.onShutdown(
    watch(
      store,
      (s) => s.lab.notices,
      (notices) => {
        const view = noticeView(notices);
        banner.show(view.notice, view.more, '');
        hintText.setVisible(!view.notice);
      },
    ),
  );
  screen.onShutdown(() => banner.destroy());
  return banner;
}

/** Scene keys the meta screens start (through scene-loader.ts's `goTo`: main.ts registers the first screens, the rest load on demand). */
export const SCENES = {
  title: 'Title',
  map: 'WorldMap',
  results: 'Results',
  settings: 'Settings',
  lab: 'Lab',
  level: 'Level',
  classroom: 'Classroom',
  draw: 'Draw',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];
