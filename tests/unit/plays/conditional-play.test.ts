/**
 * Digits on demand's play through the MlPort on a real engine with the shipped conditional VAE: looks are the
 * distinct decodes (a class at a spot; the same spot again is free, another class there is one more), the payload
 * carries them, and the session's score is the shared harness's (what the bots and the classroom server give).
 */
import { describe, expect, it } from 'vitest';
import { ConditionalPlay } from '../../../src/game/level/plays/conditional-play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import { getLevel } from '../../../src/shared/levels';
import { PretrainedLevel } from '../../../src/shared/levels/measure';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

const until = async (what: string | (() => string), check: () => boolean, ms = 30_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('Digits on demand: the looks', () => {
  it('counts distinct decodes, carries them in the payload, and scores as the harness does', async () => {
    const engine = await testEngine('cpu');
    const level = getLevel('digits-on-demand')!;
    const session = new LevelSession(level, new EnginePort(engine), (h) => new ConditionalPlay(h));
    session.start();
    await until(
      () => `the map (${session.status}: ${session.error})`,
      () => session.status === 'idle' && session.play !== null && (session.play as ConditionalPlay).map !== null,
    );
    const play = session.play as ConditionalPlay;
    await until('the card', () => play.card !== null);
    const start = play.looks;
    await play.decodeAt(0.5, -0.25);
    await play.decodeAt(0.5, -0.25);
    expect(play.looks).toBe(start + 1);
    play.setDigit(3);
    await play.decodeAt(0.5, -0.25);
    expect(play.looks).toBe(start + 2);
    for (let d = 0; d < 10; d++) {
      play.setDigit(d);
      await play.write(0.5, -0.25);
      expect(session.error).toBeNull();
    }
    await until('the result', () => session.status !== 'idle' && session.status !== 'measuring');
    expect(session.error).toBeNull();
    expect(session.status).toBe('done');
    const r = session.result!;
    expect(r.payload).toMatchObject({ kind: 'latentPoints', looks: Math.max(play.looks, 10) });
    expect(r.detail.looks).toBe(Math.max(play.looks, 10));
    const direct = await (await PretrainedLevel.load(engine, level)).play(r.payload);
    expect({ score: r.score, stars: r.stars, goalMet: r.goalMet, detail: r.detail }).toEqual(direct.result);
  }, 400_000);
});
