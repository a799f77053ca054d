/**
 * Corruption of a training batch for denoising: the shared, seeded noise functions on CPU, one seed per batch
 * (derived from the job's seed and step), so a resumed or repeated job sees the same corrupted inputs.
 * The target stays the clean batch.
 */
import { corrupt, type ImageShape, type NoiseSpec } from '../../shared/noise';

export function hasNoise(noise: NoiseSpec | undefined): noise is NoiseSpec {
  return noise !== undefined && noise.type !== 'none';
}

/** Copies rows `indices` of `images` (each `shape` sized) and corrupts the copy; `images` is untouched. */
export function corruptRows(
  images: Float32Array,
  indices: ArrayLike<number>,
  shape: ImageShape,
  noise: NoiseSpec,
  seed: number,
): Float32Array {
  const size = shape.width * shape.height;
  const batch = new Float32Array(indices.length * size);
  for (let i = 0; i < indices.length; i++)
    batch.set(images.subarray(indices[i] * size, (indices[i] + 1) * size), i * size);
  return corrupt(batch, shape, noise, seed);
}
