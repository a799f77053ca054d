/**
 * Holes in the map's measurement: the map's dots and how far each placed point lies from the nearest one.
 * The dots are what the view draws: the first MAP_DOTS held-out (MNIST test) digits, encoded by the level's
 * model (a VAE's μ). Distances are in the map's own box coordinates ('dataBox': the square is [−1, 1]², side 2,
 * each axis scaled to its side), the coordinates payload points use. The game (live readout and its attempt),
 * the solver bots and the classroom server all compute them here, so they agree.
 */
import type { MlWorkerApi, PretrainedModelInfo } from '../../worker-api';
import type { CodeBox } from '../harness';

/** Held-out digits on a map (the view's encodeMap draws the same first 1,000 MNIST test digits). */
export const MAP_DOTS = 1000;

/** Latent code (2-D) → the box's [−1, 1] coordinates, not clamped (a dot may lie just outside the box). */
export function toBoxCoordinates(code: readonly number[], box: CodeBox): number[] {
  return code.map((v, i) => (2 * (v - box.min[i])) / (box.max[i] - box.min[i]) - 1);
}

/** Every dot of `codes` (flat, 2 numbers each, latent) in box coordinates, flat. */
export function dotsInBox(codes: ArrayLike<number>, box: CodeBox): Float32Array {
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i += 2) {
    const [x, y] = toBoxCoordinates([codes[i], codes[i + 1]], box);
    out[i] = x;
    out[i + 1] = y;
  }
  return out;
}

/** The nearest of `dots` (flat, box coordinates) to `point`: its distance and index (Infinity / −1 if none). */
export function nearestDot(point: readonly number[], dots: ArrayLike<number>): { distance: number; index: number } {
  let distance = Infinity;
  let index = -1;
  for (let i = 0; i + 1 < dots.length; i += 2) {
    const d = Math.hypot(dots[i] - point[0], dots[i + 1] - point[1]);
    if (d < distance) {
      distance = d;
      index = i / 2;
    }
  }
  return { distance, index };
}

/** Distance from `point` (box coordinates) to the nearest of `dots`. */
export function nearestDotDistance(point: readonly number[], dots: ArrayLike<number>): number {
  return nearestDot(point, dots).distance;
}

/** The nearest dot's distance for each point, in payload order (the `nearestCodeDistances` measurement). */
export function nearestCodeDistances(points: readonly (readonly number[])[], dots: ArrayLike<number>): number[] {
  return points.map((p) => nearestDotDistance(p, dots));
}

/** The map's dots of a 2-D model with a code box, in box coordinates (flat): encoded as the view encodes them. */
export async function mapDots(
  engine: Pick<MlWorkerApi, 'getImages' | 'encode'>,
  model: PretrainedModelInfo,
): Promise<Float32Array> {
  if (!model.codeBox || model.latentSize !== 2) throw new Error(`${model.asset}: not a 2-D map with a code box.`);
  const batch = await engine.getImages('mnist', 'test', 0, MAP_DOTS);
  const codes = await engine.encode(model.modelId, batch.images.slice());
  return dotsInBox(codes, model.codeBox);
}
