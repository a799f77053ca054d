/** Solver bots for the trained MNIST levels (the suite is in trained-suite.ts). */
import { expect, it } from 'vitest';
import { LEVELS } from '../../../src/shared/levels';
import { describeTrainedSolvers } from './trained-suite';

const levels = LEVELS.filter((l) => l.setup.kind === 'trained' && l.dataset === 'mnist');

it('covers every trained MNIST levels', () => {
  expect(levels.map((l) => l.id)).toEqual([
    'beat-pca',
    'budget',
    'noise-zoo',
    'inpainting',
    'balance-beta',
    'through-the-dice',
    'two-forces',
  ]);
});

describeTrainedSolvers('trained MNIST levels', levels);
