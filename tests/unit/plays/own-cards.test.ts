/**
 * "Try with your own" (#14): after a win, kept digits join an MNIST arithmetic deck as cards, encoded by the
 * level's model on a real engine; an expression with one is decoded and matched live but never scored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ArithmeticPlay } from '../../../src/game/level/plays/arithmetic-play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import type { Engine } from '../../../src/ml-worker/engine';
import { isOwnCard, ownDigitCards } from '../../../src/shared/drawing/own-card';
import { encodeDigit, keepDigit, NO_DRAWINGS, type OwnDrawings } from '../../../src/shared/drawing/own-drawings';
import { getLevel, type ArithmeticSetup } from '../../../src/shared/levels';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

/** MNIST test digit `index` as a kept drawing (a real digit stands in for a drawn one). */
async function kept(engine: Engine, indices: number[]): Promise<OwnDrawings> {
  let drawings = NO_DRAWINGS;
  for (const i of indices) {
    const batch = await engine.getImages('mnist', 'test', i, 1);
    drawings = keepDigit(drawings, encodeDigit(batch.images, batch.labels[0]));
  }
  return drawings;
}

describe('own digit cards', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
    await engine.loadDataset('mnist');
  });

  it('only a won MNIST arithmetic level deals them: the newest 3, labelled in every language', async () => {
    const drawings = await kept(engine, [0, 1, 2, 3]);
    const blend = getLevel('blend')!;
    expect(ownDigitCards(blend, drawings, false)).toEqual([]);
    expect(ownDigitCards(getLevel('letter-forge')!, drawings, true)).toEqual([]);
    expect(ownDigitCards(getLevel('navigator')!, drawings, true)).toEqual([]);
    const cards = ownDigitCards(blend, drawings, true);
    expect(cards.map((c) => c.id)).toEqual(['own:1', 'own:2', 'own:3']);
    const label = drawings.digits[1].label;
    expect(cards[0].label).toEqual({
      en: `your ${label}`,
      pl: `twoja ${label}`,
      cs: `tvoje ${label}`,
      es: `tu ${label}`,
    });
  });

  it('an own card joins the deck, its expression is decoded and matched live, and Check does not score it', async () => {
    const level = getLevel('blend')!;
    const drawings = await kept(engine, [0]);
    const session = new LevelSession(
      level,
      new EnginePort(engine),
      (h) => new ArithmeticPlay(h, level.setup as ArithmeticSetup),
    );
    const play = session.play as ArithmeticPlay;
    play.offerOwnCards(ownDigitCards(level, drawings, true));
    session.start();
    await until(() => play.ready || session.status === 'error');
    expect(session.error).toBeNull();
    const ids = play.cards.map((c) => c.card.id);
    expect(ids.length).toBe((level.setup as ArithmeticSetup).deck.length + 1);
    expect(isOwnCard(ids.at(-1)!)).toBe(true);
    expect(play.cards.at(-1)!.image).toEqual(ownDigitCards(level, drawings, true)[0].image);

    play.toggleCard(ids.at(-1)!);
    expect(play.hasOwnTerms()).toBe(true);
    await until(() => play.live !== null);
    const decode = play.live!.results[0];
    expect(decode.length).toBe(784);
    expect(decode.some((v) => v > 0.5)).toBe(true);
    expect(play.live!.headline).toBeGreaterThanOrEqual(0);
    await play.submit();
    expect(session.status).toBe('idle');
    expect(session.result).toBeNull();

    // Taken out, a deck card scores as before.
    play.clearTerms();
    play.toggleCard(ids[0]);
    await until(() => play.live !== null);
    await play.submit();
    expect(session.status).toBe('done');
    session.dispose();
  }, 120_000);
});
