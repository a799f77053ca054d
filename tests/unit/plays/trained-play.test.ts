/**
 * The trained play through the MlPort on a real engine (tfjs CPU): a run trains, measures and scores with the
 * level's pure scorer; a newer Train aborts the older run (AbortSignal, no run numbers); Stop ends the job in the
 * worker; leaving aborts the run and frees the model.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainedPlay } from '../../../src/game/level/plays/trained-play';
import { LevelSession } from '../../../src/game/level/shell/level-session';
import type { Engine } from '../../../src/ml-worker/engine';
import { getLevel, type TrainedSetup } from '../../../src/shared/levels';
import { EnginePort } from '../support/engine-port';
import { testEngine } from '../support/engine';

const LEVEL = getLevel('squeeze-the-alphabet')!;

function trained(port: EnginePort): { session: LevelSession; play: TrainedPlay } {
  const session = new LevelSession(LEVEL, port, (h) => new TrainedPlay(h, LEVEL.setup as TrainedSetup));
  session.start();
  const play = session.play as TrainedPlay;
  play.setValue('steps', 500);
  play.setValue('width', 32);
  return { session, play };
}

describe('TrainedPlay through the MlPort', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await testEngine('cpu');
  });

  it('trains, measures and scores exactly as the pure scorer does; the best of the visit stays', async () => {
    const { session, play } = trained(new EnginePort(engine));
    expect(play.paramCount()).toBeGreaterThan(0);
    await play.train();
    expect(session.error).toBeNull();
    expect(session.status).toBe('done');
    const r = session.result!;
    expect(r.payload).toEqual(play.payload());
    expect(LEVEL.score(r.payload, r.evaluation)).toEqual({
      score: r.score,
      stars: r.stars,
      goalMet: r.goalMet,
      detail: r.detail,
    });
    expect(session.best).toBe(r);
    expect(play.progress).toMatchObject({ step: 500, totalSteps: 500 });
    expect(play.lossHistory.length).toBeGreaterThan(0);
    expect(play.images?.source).toBe('heldOut');
    expect(play.snapshot()).toMatchObject({ values: play.values, lossPoints: play.lossHistory.length });
    session.dispose();
  }, 120_000);

  it('a newer Train aborts the older run: one result, no error, the first job superseded', async () => {
    const port = new EnginePort(engine);
    const { session, play } = trained(port);
    const first = play.train();
    // Let the first run reach its training job, then start over.
    while (session.status !== 'training') await new Promise((r) => setTimeout(r, 10));
    const second = play.train();
    await Promise.all([first, second]);
    expect(session.error).toBeNull();
    expect(session.status).toBe('done');
    expect(port.jobs).toHaveLength(2);
    expect(play.progress?.step).toBe(500);
    session.dispose();
  }, 120_000);

  it('Stop ends the job in the worker; leaving mid-run aborts it quietly and frees the model', async () => {
    const port = new EnginePort(engine);
    const { session, play } = trained(port);
    const run = play.train();
    while (!play.progress || play.progress.step < 20) await new Promise((r) => setTimeout(r, 10));
    play.stop();
    await run;
    expect(session.status).toBe('idle');
    expect(session.result).toBeNull();
    expect(session.message).toMatch(/stopped at step/);
    expect(play.progress!.step).toBeLessThan(500);

    const tensors = tf.memory().numTensors;
    const again = play.train();
    while (session.status !== 'training') await new Promise((r) => setTimeout(r, 10));
    session.dispose();
    await again;
    expect(session.status).toBe('training');
    expect(session.error).toBeNull();
    // The model built for the second run was freed with it.
    await new Promise((r) => setTimeout(r, 200));
    expect(tf.memory().numTensors).toBeLessThanOrEqual(tensors);
  }, 120_000);
});
