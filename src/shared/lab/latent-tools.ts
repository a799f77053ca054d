/**
 * The Lab's generation math, pure (no tfjs, no Phaser): where a point of the 2-D map is in code space (the code
 * itself for a 2-D code, else through the PCA basis of the held-out codes), the box around the map's points, the
 * codes along the straight line between two images, prior samples z = σ·ε with ε ~ N(0, I) from a seed, and the
 * codes under an n × n grid over the map.
 */
import { createRng } from '../random';

/** A 2-D view of `dim`-dimensional codes: map point (x, y) ↔ code mean + x·axes[0] + y·axes[1]. */
export interface CodeProjection {
  dim: number;
  /** The codes' mean, dim numbers. */
  mean: Float32Array;
  /** 2 × dim, row-major: the first two principal directions (unit length). */
  axes: Float32Array;
  /** count × 2: each code's coordinates along the two axes (its place on the map). */
  points: Float32Array;
  /** Share of the codes' variance along each of the two axes. */
  explained: [number, number];
}

export interface MapBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The box around count × 2 points, with a margin, never degenerate (a collapsed VAE puts every code at 0). */
export function mapBox(points: Float32Array, count: number): MapBox {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < count; i++) {
    xMin = Math.min(xMin, points[2 * i]);
    xMax = Math.max(xMax, points[2 * i]);
    yMin = Math.min(yMin, points[2 * i + 1]);
    yMax = Math.max(yMax, points[2 * i + 1]);
  }
  if (count === 0) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const padX = Math.max(0.25, (xMax - xMin) * 0.12);
  const padY = Math.max(0.25, (yMax - yMin) * 0.12);
  return { xMin: xMin - padX, xMax: xMax + padX, yMin: yMin - padY, yMax: yMax + padY };
}

/** The code under map point (x, y): the point itself for 2-D codes (no projection), else mapped back through PCA. */
export function codeAt(projection: CodeProjection | null, x: number, y: number): Float32Array {
  if (!projection) return new Float32Array([x, y]);
  const { dim, mean, axes } = projection;
  const code = new Float32Array(dim);
  for (let j = 0; j < dim; j++) code[j] = mean[j] + x * axes[j] + y * axes[dim + j];
  return code;
}

/** Where a code lands on the map (its projection; a 2-D code is its own point). */
export function pointOf(projection: CodeProjection | null, code: ArrayLike<number>): { x: number; y: number } {
  if (!projection) return { x: code[0], y: code[1] };
  const { dim, mean, axes } = projection;
  let x = 0;
  let y = 0;
  for (let j = 0; j < dim; j++) {
    x += (code[j] - mean[j]) * axes[j];
    y += (code[j] - mean[j]) * axes[dim + j];
  }
  return { x, y };
}

/** `steps` codes evenly spaced on the straight line from a to b, both ends included (steps × dim). */
export function interpolationCodes(a: ArrayLike<number>, b: ArrayLike<number>, steps: number): Float32Array {
  const dim = a.length;
  if (b.length !== dim) throw new Error('Both codes must have the same size.');
  if (!Number.isInteger(steps) || steps < 2) throw new Error('An interpolation needs at least 2 steps.');
  const out = new Float32Array(steps * dim);
  for (let s = 0; s < steps; s++) {
    const t = s / (steps - 1);
    for (let j = 0; j < dim; j++) out[s * dim + j] = (1 - t) * a[j] + t * b[j];
  }
  return out;
}

/** `count` codes z = σ·ε, ε ~ N(0, I) drawn from `seed` (count × dim): the same seed gives the same sheet. */
export function priorCodes(count: number, dim: number, sigma: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count * dim }, () => sigma * rng.normal());
}

/** Codes under an n × n grid over the box, row-major from the top-left (xMin, yMax), like the map draws it. */
export function gridCodes(projection: CodeProjection | null, box: MapBox, n: number): Float32Array {
  const dim = projection?.dim ?? 2;
  const out = new Float32Array(n * n * dim);
  const at = (lo: number, hi: number, i: number): number => (n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1));
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      out.set(codeAt(projection, at(box.xMin, box.xMax, c), at(box.yMax, box.yMin, r)), (r * n + c) * dim);
  return out;
}
