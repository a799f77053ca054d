/**
 * Phones: a scene whose one-column layout is taller than the screen (the Lab; levels with many controls)
 * scrolls its main camera vertically. The player drags empty space, turns the wheel, or Tabs to a widget out
 * of view. The scroll happens inside a band of the screen: the whole screen for the Lab; for a level, the part
 * between the HUD's fixed top bar and hint strip (a parallel scene that does not scroll).
 * The pure arithmetic is exported for the unit tests; `installCameraScroll` wires it to Phaser.
 */
import type * as Phaser from 'phaser';
import { getContext } from '../context';
import type { Rect } from './theme';
import { WidgetRegistry, type BoundsFn } from './WidgetRegistry';

/** The screen rows (top inclusive, bottom exclusive) where scrolled content shows. */
export interface ScrollBand {
  top: number;
  bottom: number;
}

/**
 * How far a pointer must travel before a press on empty space becomes a scroll: a finger's tap wobbles a few
 * pixels, and scrolling on that wobble made the column jitter under a tap.
 */
export const DRAG_THRESHOLD = 8;

/**
 * Room kept around a widget that Tab brings into view: controls have their section label about 24 px above
 * them, so revealing only the widget itself would leave its label cut off under the top bar.
 */
export const REVEAL_MARGIN = 40;

/** A widget closer than this to the band's edge counts as out of view (its focus ring would be cut). */
const EDGE = 8;

/** The scroll range [0, max] for a column `contentHeight` tall on a screen `screenHeight` tall. */
export function maxScrollFor(contentHeight: number, screenHeight: number): number {
  return Math.max(0, contentHeight - screenHeight);
}

/** `y` inside [0, max], on whole pixels (text drawn at fractional offsets blurs on the Canvas renderer). */
export function clampScroll(y: number, max: number): number {
  return Math.round(Math.max(0, Math.min(max, y)));
}

/**
 * The scroll for a drag that started at `fromY` (screen) with the camera at `startScroll`, now at `toY`; null
 * while the pointer has not yet moved `DRAG_THRESHOLD` from where it went down. Once past it, the content
 * follows the finger exactly (no jump by the threshold), as native scrolling does.
 */
export function dragScroll(startScroll: number, fromY: number, toY: number, max: number): number | null {
  const moved = toY - fromY;
  if (Math.abs(moved) < DRAG_THRESHOLD) return null;
  return clampScroll(startScroll - moved, max);
}

/** Whether a press at screen row `y` may start a drag: inside the band, on nothing interactive. */
export function startsDrag(y: number, overInteractive: boolean, band: ScrollBand): boolean {
  return !overInteractive && y >= band.top && y < band.bottom;
}

/**
 * The scroll that brings world rect `r` inside `band` with `REVEAL_MARGIN` around it, or null when it is
 * already in view (the column does not move under a widget the player can already see).
 */
export function revealScroll(r: Rect, scrollY: number, band: ScrollBand, max: number): number | null {
  if (r.y < scrollY + band.top + EDGE) return clampScroll(r.y - band.top - REVEAL_MARGIN, max);
  if (r.y + r.height > scrollY + band.bottom - EDGE)
    return clampScroll(r.y + r.height - band.bottom + REVEAL_MARGIN, max);
  return null;
}

/**
 * uiBounds in screen pixels for a scene whose camera scrolls (the tests tap what the player sees). Ids
 * registered with `registerFixed` belong to a scene drawn over it that does not scroll (the level's HUD).
 */
export class ScrolledRegistry extends WidgetRegistry {
  private readonly fixed = new Set<string>();

  constructor(private readonly camera: Phaser.Cameras.Scene2D.Camera) {
    super();
  }

  override register(id: string, bounds: BoundsFn, fixed = false): void {
    if (fixed) this.fixed.add(id);
    else this.fixed.delete(id);
    super.register(id, bounds);
  }

  registerFixed(id: string, bounds: BoundsFn): void {
    this.register(id, bounds, true);
  }

  override unregister(id: string, bounds: BoundsFn): void {
    super.unregister(id, bounds);
    if (!this.ids().includes(id)) this.fixed.delete(id);
  }

  override bounds(id: string): Rect | null {
    const r = super.bounds(id);
    if (!r || this.fixed.has(id)) return r;
    return { ...r, x: r.x - this.camera.scrollX, y: r.y - this.camera.scrollY };
  }

  override clear(): void {
    super.clear();
    this.fixed.clear();
  }
}

export interface CameraScrollOptions {
  /** Height of the whole laid-out column, in world pixels. */
  contentHeight: number;
  /** Where scrolled content shows; the whole screen when left out. */
  band?: ScrollBand;
  /** The keyboard-focused widget (FocusManager.focused), kept in view on Tab. */
  focused: () => unknown;
}

/**
 * Scrolls `scene`'s main camera over the column; returns the uninstaller. Install it after the scene's
 * FocusManager: both listen to the same keydown, and focus must have moved before this looks where it went.
 */
export function installCameraScroll(scene: Phaser.Scene, options: CameraScrollOptions): () => void {
  const camera = scene.cameras.main;
  const band = options.band ?? { top: 0, bottom: scene.scale.height };
  const max = maxScrollFor(options.contentHeight, scene.scale.height);
  const scrollTo = (y: number): void => {
    const next = clampScroll(y, max);
    if (next === camera.scrollY) return;
    camera.setScroll(0, next);
    getContext(scene).renderGate?.invalidate();
  };
  let drag: { fromY: number; startScroll: number } | null = null;
  const onDown = (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void => {
    drag = startsDrag(pointer.y, over.length > 0, band) ? { fromY: pointer.y, startScroll: camera.scrollY } : null;
  };
  const onMove = (pointer: Phaser.Input.Pointer): void => {
    if (!drag || !pointer.isDown) return;
    const y = dragScroll(drag.startScroll, drag.fromY, pointer.y, max);
    if (y !== null) scrollTo(y);
  };
  const onUp = (): void => {
    drag = null;
  };
  const onWheel = (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number): void =>
    scrollTo(camera.scrollY + dy);
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || !scene.sys.isActive() || !scene.input.enabled) return;
    const item = options.focused() as { getBounds?: () => Rect; scene?: unknown } | null;
    // A widget of another scene (the HUD's Concept, Leave, hint) never scrolls: it is always in view.
    if (!item || item.scene !== scene) return;
    const r = item.getBounds?.();
    const y = r ? revealScroll(r, camera.scrollY, band, max) : null;
    if (y !== null) scrollTo(y);
  };
  scene.input.on('pointerdown', onDown);
  scene.input.on('pointermove', onMove);
  scene.input.on('pointerup', onUp);
  scene.input.on('wheel', onWheel);
  window.addEventListener('keydown', onKey);
  return () => {
    scene.input.off('pointerdown', onDown);
    scene.input.off('pointermove', onMove);
    scene.input.off('pointerup', onUp);
    scene.input.off('wheel', onWheel);
    window.removeEventListener('keydown', onKey);
  };
}
