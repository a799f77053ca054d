/**
 * What Holes in the map's two maps hold, measured the way the level draws them: each map spans its asset's
 * codeBox (1st–99th percentile of the encoded training codes), cut into an n×n grid of cells.
 * - holes: the share of cells whose centre decodes to an image the judge gives no class at least `bar` of;
 * - gaps: the share of cells whose centre has none of the map's dots (the first 1,000 held-out digits' codes,
 *   as the view draws them: measure/map-dots.ts, what the level scores) within `radius`, in the map's box
 *   coordinates ([−1, 1]², side 2; the level's HOLES_GAP_RADIUS).
 * The figures the Holes lesson rests on (world3-latent-map.ts, README's pretrained table).
 */
import { mapDots, nearestDotDistance } from '../../../src/shared/levels/measure';
import { predictedClass } from '../../../src/shared/scoring';
import type { PretrainedAssetName } from '../../../src/shared/worker-api';
import type { PretrainedEngine } from '../pretrained';

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
  const dots = await mapDots(engine, model);
  let holes = 0;
  let gaps = 0;
  for (let k = 0; k < n * n; k++) {
    if (predictedClass(probabilities.subarray(k * classes, (k + 1) * classes)).confidence < opts.bar) holes++;
    const at = [(2 * (k % n) + 1) / n - 1, (2 * Math.floor(k / n) + 1) / n - 1];
    if (nearestDotDistance(at, dots) >= opts.radius) gaps++;
  }
  return { holes: holes / (n * n), gaps: gaps / (n * n) };
}
