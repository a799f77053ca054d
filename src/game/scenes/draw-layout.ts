/** Where everything on the drawing screen goes: landscape (1280x720 base) and portrait (420 wide). */
import type { Rect } from '../ui/theme';

export interface DrawLayout {
  back: Rect;
  title: Rect;
  /** Digit / letter switch. */
  mode: Rect;
  hint: Rect;
  pad: Rect;
  brush: Rect;
  undo: Rect;
  clear: Rect;
  /** Keep the drawing (digit) or keep it as my letter. */
  keep: Rect;
  /** Letter mode, in the brush's place: which font letter mine replaces (and starts from). */
  letterAs: Rect;
  /** Mine mode: the counts and a card per kept drawing. */
  mine: Rect;
  images: Rect;
  status: Rect;
  detail: Rect;
  map: Rect;
  mapHint: Rect;
  banner: Rect;
  gap: number;
}

export function drawLayout(W: number, H: number, portrait: boolean): DrawLayout {
  const gap = 8;
  if (!portrait) {
    const top = 84;
    const pad = { x: 24, y: top + 44, width: 300, height: 300 };
    const rowY = pad.y + pad.height + 12;
    const colX = pad.x + pad.width + 28;
    const mapSize = Math.min(H - top - 90, 470);
    const mapX = W - 24 - mapSize;
    const colW = mapX - 24 - colX;
    const imagesH = (colW - 3 * gap) / 4;
    return {
      back: { x: 16, y: 14, width: 92, height: 44 },
      title: { x: 124, y: 20, width: W - 140 - 330, height: 36 },
      mode: { x: W - 24 - 300, y: 16, width: 300, height: 40 },
      hint: { x: 24, y: top, width: pad.width, height: 40 },
      pad,
      brush: { x: pad.x, y: rowY, width: pad.width, height: 40 },
      undo: { x: pad.x, y: rowY + 50, width: (pad.width - 10) / 2, height: 44 },
      clear: { x: pad.x + (pad.width + 10) / 2, y: rowY + 50, width: (pad.width - 10) / 2, height: 44 },
      keep: { x: pad.x, y: rowY + 106, width: pad.width, height: 44 },
      letterAs: { x: pad.x, y: rowY, width: pad.width, height: 40 },
      mine: { x: 24, y: top + 44, width: W - 48, height: H - top - 120 },
      images: { x: colX, y: top + 44, width: colW, height: imagesH },
      status: { x: colX, y: top + 44 + imagesH + 40, width: colW, height: 60 },
      detail: { x: colX, y: top + 44 + imagesH + 110, width: colW, height: 120 },
      map: { x: mapX, y: top, width: mapSize, height: mapSize },
      mapHint: { x: mapX, y: top + mapSize + 4, width: mapSize, height: 36 },
      banner: { x: 24, y: H - 60, width: W - 48 - mapSize - 24, height: 48 },
      gap,
    };
  }
  const m = 12;
  const padSize = Math.min(W - 2 * m - 132, 250);
  const pad = { x: m, y: 112, width: padSize, height: padSize };
  const sideX = pad.x + padSize + 12;
  const sideW = W - m - sideX;
  const imagesY = pad.y + padSize + 14;
  const imagesW = W - 2 * m;
  const imagesH = (imagesW - 3 * gap) / 4;
  const statusY = imagesY + imagesH + 30;
  const mapY = statusY + 140;
  const mapSize = Math.min(W - 2 * m, H - mapY - 130);
  return {
    back: { x: m, y: 12, width: 84, height: 44 },
    title: { x: m + 96, y: 18, width: W - 2 * m - 96, height: 32 },
    // A phone has no room for both: the switch takes the title's place.
    mode: { x: m + 96, y: 12, width: W - 2 * m - 96, height: 44 },
    hint: { x: m, y: 66, width: W - 2 * m, height: 40 },
    pad,
    brush: { x: sideX, y: pad.y, width: sideW, height: 44 },
    undo: { x: sideX, y: pad.y + 56, width: sideW, height: 48 },
    clear: { x: sideX, y: pad.y + 116, width: sideW, height: 48 },
    keep: { x: sideX, y: pad.y + 176, width: sideW, height: 48 },
    letterAs: { x: sideX, y: pad.y, width: sideW, height: 44 },
    mine: { x: m, y: 112, width: W - 2 * m, height: H - 112 - 100 },
    images: { x: m, y: imagesY, width: imagesW, height: imagesH },
    status: { x: m, y: statusY, width: imagesW, height: 50 },
    detail: { x: m, y: statusY + 52, width: imagesW, height: 84 },
    map: { x: (W - mapSize) / 2, y: mapY, width: mapSize, height: mapSize },
    mapHint: { x: m, y: mapY + mapSize + 4, width: imagesW, height: 36 },
    banner: { x: m, y: H - 92, width: W - 2 * m, height: 84 },
    gap,
  };
}
