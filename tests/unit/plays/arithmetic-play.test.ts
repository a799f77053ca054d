/**
 * The arithmetic play through the MlPort on a real engine with the shipped pretrained models: cards toggled into
 * an expression, weights set, measured live, and Check scores what the shared harness scores.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ArithmeticPlay } from '../../../src/game/level/plays/arithmetic-play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import type { Engine } from '../../../src/ml-worker/engine';
import { getLevel, type ArithmeticSetup } from '../../../src/shared/levels';
import { PretrainedLevel } from '../../../src/shared/levels/measure';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('ArithmeticPlay through the MlPort', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  it.each(['blend', 'letter-forge'])(
    '%s: the example expression, built card by card, scores as the harness does',
    async (id) => {
      const level = getLevel(id)!;
      const setup = level.setup as ArithmeticSetup;
      const session = new LevelSession(level, new EnginePort(engine), (h) => new ArithmeticPlay(h, setup));
      const play = session.play as ArithmeticPlay;
      session.start();
      await until(() => play.ready || session.status === 'error');
      expect(session.error).toBeNull();
      expect(play.cards.map((c) => c.card.id)).toEqual(setup.deck.map((c) => c.id));
      expect(play.targets.length).toBeGreaterThan(0);
      const example = level.example;
      if (example.kind !== 'expression') throw new Error('arithmetic takes expressions');

      // A card in and out again, then the example's terms with their weights.
      play.toggleCard(example.terms[0].card);
      play.toggleCard(example.terms[0].card);
      expect(play.terms).toHaveLength(0);
      example.terms.forEach((term) => play.toggleCard(term.card));
      example.terms.forEach((term, i) => play.setWeight(i, term.weight));
      expect(play.expressionTerms()).toEqual(example.terms.filter((t) => t.weight !== 0));
      await until(() => play.live !== null);
      await play.submit();

      expect(session.status).toBe('done');
      const r = session.result!;
      const direct = await (await PretrainedLevel.load(engine, level)).play(r.payload);
      expect(r.evaluation).toEqual(direct.evaluation);
      expect({ score: r.score, stars: r.stars, goalMet: r.goalMet, detail: r.detail }).toEqual(direct.result);
      // Changing the expression after a score starts a new attempt; the best stays.
      play.clearTerms();
      expect(session.status).toBe('idle');
      expect(session.result).toBeNull();
      expect(session.best).toBe(r);
      session.dispose();
    },
    120_000,
  );

  it('Blend averages: two cards in are ½ + ½ (three: ⅓ each) until a weight is set by hand; the forge adds at 1', async () => {
    const open = async (id: string): Promise<ArithmeticPlay> => {
      const level = getLevel(id)!;
      const session = new LevelSession(
        level,
        new EnginePort(engine),
        (h) => new ArithmeticPlay(h, level.setup as ArithmeticSetup),
      );
      const play = session.play as ArithmeticPlay;
      session.start();
      await until(() => play.ready || session.status === 'error');
      expect(session.error).toBeNull();
      return play;
    };
    const blend = await open('blend');
    const [a, b, c] = blend.cards.map((k) => k.card.id);
    blend.toggleCard(a);
    expect(blend.terms).toEqual([{ card: a, weight: 1 }]);
    blend.toggleCard(b);
    expect(blend.terms).toEqual([
      { card: a, weight: 0.5 },
      { card: b, weight: 0.5 },
    ]);
    blend.toggleCard(c);
    expect(blend.terms.map((t) => t.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    blend.toggleCard(c);
    expect(blend.terms.map((t) => t.weight)).toEqual([0.5, 0.5]);
    // Weights set by hand are the player's: a new card comes in at 1 and nothing is rebalanced.
    blend.setWeight(0, 0.7);
    blend.toggleCard(c);
    expect(blend.terms.map((t) => t.weight)).toEqual([0.7, 0.5, 1]);

    const forge = await open('letter-forge');
    forge.toggleCard('F');
    forge.toggleCard('L');
    expect(forge.terms.map((t) => t.weight)).toEqual([1, 1]);
  }, 120_000);
});
