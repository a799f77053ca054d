/** Solver bots for the trained glyph levels (the suite is in lib/trained-suite.ts). */
import { LEVELS } from '../../../src/shared/levels';
import { describeTrainedSolvers } from './lib/trained-suite';

describeTrainedSolvers(
  'trained glyph levels',
  LEVELS.filter((l) => l.setup.kind === 'trained' && l.dataset !== 'mnist'),
  ['squeeze-the-alphabet', 'the-identity-trap', 'static', 'storm'],
);
