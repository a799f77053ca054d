/** Pure facts about VQ-VAE codes, shared by the worker, the levels and the Lab. */

/** β_commit of van den Oord et al. (2017): the weight of the commitment loss ‖z_e − sg[e]‖². */
export const DEFAULT_COMMITMENT = 0.25;

/** Limits of a VQ-VAE spec (the bottleneck, slots × code dimension, is capped by the model-wide limit too). */
export const VQ_LIMITS = {
  codebookSizeMin: 2,
  codebookSizeMax: 1024,
  slotsMax: 64,
  codeDimMax: 64,
  commitmentMax: 10,
} as const;

/**
 * Bits needed to store one image as codebook indices: each of `slots` slots names one of `codebookSize` entries,
 * so slots · log2 K (fractional for a K that is not a power of two: the information, not a byte layout).
 */
export function bitsPerImage(slots: number, codebookSize: number): number {
  if (!Number.isInteger(slots) || slots < 0) throw new RangeError(`slots must be a whole number ≥ 0 (got ${slots})`);
  if (!Number.isInteger(codebookSize) || codebookSize < 1)
    throw new RangeError(`the codebook size must be a whole number ≥ 1 (got ${codebookSize})`);
  return slots * Math.log2(codebookSize);
}
