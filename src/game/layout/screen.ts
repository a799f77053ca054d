/**
 * The game's base size follows the viewport's shape: landscape screens get 1280x720, portrait phones and
 * tablets a 420-wide base as tall as the screen's aspect (clamped), so FIT scaling fills a phone instead of
 * shrinking a landscape layout to a strip. Scenes lay themselves out from `scene.scale` and rebuild on change.
 */
import type { Rect } from '../ui/theme';

export const LANDSCAPE_SIZE = { width: 1280, height: 720 } as const;
export const PORTRAIT_WIDTH = 420;
const PORTRAIT_MIN_HEIGHT = 720;
const PORTRAIT_MAX_HEIGHT = 1160;

export interface Size {
  width: number;
  height: number;
}

/** Base game size for a viewport of `vw` x `vh` CSS pixels. */
export function baseSizeFor(vw: number, vh: number): Size {
  if (!(vw > 0 && vh > 0) || vw >= vh) return { ...LANDSCAPE_SIZE };
  const height = Math.round((PORTRAIT_WIDTH * vh) / vw);
  return { width: PORTRAIT_WIDTH, height: Math.min(PORTRAIT_MAX_HEIGHT, Math.max(PORTRAIT_MIN_HEIGHT, height)) };
}

export function isPortraitSize(size: Size): boolean {
  return size.height > size.width;
}

/** A column of `count` rects of height `h` with `gap`, centred horizontally in `width`, starting at `y`. */
export function stack(count: number, x: number, y: number, width: number, h: number, gap: number): Rect[] {
  return Array.from({ length: count }, (_, i) => ({ x, y: y + i * (h + gap), width, height: h }));
}
