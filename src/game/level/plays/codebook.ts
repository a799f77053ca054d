/**
 * Codebook (World 5), after a run: the VQ-VAE's codebook decoded and how the 26 letters use it. The letters are
 * encoded to their indices (encodeCodes); per slot, each entry is decoded with the other slots at their most used
 * entry (src/shared/vq.ts slotEntryCodes), so one row per slot shows what that slot's entries draw.
 */
import { glyphSet, LETTERS } from '../../../shared/glyphs';
import { entriesUsed, slotEntryCodes, slotUsage } from '../../../shared/vq';
import type { VqSpec } from '../../../shared/worker-api';
import type { MlPort } from '../../ml/ml-port';

export interface DecodedCodebook {
  /** K, entries per row. */
  size: number;
  /** Rows: one per code slot. */
  slots: number;
  /** slots · K images (slot by slot, entry by entry) of width × height. */
  images: Float32Array;
  width: number;
  height: number;
  /** usage[s][k]: how many of the letters chose entry k in slot s. */
  usage: number[][];
  /** Entries chosen by at least one slot of one letter. */
  used: number;
  /** The images the usage counts (the 26 letters). */
  letters: number;
}

export async function decodeCodebook(
  port: Pick<MlPort, 'encodeCodes' | 'decodeCodes'>,
  modelId: string,
  vq: Pick<VqSpec, 'codebookSize' | 'slots'>,
): Promise<DecodedCodebook> {
  const set = glyphSet(LETTERS);
  const indices = await port.encodeCodes(modelId, set.images);
  const usage = slotUsage(indices, vq.slots, vq.codebookSize);
  const images = await port.decodeCodes(modelId, slotEntryCodes(usage));
  return {
    size: vq.codebookSize,
    slots: vq.slots,
    images,
    width: set.width,
    height: set.height,
    usage,
    used: entriesUsed(usage),
    letters: LETTERS.length,
  };
}
