/**
 * The one rule that makes text fit its box in every language (Polish and Czech run 20–35 % longer than English):
 * a text measured wider or taller than its box first shrinks its font, one pixel at a time, down to 70 % of the
 * theme size (wrapping again at each size when it wraps); a text still too big at that size is scaled down as a
 * whole. Nothing is cut off and no string is tuned by hand. Label, Button and SegmentedControl call it whenever
 * their text or box changes; `textOverflows()` lists texts that still do not fit (the e2e tests ask for it).
 */
import type * as Phaser from 'phaser';

export interface FitBox {
  width: number;
  /** Omitted: only the width counts (a label that may grow downwards). */
  height?: number;
}

/** Smallest font as a share of the theme size, and never below this many pixels. */
const MIN_SHARE = 0.7;
const MIN_PX = 10;
const BASE_KEY = 'fitBaseFontPx';
const BOX_KEY = 'fitBox';
const LAST_KEY = 'fitLast';

const fontPx = (text: Phaser.GameObjects.Text): number => parseFloat(String(text.style.fontSize)) || 16;

/** Makes `text` fit `box` (in game pixels, its unscaled size); `wrap` re-wraps at the box width at each size. */
export function fitText(text: Phaser.GameObjects.Text, box: FitBox, wrap = false): void {
  const last = `${box.width}|${box.height}|${wrap}|${text.text}`;
  if (text.getData(LAST_KEY) === last) return; // unchanged since the last fit (widgets redraw on every hover)
  text.setData(LAST_KEY, last);
  const base = (text.getData(BASE_KEY) as number | undefined) ?? fontPx(text);
  text.setData(BASE_KEY, base);
  text.setData(BOX_KEY, { ...box });
  text.setScale(1);
  const fits = (): boolean =>
    text.width <= box.width + 0.5 && (box.height === undefined || text.height <= box.height + 0.5);
  const setSize = (px: number): void => {
    if (fontPx(text) !== px) text.setFontSize(`${px}px`);
    if (wrap) text.setWordWrapWidth(Math.max(1, box.width), true);
  };
  setSize(base);
  if (text.text === '' || fits()) return;
  const min = Math.max(MIN_PX, Math.floor(base * MIN_SHARE));
  for (let px = Math.floor(base) - 1; px >= min; px--) {
    setSize(px);
    if (fits()) return;
  }
  const scale = Math.min(box.width / text.width, box.height !== undefined ? box.height / text.height : 1);
  text.setScale(Math.max(0.01, Math.min(1, scale)));
}

export interface TextOverflow {
  scene: string;
  text: string;
  problem: string;
}

/**
 * Texts of the running scenes that do not fit: a fitted text larger than its box, or any visible text that runs
 * past the left or right edge of the game (nothing on these screens is meant to be cut by the screen's sides).
 */
export function textOverflows(game: Phaser.Game): TextOverflow[] {
  const out: TextOverflow[] = [];
  const width = game.scale.width;
  for (const scene of game.scene.getScenes(true)) {
    const key = scene.sys.settings.key;
    for (const object of scene.children.list) {
      if (object.type !== 'Text') continue;
      const text = object as Phaser.GameObjects.Text;
      if (!text.visible || text.alpha === 0 || text.text.trim() === '') continue;
      const box = text.getData(BOX_KEY) as FitBox | undefined;
      const label = text.text.slice(0, 60);
      if (box) {
        if (text.displayWidth > box.width + 1)
          out.push({
            scene: key,
            text: label,
            problem: `${Math.round(text.displayWidth)}px wide in a ${box.width}px box`,
          });
        if (box.height !== undefined && text.displayHeight > box.height + 1)
          out.push({
            scene: key,
            text: label,
            problem: `${Math.round(text.displayHeight)}px tall in a ${box.height}px box`,
          });
      }
      const bounds = text.getBounds();
      const scrollX = scene.cameras.main.scrollX;
      if (bounds.left - scrollX < -1 || bounds.right - scrollX > width + 1)
        out.push({
          scene: key,
          text: label,
          problem: `runs off the screen (${Math.round(bounds.left)}…${Math.round(bounds.right)})`,
        });
    }
  }
  return out;
}
