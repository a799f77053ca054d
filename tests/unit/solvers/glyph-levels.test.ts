/** Solver bots for the trained glyph levels (the suite is in trained-suite.ts). */
import { expect, it } from 'vitest';
import { LEVELS } from '../../../src/shared/levels';
import { describeTrainedSolvers } from './trained-suite';

const levels = LEVELS.filter((l) => l.setup.kind === 'trained' && l.dataset !== 'mnist');

it('covers every trained glyph levels', () => {
  expect(levels.map((l) => l.id)).toEqual(['squeeze-the-alphabet', 'the-identity-trap', 'static', 'storm', 'codebook']);
});

describeTrainedSolvers('trained glyph levels', levels);
