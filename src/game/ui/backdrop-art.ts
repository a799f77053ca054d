/**
 * The faint "latent space" behind the game's screens: ten clusters of points, one colour per class, the way a
 * 2-D code map of the ten digits looks. Generated from a fixed seed (the same picture on every load) and painted
 * straight onto a canvas at boot: no image to fetch or decode before the first screen, and ~0.6 kB of code where
 * the SVG of its 260 circles was 18.6 kB (issue 15: title interactive, main chunk ≤ 350 kB gzip).
 */
import { createRng } from '../../shared/random';

export interface BackdropPoint {
  x: number;
  y: number;
  r: number;
  color: string;
  alpha: number;
}

/** The drawing's own size (the game's landscape base size: Level and Lab draw it unscaled at the origin). */
export const BACKDROP_SIZE = { width: 1280, height: 720 } as const;

/** Each class's cluster: its colour, centre and spread (standard deviations in pixels). */
const CLUSTERS: readonly { color: string; x: number; y: number; sx: number; sy: number }[] = [
  { color: '#3a86c8', x: 185, y: 126, sx: 45, sy: 39 },
  { color: '#4cc9f0', x: 460, y: 172, sx: 46, sy: 35 },
  { color: '#80ed99', x: 803, y: 117, sx: 41, sy: 39 },
  { color: '#06d6a0', x: 219, y: 199, sx: 48, sy: 44 },
  { color: '#ffd166', x: 682, y: 275, sx: 52, sy: 22 },
  { color: '#e0aaff', x: 719, y: 310, sx: 56, sy: 41 },
  { color: '#b388ff', x: 156, y: 307, sx: 51, sy: 38 },
  { color: '#f78c6b', x: 162, y: 362, sx: 50, sy: 38 },
  { color: '#ef476f', x: 562, y: 542, sx: 61, sy: 34 },
  { color: '#118ab2', x: 800, y: 610, sx: 46, sy: 33 },
];
const POINTS_PER_CLUSTER = 26;
const SEED = 20_251_205;

/** The backdrop's points, the same every time. */
export function backdropPoints(): BackdropPoint[] {
  const rng = createRng(SEED);
  const points: BackdropPoint[] = [];
  for (const c of CLUSTERS)
    for (let i = 0; i < POINTS_PER_CLUSTER; i++) {
      const x = Math.min(BACKDROP_SIZE.width - 5, Math.max(5, c.x + c.sx * rng.normal()));
      const y = Math.min(BACKDROP_SIZE.height - 5, Math.max(5, c.y + c.sy * rng.normal()));
      points.push({ x, y, r: 2 + 2.5 * rng.next(), color: c.color, alpha: 0.18 + 0.22 * rng.next() });
    }
  return points;
}

/** A new canvas of the backdrop's size with its points painted (Canvas 2D arcs). */
export function paintBackdrop(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = BACKDROP_SIZE.width;
  canvas.height = BACKDROP_SIZE.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('backdrop: no 2D canvas context');
  for (const p of backdropPoints()) {
    ctx.globalAlpha = p.alpha;
    ctx.fillStyle = p.color;
    ctx.beginPath();
    ctx.arc(p.x, p.y, p.r, 0, 2 * Math.PI);
    ctx.fill();
  }
  return canvas;
}
