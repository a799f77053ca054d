/**
 * The game's own UI drawings (src/game/ui/art/*.svg, bundled as text), painted onto canvas textures when the game
 * boots (ui/svg-paint.ts): no SVG image decode before the first screen (issue 15). The small ones are in the main
 * chunk; the backdrop's ~260 circles (2.7 kB gzip) are their own chunk, requested as soon as this module loads so
 * it arrives while Phaser boots (the main chunk stays under 350 kB gzip).
 */
import type * as Phaser from 'phaser';
import iconPause from './ui/art/icon-pause.svg?raw';
import iconPlay from './ui/art/icon-play.svg?raw';
import iconResume from './ui/art/icon-resume.svg?raw';
import iconStop from './ui/art/icon-stop.svg?raw';
import logo from './ui/art/logo.svg?raw';
import { paintSvg } from './ui/svg-paint';

export interface UiArt {
  key: string;
  svg: string;
  /** The texture's size in pixels (the drawing's viewBox is scaled to it). */
  width: number;
  height: number;
}

/** The logo is painted at 1.5x its drawing's 120x72 (the title shows it that large); scale by 1/this for 1x. */
export const LOGO_PAINT_SCALE = 1.5;

const UI_ART: readonly UiArt[] = [
  { key: 'logo', svg: logo, width: 120 * LOGO_PAINT_SCALE, height: 72 * LOGO_PAINT_SCALE },
  { key: 'icon-play', svg: iconPlay, width: 20, height: 20 },
  { key: 'icon-pause', svg: iconPause, width: 20, height: 20 },
  { key: 'icon-resume', svg: iconResume, width: 20, height: 20 },
  { key: 'icon-stop', svg: iconStop, width: 20, height: 20 },
];

/** The backdrop's drawing (its chunk requested now), or null if it could not be fetched (offline, uncached). */
const backdropSvg: Promise<string | null> = import('./ui/art/backdrop.svg?raw').then(
  (m) => m.default,
  () => null,
);

/**
 * Every UI drawing, once the backdrop's text is here: the backdrop is drawn unscaled at the origin of the Level
 * and Lab scenes (the game's landscape base size). Without it (its chunk failed) the scenes go without a backdrop.
 */
export async function uiArt(): Promise<readonly UiArt[]> {
  const backdrop = await backdropSvg;
  return backdrop === null ? UI_ART : [...UI_ART, { key: 'backdrop', svg: backdrop, width: 1280, height: 720 }];
}

/**
 * Adds every drawing in `art` the texture manager does not have yet, each a texture whose source is its painted
 * canvas (synchronous). Through `addImage`, which takes any drawable source (Phaser's TextureSource handles
 * canvases for both renderers), not `addCanvas`: a CanvasTexture reads its whole canvas back at once
 * (getImageData), 17–32 ms for the 1280x720 backdrop on this machine, for pixel access the game never uses.
 */
export function addUiTextures(textures: Phaser.Textures.TextureManager, art: readonly UiArt[]): void {
  for (const a of art) {
    if (textures.exists(a.key)) continue;
    const canvas = paintSvg(a.svg, a.width, a.height);
    textures.addImage(a.key, canvas as unknown as HTMLImageElement);
  }
}
