/**
 * How a reader plays the trained levels: per level, the settings the concept card and the hints suggest, in
 * the order the hints unlock (issue 10 §1: "follow the concept card and the hints in order, as a reader would").
 * Each step names the text it comes from and gives the whole setting it leads to (controls left out keep their
 * defaults). Where the card offers alternatives ("a smaller code, noisy inputs, or a sparsity penalty") a step
 * is one alternative, not the sum of all. Numbers a hint leaves open are the panel's plain choices (the largest
 * option, a round step), or a lesson of an earlier level (Beat PCA's "a bolder learning rate").
 * The skilled bot trains each step in order and stops at its first 3-star card; the naive bot keeps the defaults.
 */
import { budgetParamCount } from '../../../src/shared/levels';
import type { Settings } from './trained-screen';
import type { ResultCard } from './types';

/** What a step's settings may read on screen: the goal's numbers, and a side-by-side level's columns. */
export interface ScreenReading {
  goalParams: Readonly<Record<string, number | string>>;
  /** Two forces: each loss's column (its latest result card), null where it says "not trained yet". */
  columns: Readonly<Record<string, ResultCard | null>> | null;
}

export interface ReadingStep {
  /** Where the idea is read: 'card', 'hint 1', 'hint 2 + 3', … */
  from: string;
  settings: Settings | ((reading: ScreenReading) => Settings);
}

/**
 * Two forces' hint 2 read on the three columns: the loss whose column meets both limits (✓ ✓) and draws the most
 * digits; none yet: the hint's own word (Both).
 */
function bestColumn(columns: ScreenReading['columns']): string {
  let best: [string, number] | null = null;
  for (const [loss, card] of Object.entries(columns ?? {}))
    if (card?.goalMet && (!best || card.score > best[1])) best = [loss, card.score];
  return best?.[0] ?? 'both';
}

/** Budget's weight counter (shown on screen): the largest code with no hidden layer within the cap. */
function biggestCodeWithinCap(cap: number): number {
  let best = 2;
  for (let b = 2; b <= 32; b += 2) if (budgetParamCount({ depth: 0, width: 24, bottleneck: b }) <= cap) best = b;
  return best;
}

export const READINGS: Readonly<Record<string, readonly ReadingStep[]>> = {
  'squeeze-the-alphabet': [
    // "Start wide", then the assignment's 2-number code; hint 3 spells out the 1-number recipe.
    { from: 'hint 1 + 2', settings: { width: 64, bottleneck: 2, steps: 500 } },
    { from: 'hint 3', settings: { width: 64, bottleneck: 1, activation: 'tanh', steps: 3000 } },
  ],
  'beat-pca': [
    // Hint 1 (Linear off) and hint 2 ("more epochs or a bolder learning rate": the option labelled bold) together:
    // hint 2 unlocks while the first run trains. The bold rate alone wins in the default 2 epochs (issue 15).
    { from: 'hint 1 + 2', settings: { linear: false, learningRate: '0.01' } },
    { from: 'hint 3', settings: { linear: false, bottleneck: '8', epochs: 3, learningRate: '0.003' } },
  ],
  budget: [
    // Hint 2: a hidden layer only helps wider than the code: grow the code towards the width (at the default
    // epochs; Beat PCA's bolder rate). Training longer is hint 3's.
    { from: 'hint 2', settings: { depth: 1, width: 24, bottleneck: 16, learningRate: '0.003' } },
    // Hint 3: no hidden layer, the whole cap (the goal's number, read on the weight counter) on the code.
    {
      from: 'hint 3',
      settings: ({ goalParams }) => ({
        depth: 0,
        bottleneck: biggestCodeWithinCap(Number(goalParams.maxParams)),
        epochs: 10,
        learningRate: '0.003',
      }),
    },
  ],
  'the-identity-trap': [
    { from: 'hint 1', settings: {} },
    { from: 'hint 2', settings: { bottleneck: 20 } },
    { from: 'hint 3', settings: { sparsity: 0.1 } },
  ],
  static: [
    { from: 'hint 1', settings: { denoise: true } },
    { from: 'hint 2 + 3', settings: { denoise: true, bottleneck: 16, width: 64, depth: 2, steps: 2000 } },
  ],
  storm: [
    // Hint 1: the assignment's 20 copies; hint 2: 100 (the slider's end); hint 3: Static's bigger code and 0.25.
    { from: 'hint 1', settings: { copies: 20 } },
    { from: 'hint 2', settings: { copies: 100 } },
    { from: 'hint 3', settings: { trainNoise: 0.25, copies: 100, bottleneck: 16 } },
  ],
  codebook: [
    // Hint 1: the bits counter (6 bits: 2 slots of K 8); hint 3: the same bits on more slots with a small K.
    { from: 'hint 1', settings: { slots: 2, codebookSize: '8' } },
    { from: 'hint 3', settings: { slots: 3, codebookSize: '4' } },
  ],
  'noise-zoo': [
    { from: 'card + hint 2', settings: { gaussian: true, saltPepper: true, masking: true, block: true } },
    {
      from: 'hint 3',
      // "A couple more epochs": 1 + 2.
      settings: { gaussian: true, saltPepper: true, masking: true, block: true, bottleneck: 64, epochs: 3 },
    },
  ],
  inpainting: [
    { from: 'hint 1 + 2', settings: { trainHole: 12 } },
    // "Add an epoch or two": two (1 + 2).
    { from: 'hint 3', settings: { trainHole: 12, epochs: 3 } },
  ],
  'balance-beta': [
    // Hint 1's β = 0 run is an experiment that cannot win (no KL limit); a reader in a hurry goes to hint 2: β up
    // a half step at the default epochs; then hint 3: the longest training, β up again to leave the KL room.
    { from: 'hint 2', settings: { beta: 1.5 } },
    { from: 'hint 2 + 3', settings: { beta: 2, epochs: 6 } },
    { from: 'hint 2 + 3', settings: { beta: 2.5, epochs: 6 } },
  ],
  'through-the-dice': [
    // Hint 1: the trick off (the defaults) once, then on; hint 2: the largest code; hint 3: the most steps.
    { from: 'hint 1', settings: {} },
    { from: 'hint 1', settings: { trick: true } },
    { from: 'hint 2', settings: { trick: true, latent: '16' } },
    { from: 'hint 3', settings: { trick: true, latent: '16', steps: 1200 } },
  ],
  'two-forces': [
    // Hint 1: each loss once (the default is reconstruction only), each map kept beside the others; hint 2: Both,
    // then the columns compared (the loss whose column meets both limits with the most digits drawn); hint 3: that
    // loss wider, then longer.
    { from: 'hint 1', settings: {} },
    { from: 'hint 1', settings: { loss: 'kl' } },
    { from: 'hint 1 + 2', settings: { loss: 'both' } },
    { from: 'hint 2 + 3', settings: ({ columns }) => ({ loss: bestColumn(columns), width: '256', steps: 600 }) },
    { from: 'hint 3', settings: ({ columns }) => ({ loss: bestColumn(columns), width: '256', steps: 1000 }) },
  ],
};
