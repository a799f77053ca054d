/**
 * The game's level runtime: the meter's maths, and that the game measures a trained level exactly as the solver
 * harness does (same engine, same model, same numbers), so the score the player sees is the solvers' score.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureTrained } from '../../src/game/level/measure';
import { meterFraction, unlockedHints } from '../../src/game/level/meter';
import { getLevel, resolveControlValues, type LevelDefinition, type TrainedSetup } from '../../src/shared/levels';
import type { Engine } from '../../src/ml-worker/engine';
import { measure } from './solvers/lib/measure';
import { testEngine } from './support/engine';

describe('goal meter', () => {
  it('puts the three star lines at thirds, in either direction', () => {
    // Lower is better (code size 8 / 2 / 1): zero point one star-gap below star 1 (8 + 6 = 14).
    expect(meterFraction(14, [8, 2, 1], 'lower')).toBe(0);
    expect(meterFraction(11, [8, 2, 1], 'lower')).toBeCloseTo(1 / 6, 10);
    expect(meterFraction(8, [8, 2, 1], 'lower')).toBeCloseTo(1 / 3, 10);
    expect(meterFraction(5, [8, 2, 1], 'lower')).toBeCloseTo(1 / 2, 10);
    expect(meterFraction(1, [8, 2, 1], 'lower')).toBe(1);
    expect(meterFraction(0.5, [8, 2, 1], 'lower')).toBe(1);
    // Higher is better (wrong pixels on random patterns 4 / 7 / 12): zero at 4 − 3 = 1.
    expect(meterFraction(1, [4, 7, 12], 'higher')).toBe(0);
    expect(meterFraction(7, [4, 7, 12], 'higher')).toBeCloseTo(2 / 3, 10);
    expect(meterFraction(9.5, [4, 7, 12], 'higher')).toBeCloseTo(5 / 6, 10);
    expect(meterFraction(Number.NaN, [4, 7, 12], 'higher')).toBe(0);
  });

  it('unlocks hints by elapsed seconds', () => {
    expect(unlockedHints([20, 60, 120], 0)).toBe(0);
    expect(unlockedHints([20, 60, 120], 20)).toBe(1);
    expect(unlockedHints([20, 60, 120], 119.9)).toBe(2);
    expect(unlockedHints([20, 60, 120], 500)).toBe(3);
    expect(unlockedHints([], 500)).toBe(0);
  });
});

describe('game measurements equal the solver harness', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  async function compare(level: LevelDefinition, values: Record<string, number | string | boolean>, steps: number): Promise<void> {
    const setup = level.setup as TrainedSetup;
    const resolved = resolveControlValues(level.controls, values);
    const plan = setup.plan(resolved, setup.seed);
    const model = await engine.createModel(plan.spec);
    try {
      await engine.train(model.modelId, { ...plan.config, steps, epochs: undefined, jobId: `runtime-${level.id}`, progressIntervalMs: 0, previewCount: 0 });
      const game = await measureTrained(engine, model.modelId, setup.heldOut, level.measures, plan.spec.dataset, plan.spec.bottleneck);
      const solver = await measure(engine, level, model.modelId, plan.spec.bottleneck);
      expect(game.evaluation).toEqual(solver);
      const payload = { kind: 'hyperparameters' as const, values: resolved };
      expect(level.score(payload, game.evaluation)).toEqual(level.score(payload, solver));
      expect(game.preview?.outputs.length).toBeGreaterThan(0);
    } finally {
      await engine.disposeModel(model.modelId);
    }
  }

  it('Squeeze the alphabet (clean letters)', async () => {
    await compare(getLevel('squeeze-the-alphabet')!, { bottleneck: 4, width: 32 }, 300);
  });

  it('The identity trap (letters and random patterns)', async () => {
    await compare(getLevel('the-identity-trap')!, { bottleneck: 16 }, 200);
  });

  it('Static (noisy letter copies)', async () => {
    await compare(getLevel('static')!, { denoise: true }, 200);
  });
});
