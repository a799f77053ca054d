/**
 * The numbers a level's scorer needs, measured by the engine (the game's worker, a solver bot, the classroom
 * server) with the level's recipe and the shared pure metrics in src/shared/scoring. A level lists the ids it
 * needs in `measures`; `checkEvaluation` validates exactly those before the scorer runs.
 * VAEs are measured deterministically: encode to μ and decode μ (no sampling), so the same weights give the
 * same numbers everywhere.
 */
import { z } from 'zod';
import { GLYPH_PIXELS } from '../glyphs';

export interface Measurements {
  /** scoring.mse over the held-out recipe's images (per pixel): reconstructions of the inputs vs the clean images. */
  heldOutMse: number;
  /** The same for PCA with k = the model's bottleneck, fitted on the training split (worker `pca(dataset, k)`). */
  pcaMse: number;
  /** Mean KL(q(z|x) ‖ N(0, I)) per held-out image, in nats: ½·Σ(σ² + μ² − log σ² − 1). */
  heldOutKl: number;
  /**
   * Mean reconstruction term per held-out image, in nats: −log p(x|z) of a Bernoulli decoder (binary cross-entropy
   * summed over the pixels), decoded from the mean code μ (deterministic). With heldOutKl: −ELBO = this + KL.
   */
  heldOutReconNats: number;
  /** scoring.wrongPixels of each of the 26 letters' reconstructions (label order A..Z). */
  glyphWrongPixels: readonly number[];
  /** scoring.wrongPixels of the reconstructions of the recipe's random patterns vs the patterns themselves. */
  randomPatternWrongPixels: readonly number[];
  /** scoring.wrongPixels of each noisy held-out letter copy's reconstruction vs the clean letter (26·copies). */
  noisyGlyphWrongPixels: readonly number[];
  /** heldOutMse once per noise kind of the recipe, in the recipe's order. */
  noiseKindMse: readonly number[];
  /** scoring.maskedMse inside the erased squares only (harness.corruptionMask of the recipe's block noise). */
  holeMse: number;
  /** The judge's 10 class probabilities of each decoded point / draw / path step, in payload order. */
  judgeProbabilities: readonly (readonly number[])[];
  /** scoring.matchPercent of each decode vs its target, in payload order (probes; or one per base). */
  matchPercent: readonly number[];
  /** scoring.wrongPixels of the decoded expression vs the target glyph. */
  forgedWrongPixels: number;
  /**
   * Digits on demand: scoring.styleMatchPercent of each decoded point (point d written as digit d) against the
   * style card (stroke width and slant, scoring/style.ts), in payload order.
   */
  styleMatch: readonly number[];
  /**
   * Two forces: per digit 0..9, how many of the prior's draws z ~ N(0, I) (measure/prior-digits.ts: 200 draws,
   * fixed seed) decode to an image the judge accepts as that digit (top class ≥ 0.6).
   */
  priorDigitCounts: readonly number[];
  /**
   * Holes in the map: per payload point, the distance to the nearest of the map's dots (the first 1,000
   * held-out digits' codes, measure/map-dots.ts), in the map's box coordinates ([−1, 1]², side 2).
   */
  nearestCodeDistances: readonly number[];
}

export type MeasurementId = keyof Measurements;
export type Evaluation = Partial<Measurements>;

const MAX_ITEMS = 2000;
const nonNegative = z.number().min(0);
const pixels35 = z.number().int().min(0).max(GLYPH_PIXELS);
const probability = z.number().min(0).max(1);

/** Plausible ranges: NaN, Infinity and negative errors are engine bugs, reported rather than scored. */
export const MEASUREMENT_SCHEMAS: { readonly [K in MeasurementId]: z.ZodType<Measurements[K]> } = {
  heldOutMse: nonNegative,
  pcaMse: z.number().positive(),
  heldOutKl: nonNegative,
  heldOutReconNats: nonNegative,
  glyphWrongPixels: z.array(pixels35).min(1).max(MAX_ITEMS),
  randomPatternWrongPixels: z.array(pixels35).min(1).max(MAX_ITEMS),
  noisyGlyphWrongPixels: z.array(pixels35).min(1).max(MAX_ITEMS),
  noiseKindMse: z.array(nonNegative).min(1).max(16),
  holeMse: nonNegative,
  judgeProbabilities: z.array(z.array(probability).length(10)).min(1).max(MAX_ITEMS),
  matchPercent: z.array(z.number().min(0).max(100)).min(1).max(MAX_ITEMS),
  forgedWrongPixels: pixels35,
  styleMatch: z.array(z.number().min(0).max(100)).min(1).max(MAX_ITEMS),
  priorDigitCounts: z.array(z.number().int().min(0).max(MAX_ITEMS)).length(10),
  nearestCodeDistances: z.array(z.number().min(0).max(100)).min(1).max(MAX_ITEMS),
};

export const MEASUREMENT_IDS = Object.keys(MEASUREMENT_SCHEMAS) as MeasurementId[];

/** Readable problems with the measurements `needs` lists (missing or out of range); [] when all are fine. */
export function evaluationProblems(needs: readonly MeasurementId[], evaluation: Evaluation): string[] {
  const problems: string[] = [];
  if (typeof evaluation !== 'object' || evaluation === null)
    return ['The evaluation must be an object of measurements.'];
  for (const id of needs) {
    const value = evaluation[id];
    if (value === undefined) {
      problems.push(`Measurement "${id}" is missing.`);
      continue;
    }
    const result = MEASUREMENT_SCHEMAS[id].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push(`Measurement "${[id, ...issue.path.map(String)].join('.')}": ${issue.message}`);
    }
  }
  return problems;
}
