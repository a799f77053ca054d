/**
 * What Holes in the map's two maps hold, measured the way the level draws them: each map spans its asset's
 * codeBox (1st–99th percentile of the encoded training codes), cut into an n×n grid of cells.
 * - holes: the share of cells whose centre decodes to an image the judge gives no class at least `bar` of;
 * - gaps: the share of cells whose centre has none of the map's dots (the first 1,000 held-out digits' codes,
 *   as the view draws them) within `radius` of the box side: codes no digit was given.
 * The figures the Holes lesson rests on (world3-latent-map.ts, README's pretrained table).
 */
import { predictedClass } from '../../../src/shared/scoring';
import type { PretrainedAssetName } from '../../../src/shared/worker-api';
import type { PretrainedEngine } from '../pretrained';

const MAP_DOTS = 1000;

export interface MapShares {
  holes: number;
  gaps: number;
}

export async function mapShares(
  engine: PretrainedEngine,
  asset: PretrainedAssetName,
  opts: { bar: number; radius: number; n?: number },
): Promise<MapShares> {
  const n = opts.n ?? 40;
  const model = await engine.loadPretrained(asset);
  const box = model.codeBox;
  if (!box || box.min.length !== 2) throw new Error(`${asset} is not a 2-D map with a code box`);
  const span = [box.max[0] - box.min[0], box.max[1] - box.min[1]];
  const centres = new Float32Array(2 * n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      centres[2 * (i * n + j)] = box.min[0] + ((j + 0.5) / n) * span[0];
      centres[2 * (i * n + j) + 1] = box.min[1] + ((i + 0.5) / n) * span[1];
    }
  const images = await engine.decode(model.modelId, centres);
  const { probabilities, classes } = await engine.classify(images);
  const batch = await engine.getImages('mnist', 'test', 0, MAP_DOTS);
  const dots = await engine.encode(model.modelId, batch.images.slice());
  // In box units (the side is 1), where the radius is measured.
  const unit = (codes: Float32Array, k: number): [number, number] => [
    (codes[2 * k] - box.min[0]) / span[0],
    (codes[2 * k + 1] - box.min[1]) / span[1],
  ];
  let holes = 0;
  let gaps = 0;
  for (let k = 0; k < n * n; k++) {
    if (predictedClass(probabilities.subarray(k * classes, (k + 1) * classes)).confidence < opts.bar) holes++;
    const [x, y] = unit(centres, k);
    let empty = true;
    for (let d = 0; d < dots.length / 2 && empty; d++) {
      const [u, v] = unit(dots, d);
      if (Math.hypot(u - x, v - y) < opts.radius) empty = false;
    }
    if (empty) gaps++;
  }
  return { holes: holes / (n * n), gaps: gaps / (n * n) };
}
