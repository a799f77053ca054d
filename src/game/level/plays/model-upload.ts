/**
 * A trained attempt's model for a class competition's upload (float16 base64, src/shared/classroom/model-codec.ts),
 * encoded on the main thread in slices. In one go the encoding was a single long task at the end of every run
 * (MNIST levels: 0.4–2.8 M weights, 50–300 ms under load), so the slices yield to the frames in between.
 */
import { encodeWeights } from '../../../shared/classroom/model-codec';

/**
 * Weights per slice. A multiple of 3: each slice is then a whole number of base64 groups (2 bytes a weight), so
 * the slices' texts joined are the whole's text.
 */
export const WEIGHTS_PER_SLICE = 3 * 16_384;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** `encodeWeights(weights)`, the same text, computed a slice per task; rejects with the signal's reason if aborted. */
export async function encodeWeightsInSlices(weights: Float32Array, signal?: AbortSignal): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < weights.length || parts.length === 0; start += WEIGHTS_PER_SLICE) {
    if (parts.length > 0) await nextTask();
    signal?.throwIfAborted();
    parts.push(encodeWeights(weights.subarray(start, Math.min(weights.length, start + WEIGHTS_PER_SLICE))));
  }
  return parts.join('');
}
