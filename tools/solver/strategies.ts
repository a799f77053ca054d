/**
 * How the solver bots play the trained levels. A skilled player's ladder per level: a sensible first attempt
 * (what the goal and the first hint suggest), then what the concept card and the later hints teach, cheapest
 * first; the bot stops at the first 3-star attempt. The naive player takes the level's defaults, or seeded
 * random control values (each control uniformly over its options or slider grid).
 */
import type { ControlDefinition, ControlValue } from '../../src/shared/levels';
import { createRng } from '../../src/shared/random';

export type Values = Record<string, ControlValue>;

export interface TrainedStrategy {
  /** Cheapest first; each attempt is a whole payload (missing controls keep their defaults). */
  ladder: readonly Values[];
  /** The insight each step of the ladder uses, one line. */
  idea: string;
}

export const TRAINED_STRATEGIES: Readonly<Record<string, TrainedStrategy>> = {
  'squeeze-the-alphabet': {
    idea: 'Widen the decoder and shrink the code; a 1-number code needs tanh and the longest training.',
    ladder: [
      { bottleneck: 2, width: 64, steps: 500 },
      { bottleneck: 1, width: 64, activation: 'tanh', steps: 3000 },
    ],
  },
  'beat-pca': {
    idea: 'Switch the non-linearity on and train boldly; the gap over PCA grows with the code size.',
    ladder: [
      { linear: false, learningRate: '0.01' },
      { linear: false, bottleneck: '8', epochs: 3, learningRate: '0.003' },
    ],
  },
  budget: {
    idea: 'Hidden layers eat the weight budget: drop them, spend it all on a 24-unit code, train longer.',
    ladder: [
      { depth: 1, width: 24, bottleneck: 16, learningRate: '0.003' },
      { depth: 0, bottleneck: 24, epochs: 10, learningRate: '0.003' },
    ],
  },
  'the-identity-trap': {
    idea: 'A code below 35 cannot copy everything; a small sparsity weight stops copying without breaking letters.',
    ladder: [{ bottleneck: 20 }, { sparsity: 0.1 }],
  },
  static: {
    idea: 'Corrupt the training inputs; then more layers, a bigger code and longer training.',
    ladder: [{ denoise: true }, { denoise: true, bottleneck: 16, width: 64, depth: 2, steps: 2000 }],
  },
  storm: {
    idea: 'More fixed noisy copies generalise better; train a little above 0.2 but well below the test storm.',
    ladder: [{ copies: 20 }, { trainNoise: 0.25, copies: 100, bottleneck: 16 }],
  },
  'noise-zoo': {
    idea: 'Train on all four kinds at once, then longer and with a wider code.',
    ladder: [
      { gaussian: true, saltPepper: true, masking: true, block: true },
      { gaussian: true, saltPepper: true, masking: true, block: true, bottleneck: 64, epochs: 3 },
    ],
  },
  inpainting: {
    idea: 'Erase squares the size of the test holes while training, and train two epochs longer.',
    ladder: [{ trainHole: 12 }, { trainHole: 12, epochs: 3 }],
  },
  'balance-beta': {
    idea: 'β above 1 trades a little error for a lot less KL; train the longest with β raised to leave the KL room.',
    ladder: [{ beta: 1.5 }, { beta: 2, epochs: 6 }, { beta: 2.5, epochs: 6 }],
  },
  'through-the-dice': {
    idea: 'The reparameterisation trick on, then the largest code, then the most steps.',
    ladder: [{ trick: true }, { trick: true, latent: '16' }, { trick: true, latent: '16', steps: 1200 }],
  },
  'two-forces': {
    idea: 'Only both forces (the ELBO) make a covered map; then a wider layer and more steps.',
    ladder: [{ loss: 'both' }, { loss: 'both', width: '256', steps: 600 }, { loss: 'both', width: '256', steps: 1000 }],
  },
};

function randomValue(control: ControlDefinition, next: () => number): ControlValue {
  switch (control.kind) {
    case 'slider': {
      const steps = Math.round((control.max - control.min) / control.step);
      const k = Math.floor(next() * (steps + 1));
      // Round to the step's decimals so 0.1 + 0.2 reads 0.3 (payload validation allows a tolerance anyway).
      return Number((control.min + k * control.step).toFixed(10));
    }
    case 'choice':
      return control.options[Math.floor(next() * control.options.length)].value;
    case 'toggle':
      return next() < 0.5;
  }
}

/** A random player's control values: every control drawn uniformly, reproducible from `seed`. */
export function randomValues(controls: readonly ControlDefinition[], seed: number): Values {
  const rng = createRng(seed);
  const out: Values = {};
  for (const c of controls) out[c.id] = randomValue(c, () => rng.next());
  return out;
}
