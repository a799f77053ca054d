/**
 * Re-entering a level starts from what the player last set there: the remembered values are checked against the
 * level again (a save can hold anything), and what no longer fits keeps its default. The play here is the real
 * TrainedPlay / ArithmeticPlay in a real LevelSession; nothing trains, so the ML port is never called.
 */
import { describe, expect, it } from 'vitest';
import { restoredControlValues, restoredTerms } from '../../src/game/level/remembered';
import { ArithmeticPlay } from '../../src/game/level/plays/arithmetic-play';
import { TrainedPlay } from '../../src/game/level/plays/trained-play';
import { LevelSession } from '../../src/game/level/shell/level-session';
import type { MlPort } from '../../src/game/ml/ml-port';
import { getLevel, type ArithmeticSetup, type TrainedSetup } from '../../src/shared/levels';
import { createGameStore } from '../../src/game/state';

const squeeze = getLevel('squeeze-the-alphabet')!;
const forge = getLevel('letter-forge')!;
/** Nothing in these tests reaches the worker: any call is a test failure. */
const noPort = new Proxy({} as MlPort, {
  get: (_t, key) => {
    throw new Error(`the ML port was used (${String(key)})`);
  },
});
const trainedSession = () =>
  new LevelSession(squeeze, noPort, (host) => new TrainedPlay(host, squeeze.setup as TrainedSetup));
const forgeSession = () =>
  new LevelSession(forge, noPort, (host) => new ArithmeticPlay(host, forge.setup as ArithmeticSetup));

describe('remembered control values', () => {
  it('keeps the values that fit the controls and drops the rest', () => {
    expect(
      restoredControlValues(squeeze.controls, {
        bottleneck: 2, // valid
        width: 33, // off the slider grid
        depth: 9, // out of range
        activation: 'tanh', // valid choice
        steps: '2000', // wrong type
        extra: 1, // not a control
      }),
    ).toEqual({ bottleneck: 2, activation: 'tanh' });
    expect(restoredControlValues(squeeze.controls, null)).toEqual({});
    expect(restoredControlValues(squeeze.controls, 'values')).toEqual({});
  });

  it('a trained level re-entered shows the last values, saved through the store, defaults elsewhere', () => {
    const first = trainedSession();
    const play = first.play as TrainedPlay;
    play.setValue('bottleneck', 3);
    play.setValue('activation', 'sigmoid');
    const store = createGameStore({ storage: null });
    store.getState().rememberLevelSettings(squeeze.id, play.settings());

    const again = trainedSession();
    const remembered = store.getState().progress.lastSettings![squeeze.id];
    again.play!.restoreSettings!(remembered);
    const values = (again.play as TrainedPlay).values;
    expect(values).toMatchObject({ bottleneck: 3, activation: 'sigmoid' });
    expect(values.width).toBe(squeeze.controls.find((c) => c.id === 'width')!.default);
    // A hand-edited save with a bad value: that control keeps its default, the others come back.
    const edited = trainedSession();
    edited.play!.restoreSettings!({ values: { bottleneck: 99, activation: 'tanh' } });
    expect((edited.play as TrainedPlay).values).toMatchObject({ bottleneck: 8, activation: 'tanh' });
  });
});

describe('remembered expressions', () => {
  const setup = forge.setup as ArithmeticSetup;
  const spec = { maxTerms: 6, maxWeight: 2 };

  it('comes back whole when every term names a deck card once with an allowed weight, else not at all', () => {
    const terms = [
      { card: 'P', weight: 0.5 },
      { card: 'M', weight: -0.5 },
    ];
    expect(restoredTerms(setup.deck, spec, terms)).toEqual(terms);
    expect(restoredTerms(setup.deck, spec, [{ card: 'E', weight: 1 }])).toEqual([]); // E is not in the deck
    expect(restoredTerms(setup.deck, spec, [...terms, { card: 'P', weight: 1 }])).toEqual([]); // P twice
    expect(restoredTerms(setup.deck, spec, [{ card: 'P', weight: 3 }])).toEqual([]); // over maxWeight
    expect(restoredTerms(setup.deck, spec, Array(7).fill({ card: 'P', weight: 1 }))).toEqual([]);
    expect(restoredTerms(setup.deck, spec, 'P - M')).toEqual([]);
  });

  it('an arithmetic level re-entered shows the last expression', () => {
    const session = forgeSession();
    const play = session.play as ArithmeticPlay;
    expect(play.settings()).toBeNull();
    play.restoreSettings({ terms: [{ card: 'F', weight: 1 }] });
    expect(play.terms).toEqual([{ card: 'F', weight: 1 }]);
    expect(play.settings()).toEqual({ terms: [{ card: 'F', weight: 1 }] });
  });
});
