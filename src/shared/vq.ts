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

/** Per slot, how many images chose each entry: usage[s][k], from indices (count × slots, row-major). */
export function slotUsage(indices: ArrayLike<number>, slots: number, size: number): number[][] {
  const usage = Array.from({ length: slots }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < indices.length; i++) usage[i % slots][indices[i]]++;
  return usage;
}

/** Entries chosen by at least one slot of one image (the codebook is shared by the slots). */
export function entriesUsed(usage: readonly (readonly number[])[]): number {
  const size = usage[0]?.length ?? 0;
  let used = 0;
  for (let k = 0; k < size; k++) if (usage.some((row) => row[k] > 0)) used++;
  return used;
}

/**
 * Codes that show what each slot's entries draw: for slot s and entry k (rows slot by slot, K entries each), the
 * image's indices with slot s set to k and every other slot at its most used entry (a typical image around it).
 * One slot: entry k alone. Returns slots · K codes of `slots` indices each.
 */
export function slotEntryCodes(usage: readonly (readonly number[])[]): Uint16Array {
  const slots = usage.length;
  const size = usage[0]?.length ?? 0;
  const typical = usage.map((row) => row.reduce((best, n, k) => (n > row[best] ? k : best), 0));
  const codes = new Uint16Array(slots * size * slots);
  for (let s = 0; s < slots; s++)
    for (let k = 0; k < size; k++) {
      const at = (s * size + k) * slots;
      codes.set(typical, at);
      codes[at + s] = k;
    }
  return codes;
}
