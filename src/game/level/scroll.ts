/**
 * Phones: the Level scene's one-column layout can be taller than the screen (levels with many controls).
 * Its main camera then scrolls vertically between the HUD's top bar and hint strip (drag empty space, the
 * wheel, or Tab to a widget out of view), like the Lab's portrait layout. uiBounds stay in screen pixels.
 */
import type * as Phaser from 'phaser';
import { getContext } from '../context';
import type { Rect } from '../ui/theme';
import { WidgetRegistry } from '../ui/WidgetRegistry';

/** The HUD (a parallel scene that does not scroll) registers these in the Level's registry. */
const FIXED = new Set(['level:concept', 'level:leave', 'level:start', 'level:retry', 'level:continue']);

/** uiBounds in screen (not world) pixels for the Level's widgets when its camera has scrolled; HUD ids as they are. */
export class LevelRegistry extends WidgetRegistry {
  constructor(private readonly camera: Phaser.Cameras.Scene2D.Camera) {
    super();
  }

  override bounds(id: string): Rect | null {
    const r = super.bounds(id);
    if (!r || FIXED.has(id) || id.startsWith('hud:')) return r;
    return { ...r, x: r.x - this.camera.scrollX, y: r.y - this.camera.scrollY };
  }
}

/**
 * Vertical scrolling of the main camera over `contentHeight`; `view` is the part of the screen the HUD leaves
 * free (top and bottom in screen pixels): Tab keeps the focused widget inside it. Returns the uninstaller.
 */
export function installLevelScroll(
  scene: Phaser.Scene,
  contentHeight: number,
  view: { top: number; bottom: number },
  focused: () => unknown,
): { dispose: () => void; scrollTo: (y: number) => void } {
  const camera = scene.cameras.main;
  const maxScroll = Math.max(0, contentHeight - scene.scale.height);
  const scrollTo = (y: number): void => {
    camera.setScroll(0, Math.round(Math.max(0, Math.min(maxScroll, y))));
    getContext(scene).renderGate?.invalidate();
  };
  let dragFrom: number | null = null;
  let startScroll = 0;
  const onDown = (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void => {
    dragFrom = over.length === 0 && pointer.y > view.top && pointer.y < view.bottom ? pointer.y : null;
    startScroll = camera.scrollY;
  };
  const onMove = (pointer: Phaser.Input.Pointer): void => {
    if (dragFrom !== null && pointer.isDown) scrollTo(startScroll - (pointer.y - dragFrom));
  };
  const onUp = (): void => {
    dragFrom = null;
  };
  const onWheel = (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number): void => scrollTo(camera.scrollY + dy);
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || !scene.sys.isActive()) return;
    const item = focused() as { getBounds?: () => Rect; scene?: unknown } | null;
    // The HUD's own widgets (a scene that does not scroll) are always in view.
    if (!item || item.scene !== scene) return;
    const r = item.getBounds?.();
    if (!r) return;
    if (r.y < camera.scrollY + view.top + 8) scrollTo(r.y - view.top - 16);
    else if (r.y + r.height > camera.scrollY + view.bottom - 8) scrollTo(r.y + r.height - view.bottom + 16);
  };
  scene.input.on('pointerdown', onDown);
  scene.input.on('pointermove', onMove);
  scene.input.on('pointerup', onUp);
  scene.input.on('wheel', onWheel);
  window.addEventListener('keydown', onKey);
  return {
    scrollTo,
    dispose: () => {
      scene.input.off('pointerdown', onDown);
      scene.input.off('pointermove', onMove);
      scene.input.off('pointerup', onUp);
      scene.input.off('wheel', onWheel);
      window.removeEventListener('keydown', onKey);
    },
  };
}
