/** A model's 2-D code space for the latent map: held-out images encoded, and a box around their codes. */
import { mapBox } from '../../../shared/lab/latent-tools';
import { heldOutLetters } from '../../../shared/levels/harness';
import type { TrainedSetup } from '../../../shared/levels/types';
import type { MlPort } from '../../ml/ml-port';

export interface LatentMapData {
  codes: Float32Array;
  labels: Uint8Array;
  count: number;
  classNames: string[];
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number };
  width: number;
  height: number;
}

/** Held-out digits on the latent map. */
const MAP_POINTS = 1000;

/**
 * Encodes the held-out images (letters for a letters recipe, else the first MNIST test digits) with `modelId`;
 * `labelled`: a conditional model, given each image's label (its map is then a map of style, every class on it).
 */
export async function encodeMap(
  port: MlPort,
  modelId: string,
  classNames: string[],
  setup: TrainedSetup | null,
  labelled = false,
): Promise<LatentMapData> {
  let images: Float32Array;
  let labels: Uint8Array;
  let width: number;
  let height: number;
  if (setup?.heldOut.source === 'letters') {
    const letters = heldOutLetters({ source: 'letters', copies: 1, noiseSeed: 0 });
    images = letters.targets;
    labels = Uint8Array.from({ length: letters.count }, (_, i) => i);
    width = 5;
    height = 7;
  } else {
    const batch = await port.getImages('mnist', 'test', 0, MAP_POINTS);
    images = batch.images;
    labels = batch.labels;
    width = batch.width;
    height = batch.height;
  }
  const count = labels.length;
  const codes = labelled
    ? await port.encode(modelId, images.slice(), labels.slice())
    : await port.encode(modelId, images.slice());
  return {
    codes,
    labels,
    count,
    classNames,
    // A margin around the codes, and never a degenerate box (a collapsed VAE puts everything at 0).
    bounds: mapBox(codes, count),
    width,
    height,
  };
}
