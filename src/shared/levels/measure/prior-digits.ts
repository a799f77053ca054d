/**
 * Two forces (World 5): what a model's prior generates. PRIOR_SAMPLES codes z ~ N(0, I) drawn from PRIOR_SEED
 * (src/shared/random.ts, the same draws in the game, the solver bots and the classroom server), decoded, and
 * shown to the judge; a decode counts for its top class when the judge is at least PRIOR_ACCEPT sure (the
 * holes threshold of World 3). `priorDigits` turns the counts into the level's number: how many of the ten
 * digits the prior draws at least PRIOR_MIN_COUNT times, so one lucky draw does not count as a digit.
 */
import type { MlWorkerApi } from '../../worker-api';
import { createRng } from '../../random';
import { predictedClass } from '../../scoring';

export const PRIOR_SAMPLES = 200;
export const PRIOR_SEED = 5404;
export const PRIOR_ACCEPT = 0.6;
export const PRIOR_MIN_COUNT = 2;

/** The prior draws for a code of `latent` numbers: PRIOR_SAMPLES × latent, row-major. */
export function priorCodes(latent: number, samples = PRIOR_SAMPLES, seed = PRIOR_SEED): Float32Array {
  const rng = createRng(seed);
  const codes = new Float32Array(samples * latent);
  for (let i = 0; i < codes.length; i++) codes[i] = rng.normal();
  return codes;
}

/** Per digit 0..9: the prior draws the judge accepts as that digit (top class ≥ PRIOR_ACCEPT). */
export async function measurePriorDigitCounts(
  engine: Pick<MlWorkerApi, 'decode' | 'classify'>,
  modelId: string,
  latent: number,
): Promise<number[]> {
  const images = await engine.decode(modelId, priorCodes(latent));
  const { probabilities } = await engine.classify(images);
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < PRIOR_SAMPLES; i++) {
    const verdict = predictedClass(probabilities.subarray(i * 10, i * 10 + 10));
    if (verdict.confidence >= PRIOR_ACCEPT) counts[verdict.label]++;
  }
  return counts;
}

/** The digits the prior draws at least PRIOR_MIN_COUNT times (the level's score, 0..10). */
export function priorDigits(counts: readonly number[]): number {
  return counts.filter((n) => n >= PRIOR_MIN_COUNT).length;
}
