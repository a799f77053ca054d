/**
 * Side-by-side runs (run-slots.ts), pure, on the real Two forces level: one slot per loss, a run replaces only its
 * own, the scored slot is the last scored run's and none while a run trains, and each slot's numbers are the
 * level's own score and goal checks of that run. The evaluations are the level's measured runs at its defaults
 * (world5-two-forces.ts FORCES_RUNS: prior digit counts, held-out MSE and KL).
 */
import { describe, expect, it } from 'vitest';
import {
  afterRun,
  beginRun,
  emptySlots,
  equalAspect,
  filledSlots,
  PRIOR_BOX,
  slotBounds,
  slotsSummary,
  type RunSlots,
} from '../../../src/game/level/plays/run-slots';
import type { LatentMapData } from '../../../src/game/level/plays/latent-map';
import { getLevel } from '../../../src/shared/levels';
import { resolveControlValues } from '../../../src/shared/levels/controls';
import type { Evaluation } from '../../../src/shared/levels/measurements';
import type { SolutionPayload } from '../../../src/shared/levels/types';

const level = getLevel('two-forces')!;

/** Measured at the defaults (seed 504, width 64, 300 steps). */
const RUNS: Record<string, Evaluation> = {
  reconstruction: {
    heldOutMse: 0.0558,
    heldOutKl: 60.3,
    priorDigitCounts: [6, 0, 0, 0, 0, 0, 0, 0, 189, 0],
  } as Evaluation,
  kl: { heldOutMse: 0.067, heldOutKl: 0, priorDigitCounts: [0, 0, 0, 0, 0, 0, 0, 0, 200, 0] } as Evaluation,
  both: { heldOutMse: 0.0526, heldOutKl: 5.12, priorDigitCounts: [37, 0, 1, 0, 0, 0, 0, 9, 61, 64] } as Evaluation,
};

function scored(loss: string, evaluation = RUNS[loss]) {
  const payload: SolutionPayload = { kind: 'hyperparameters', values: resolveControlValues(level.controls, { loss }) };
  return { payload, evaluation, score: level.score(payload, evaluation).score };
}

function map(scale: number): LatentMapData {
  const codes = Float32Array.from([-scale, -scale / 2, scale, scale / 3]);
  return {
    codes,
    labels: Uint8Array.from([0, 8]),
    count: 2,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    bounds: { xMin: -scale * 1.1, xMax: scale * 1.1, yMin: -scale * 0.6, yMax: scale * 0.4 },
    width: 28,
    height: 28,
  };
}

const prior = { prior: new Float32Array(2 * 784).fill(0.5), count: 2, width: 28, height: 28 };

describe('run slots (Two forces: the three maps side by side)', () => {
  it('has one empty slot per loss, in the panel order; levels without sideBySide keep none', () => {
    const slots = emptySlots(level)!;
    expect(slots.control).toBe('loss');
    expect(slots.keys).toEqual(['reconstruction', 'kl', 'both']);
    expect(filledSlots(slots)).toBe(0);
    expect(slotsSummary(slots)!.map((s) => [s.key, s.filled, s.scored])).toEqual([
      ['reconstruction', false, false],
      ['kl', false, false],
      ['both', false, false],
    ]);
    expect(emptySlots(getLevel('through-the-dice')!)).toBeNull();
    expect(afterRun(null, level, scored('both'), map(2), prior)).toBeNull();
  });

  it('a run fills only its own slot with the level score and goal checks, and becomes the scored one', () => {
    let slots: RunSlots = emptySlots(level)!;
    const reconMap = map(20);
    slots = afterRun(beginRun(slots), level, scored('reconstruction'), reconMap, prior)!;
    expect(filledSlots(slots)).toBe(1);
    expect(slots.scored).toBe('reconstruction');
    const recon = slots.slots.reconstruction!;
    expect(recon.map).toBe(reconMap);
    expect(recon.prior?.count).toBe(2);
    expect(recon.score).toBe(2);
    // The goal's checks: digits 2 < 3 (fails), MSE 0.0558 ≤ 0.06 (met), KL 60.3 > 15 (fails).
    expect(recon.checks.map((c) => [c.kind, c.value, c.met])).toEqual([
      ['metric', 2, false],
      ['reconstruction', 0.0558, true],
      ['kl', 60.3, false],
    ]);

    slots = afterRun(beginRun(slots), level, scored('kl'), map(0.01), prior)!;
    slots = afterRun(beginRun(slots), level, scored('both'), map(2), null)!;
    expect(filledSlots(slots)).toBe(3);
    expect(slots.scored).toBe('both');
    expect(slots.slots.reconstruction).toBe(recon);
    expect(slots.slots.kl!.checks.map((c) => c.met)).toEqual([false, false, true]);
    expect(slots.slots.both!.checks.every((c) => c.met)).toBe(true);
    expect(slots.slots.both!.prior).toBeNull();
    expect([recon.run, slots.slots.kl!.run, slots.slots.both!.run]).toEqual([1, 2, 3]);
  });

  it('training a loss again replaces that slot only; while it trains no slot is scored', () => {
    let slots = emptySlots(level)!;
    slots = afterRun(slots, level, scored('reconstruction'), map(20), prior)!;
    slots = afterRun(slots, level, scored('both'), map(2), prior)!;
    const recon = slots.slots.reconstruction;
    const training = beginRun(slots);
    expect(training.scored).toBeNull();
    expect(filledSlots(training)).toBe(2);
    const wider = { ...RUNS.both, priorDigitCounts: [30, 20, 0, 0, 0, 0, 0, 20, 60, 50] } as Evaluation;
    slots = afterRun(training, level, scored('both', wider), map(2.5), prior)!;
    expect(slots.slots.reconstruction).toBe(recon);
    expect(slots.slots.both!.score).toBe(5);
    expect(slots.slots.both!.run).toBe(3);
    expect(slots.slots.kl).toBeUndefined();
    expect(slotsSummary(slots)!.map((s) => [s.key, s.filled, s.scored, s.score])).toEqual([
      ['reconstruction', true, false, 2],
      ['kl', false, false, null],
      ['both', true, true, 5],
    ]);
  });

  it("a map's bounds cover at least the prior's ±3σ square, and a wider map's own box", () => {
    expect(slotBounds(map(0.01))).toEqual({ xMin: -PRIOR_BOX, xMax: PRIOR_BOX, yMin: -PRIOR_BOX, yMax: PRIOR_BOX });
    const wide = slotBounds(map(20));
    expect(wide.xMin).toBeCloseTo(-22);
    expect(wide.xMax).toBeCloseTo(22);
    expect(wide.yMin).toBeCloseTo(-12);
    expect(wide.yMax).toBeCloseTo(8);
  });

  it('widens one axis so a latent unit is as long across as up (the prior ring stays round)', () => {
    const b = equalAspect({ xMin: -3, xMax: 3, yMin: -3, yMax: 3 }, 300, 200);
    expect((b.xMax - b.xMin) / 300).toBeCloseTo((b.yMax - b.yMin) / 200);
    expect(b).toEqual({ xMin: -4.5, xMax: 4.5, yMin: -3, yMax: 3 });
    const tall = equalAspect({ xMin: -20, xMax: 20, yMin: -3, yMax: 5 }, 250, 250);
    expect(tall.xMin).toBe(-20);
    expect(tall.yMax - tall.yMin).toBeCloseTo(40);
    expect((tall.yMin + tall.yMax) / 2).toBeCloseTo(1);
  });
});
