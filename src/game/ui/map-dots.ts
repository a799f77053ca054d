/**
 * The latent map's drawings: its still picture, painted once per change into its PaintedLayer (the plot's backdrop
 * and border, the axes through the origin, one dot per encoded image in its class colour, the legend's swatches),
 * and the probe's crosshair, drawn with the overlay as it moves.
 */
import type * as Phaser from 'phaser';
import { CLASS_COLORS } from './latent-map-classes';
import { roundedRectPath } from './painted-layer';
import { COLORS, cssHex, RADIUS, type Rect } from './theme';

export interface DotsPicture {
  /** The plot area, in game pixels. */
  area: Rect;
  /** Dots to draw (null: none, e.g. a lettered map writes its points as texts instead). */
  points: { codes: Float32Array; labels: Uint8Array; count: number } | null;
  /** Latent → game pixels. */
  toScreen: (x: number, y: number) => { x: number; y: number };
  /** Legend swatches: how many, and the centre line they sit on (game pixels). */
  swatches: { count: number; left: number; cell: number; y: number };
}

/** Dot radius and opacity (each dot on its own, so a dense cluster reads denser). */
const DOT_R = 2.2;
const DOT_ALPHA = 0.75;
const SWATCH_R = 5;
const CLASS_CSS = CLASS_COLORS.map(cssHex);

export function paintMapDots(ctx: CanvasRenderingContext2D, origin: { x: number; y: number }, p: DotsPicture): void {
  ctx.translate(-origin.x, -origin.y);
  const a = p.area;
  ctx.fillStyle = cssHex(COLORS.imageEmpty);
  roundedRectPath(ctx, a.x, a.y, a.width, a.height, RADIUS);
  ctx.fill();
  ctx.strokeStyle = cssHex(COLORS.panelBorder);
  ctx.lineWidth = 1;
  roundedRectPath(ctx, a.x + 0.5, a.y + 0.5, a.width - 1, a.height - 1, RADIUS);
  ctx.stroke();
  // Axes through the origin when it is on the map.
  const o = p.toScreen(0, 0);
  ctx.strokeStyle = cssHex(COLORS.gridLine);
  ctx.beginPath();
  if (o.x > a.x && o.x < a.x + a.width) {
    ctx.moveTo(o.x, a.y);
    ctx.lineTo(o.x, a.y + a.height);
  }
  if (o.y > a.y && o.y < a.y + a.height) {
    ctx.moveTo(a.x, o.y);
    ctx.lineTo(a.x + a.width, o.y);
  }
  ctx.stroke();
  const pts = p.points;
  if (pts) {
    ctx.globalAlpha = DOT_ALPHA;
    for (let i = 0; i < pts.count; i++) {
      const s = p.toScreen(pts.codes[2 * i], pts.codes[2 * i + 1]);
      if (s.x < a.x || s.x > a.x + a.width || s.y < a.y || s.y > a.y + a.height) continue;
      ctx.fillStyle = CLASS_CSS[pts.labels[i] % CLASS_CSS.length];
      ctx.beginPath();
      ctx.arc(s.x, s.y, DOT_R, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }
  const sw = p.swatches;
  for (let i = 0; i < sw.count; i++) {
    ctx.fillStyle = CLASS_CSS[i % CLASS_CSS.length];
    ctx.beginPath();
    ctx.arc(sw.left + i * sw.cell + sw.cell / 2 - 10, sw.y, SWATCH_R, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** The probe's ring radius, in game pixels. */
export const PROBE_R = 11;

/** The probe at screen point `s`: a ring with a crosshair (a wider halo while dragged). */
export function drawProbe(g: Phaser.GameObjects.Graphics, s: { x: number; y: number }, dragging: boolean): void {
  g.fillStyle(0xffffff, 0.25).fillCircle(s.x, s.y, PROBE_R + (dragging ? 3 : 0));
  g.lineStyle(3, COLORS.focus, 1).strokeCircle(s.x, s.y, PROBE_R);
  g.lineStyle(2, COLORS.focus, 1)
    .lineBetween(s.x - PROBE_R - 6, s.y, s.x - 4, s.y)
    .lineBetween(s.x + 4, s.y, s.x + PROBE_R + 6, s.y);
  g.lineBetween(s.x, s.y - PROBE_R - 6, s.x, s.y - 4).lineBetween(s.x, s.y + 4, s.x, s.y + PROBE_R + 6);
}
