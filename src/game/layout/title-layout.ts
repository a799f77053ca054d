/**
 * Where the title screen's parts go, in game pixels of a `width` x `height` base size (layout/screen.ts). One
 * source for both pictures of the title: the Phaser Title scene and the HTML title shown while the game loads
 * (src/game/shell/title-shell.ts), so the hand-over from one to the other moves nothing.
 */
import type { Rect } from '../ui/theme';
import { stack } from './screen';

export interface TitleLayout {
  portrait: boolean;
  /** The language picker (four segments, 6 px apart). */
  language: Rect;
  /** The logo's centre and its scale over the drawing's 120x72. */
  logo: { x: number; y: number; scale: number };
  /** Centre of the game's name, and its font size. */
  name: { x: number; y: number; fontSize: number };
  /** Centre of the tagline, its font size and wrap width. */
  tagline: { x: number; y: number; fontSize: number; wrap: number };
  /** Play, Join a class, Lab, Settings. */
  buttons: [Rect, Rect, Rect, Rect];
  /** The star and the progress line: the star's centre x, the text's left x, their middle y. */
  progress: { starX: number; textX: number; y: number };
  /** The notice banner (and the keyboard hint centred in it when there is no notice). */
  banner: Rect;
}

/** The language picker's segment gap (the SegmentedControl default). */
export const TITLE_LANGUAGE_GAP = 6;

export function titleLayout(width: number, height: number): TitleLayout {
  const portrait = height > width;
  const cx = width / 2;
  const langW = portrait ? width - 32 : 380;
  const top = portrait ? height * 0.14 : 118;
  const nameY = top + (portrait ? 84 : 96);
  const bw = portrait ? width - 64 : 340;
  const bannerH = portrait ? 84 : 48;
  const bannerY = height - bannerH - 16;
  const firstButton = nameY + (portrait ? 112 : 100);
  // Short portrait screens (a tablet held upright: 420x720 base) take tighter buttons so the progress line stays
  // clear of the banner below it.
  const roomy = { bh: portrait ? 60 : 56, gap: portrait ? 16 : 12, below: portrait ? 40 : 30 };
  const fits = (o: typeof roomy): boolean => firstButton + 4 * o.bh + 3 * o.gap + o.below + 20 <= bannerY;
  const { bh, gap, below } = !portrait || fits(roomy) ? roomy : { bh: 52, gap: 10, below: 30 };
  const buttons = stack(4, cx - bw / 2, firstButton, bw, bh, gap);
  const py = buttons[3].y + bh + below;
  return {
    portrait,
    language: {
      x: portrait ? 16 : width - langW - 20,
      y: portrait ? 12 : 18,
      width: langW,
      height: portrait ? 40 : 36,
    },
    logo: { x: cx, y: top, scale: portrait ? 1.3 : 1.5 },
    name: { x: cx, y: nameY, fontSize: portrait ? 44 : 60 },
    tagline: { x: cx, y: nameY + (portrait ? 52 : 58), fontSize: portrait ? 18 : 20, wrap: width - 48 },
    buttons: [buttons[0], buttons[1], buttons[2], buttons[3]],
    progress: { starX: cx - 70, textX: cx - 52, y: py },
    banner: {
      x: portrait ? 16 : cx - 420,
      y: bannerY,
      width: portrait ? width - 32 : 840,
      height: bannerH,
    },
  };
}
