/**
 * A class upload's model encoded in slices (src/game/level/plays/model-upload.ts) is the same text as the one-go
 * encoding the server decodes, at every slice boundary, and it stops when the attempt is aborted.
 */
import { describe, expect, it } from 'vitest';
import { encodeWeightsInSlices, WEIGHTS_PER_SLICE } from '../../src/game/level/plays/model-upload';
import { decodeWeights, encodeWeights } from '../../src/shared/classroom/model-codec';

const weights = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 0.2);

describe('encodeWeightsInSlices', () => {
  it('gives the one-go text for lengths around the slice boundaries', async () => {
    for (const n of [
      0,
      1,
      2,
      3,
      WEIGHTS_PER_SLICE - 1,
      WEIGHTS_PER_SLICE,
      WEIGHTS_PER_SLICE + 1,
      2 * WEIGHTS_PER_SLICE + 2,
    ]) {
      const w = weights(n);
      const sliced = await encodeWeightsInSlices(w);
      expect(sliced).toBe(encodeWeights(w));
    }
  });

  it('round-trips through the server decoder', async () => {
    const w = weights(WEIGHTS_PER_SLICE * 2 + 7);
    const back = decodeWeights(await encodeWeightsInSlices(w));
    expect(back?.length).toBe(w.length);
    expect(Math.max(...Array.from(w, (v, i) => Math.abs(v - (back?.[i] ?? NaN))))).toBeLessThan(1e-3);
  });

  it('stops when aborted between slices', async () => {
    const controller = new AbortController();
    const pending = encodeWeightsInSlices(weights(WEIGHTS_PER_SLICE * 3), controller.signal);
    controller.abort(new Error('left the level'));
    await expect(pending).rejects.toThrow('left the level');
  });
});
