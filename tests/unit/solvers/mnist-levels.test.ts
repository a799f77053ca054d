/** Solver bots for the trained MNIST levels (the suite is in lib/trained-suite.ts). */
import { LEVELS } from '../../../src/shared/levels';
import { describeTrainedSolvers } from './lib/trained-suite';

describeTrainedSolvers(
  'trained MNIST levels',
  LEVELS.filter((l) => l.setup.kind === 'trained' && l.dataset === 'mnist'),
  ['beat-pca', 'budget', 'noise-zoo', 'inpainting', 'balance-beta'],
);
