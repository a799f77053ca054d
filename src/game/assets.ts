/**
 * The game's own UI drawings, painted onto canvas textures when the game boots: the logo and icons from their
 * SVGs (src/game/ui/art/*.svg, bundled as text; ui/svg-paint.ts), the backdrop from its generator
 * (ui/backdrop-art.ts). No image is fetched or decoded before the first screen (issue 15).
 */
import type * as Phaser from 'phaser';
import { paintBackdrop } from './ui/backdrop-art';
import { BACKDROP_KEY } from './ui/backdrop';
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

/**
 * Adds every UI drawing the texture manager does not have yet, each a texture whose source is its painted canvas
 * (synchronous). Through `addImage`, which takes any drawable source (Phaser's TextureSource handles canvases for
 * both renderers), not `addCanvas`: a CanvasTexture reads its whole canvas back at once (getImageData), 17–32 ms
 * for the 1280x720 backdrop on this machine, for pixel access the game never uses.
 */
export function addUiTextures(textures: Phaser.Textures.TextureManager): void {
  const add = (key: string, canvas: HTMLCanvasElement): void => {
    textures.addImage(key, canvas as unknown as HTMLImageElement);
  };
  for (const a of UI_ART) if (!textures.exists(a.key)) add(a.key, paintSvg(a.svg, a.width, a.height));
  if (!textures.exists(BACKDROP_KEY)) add(BACKDROP_KEY, paintBackdrop());
}
