/**
 * The game's level runtime: the meter's maths, and the shared measuring harness as the game drives it, through
 * a bridge that transfers arrays away: the same numbers as on the engine itself, and the held-out previews.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { meterFraction, unlockedHints } from '../../src/game/level/meter';
import { glyphSet, LETTERS } from '../../src/shared/glyphs';
import {
  getLevel,
  heldOutLetters,
  randomGlyphPatterns,
  resolveControlValues,
  type LevelDefinition,
  type TrainedSetup,
} from '../../src/shared/levels';
import {
  measureTrained,
  PretrainedLevel,
  type HeldOutPreview,
  type PretrainedEngine,
  type TrainedMeasureEngine,
} from '../../src/shared/levels/measure';
import type { Engine } from '../../src/ml-worker/engine';
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

describe('the shared measuring harness through a transferring bridge', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  /**
   * The engine as the game's bridge presents it: reconstruct, encode and decode take their input array away
   * (Comlink transfers it to the worker), so a harness that reused one would measure zeros.
   */
  function transferring(): TrainedMeasureEngine & PretrainedEngine {
    const detach = (a: Float32Array): Float32Array => {
      const copy = a.slice();
      structuredClone(a.buffer, { transfer: [a.buffer] });
      return copy;
    };
    return {
      loadDataset: (name) => engine.loadDataset(name),
      getImages: (name, split, offset, count) => engine.getImages(name, split, offset, count),
      reconstruct: (id, images) => engine.reconstruct(id, detach(images)),
      encode: (id, images) => engine.encode(id, detach(images)),
      decode: (id, codes) => engine.decode(id, detach(codes)),
      evaluate: (id, split, loss, limit) => engine.evaluate(id, split, loss, limit),
      pca: (dataset, k) => engine.pca(dataset, k),
      classify: (images) => engine.classify(images),
      loadPretrained: (name) => engine.loadPretrained(name),
    };
  }

  async function compare(
    level: LevelDefinition,
    values: Record<string, number | string | boolean>,
    steps: number,
  ): Promise<HeldOutPreview> {
    const setup = level.setup as TrainedSetup;
    const plan = setup.plan(resolveControlValues(level.controls, values), setup.seed);
    const model = await engine.createModel(plan.spec);
    try {
      await engine.train(model.modelId, {
        ...plan.config,
        steps,
        epochs: undefined,
        jobId: `runtime-${level.id}`,
        progressIntervalMs: 0,
        previewCount: 0,
      });
      const direct = await measureTrained(engine, level, model.modelId, plan.spec.bottleneck);
      const game = await measureTrained(transferring(), level, model.modelId, plan.spec.bottleneck, {
        previewCount: 10,
      });
      expect(game.evaluation).toEqual(direct.evaluation);
      expect(Object.keys(game.evaluation).sort()).toEqual([...level.measures].sort());
      expect(direct.preview).toBeNull();
      expect(direct.patterns ?? null).toBeNull();
      expect(game.preview).not.toBeNull();
      lastPatterns = game.patterns ?? null;
      return game.preview!;
    } finally {
      await engine.disposeModel(model.modelId);
    }
  }

  let lastPatterns: HeldOutPreview | null = null;

  it('Squeeze the alphabet: clean letters, previewed A to J', async () => {
    const preview = await compare(getLevel('squeeze-the-alphabet')!, { bottleneck: 4, width: 32 }, 300);
    expect(preview).toMatchObject({ width: 5, height: 7, count: 10 });
    expect(preview.inputs).toEqual(glyphSet(LETTERS.slice(0, 10)).images);
    expect(preview.corrupted).toBeUndefined();
    expect(preview.outputs).toHaveLength(350);
  });

  it('The identity trap: letters and random patterns (the patterns previewed with what the model made of them)', async () => {
    const level = getLevel('the-identity-trap')!;
    await compare(level, { bottleneck: 16 }, 200);
    const recipe = (level.setup as TrainedSetup).heldOut;
    if (recipe.source !== 'letters' || !recipe.randomPatterns) throw new Error('the trap has random patterns');
    const { count, inkFraction, seed } = recipe.randomPatterns;
    expect(lastPatterns).toMatchObject({ width: 5, height: 7, count: Math.min(10, count) });
    expect(lastPatterns!.inputs).toEqual(
      randomGlyphPatterns(count, inkFraction, seed).slice(0, Math.min(10, count) * 35),
    );
    expect(lastPatterns!.outputs).toHaveLength(Math.min(10, count) * 35);
  });

  it('Static: noisy letter copies, previewed one copy per letter', async () => {
    const level = getLevel('static')!;
    const preview = await compare(level, { denoise: true }, 200);
    const recipe = (level.setup as TrainedSetup).heldOut;
    if (recipe.source !== 'letters') throw new Error('static is measured on letters');
    const held = heldOutLetters(recipe);
    expect(preview.inputs).toEqual(glyphSet(LETTERS.slice(0, 10)).images);
    // The first copy of the second letter (B) sits `copies` images into the held-out set.
    expect(preview.corrupted!.slice(35, 70)).toEqual(held.inputs.slice(recipe.copies * 35, recipe.copies * 35 + 35));
  });

  it('map and arithmetic levels: the same numbers as on the engine itself', async () => {
    for (const id of ['navigator', 'holes-in-the-map', 'the-path', 'attribute-vector', 'letter-forge']) {
      const level = getLevel(id)!;
      const direct = await (await PretrainedLevel.load(engine, level)).play(level.example);
      const game = await (await PretrainedLevel.load(transferring(), level)).play(level.example);
      expect(game, id).toEqual(direct);
    }
  });
});
