/**
 * Re-scoring on worker threads (src/server/rescore-pool.ts): the threads load the TypeScript sources here
 * (vitest) as under tsx, score exactly as an in-process Rescorer, leave the HTTP thread free while they train,
 * and survive a thread being killed or throwing: the affected submission is answered 503 with a message,
 * nothing is stored for it, and a new thread takes over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobKey, QueueFullError, Rescorer } from '../../src/server/rescore';
import { RescorePool } from '../../src/server/rescore-pool';
import { getLevel, validatePayload, type SolutionPayload } from '../../src/shared/levels';
import { assetsDir, testClassroom, type TestClassroom } from './classroom-support';

/** The complete payload the server scores (defaults filled in), as after its validation. */
function valid(id: string, payload: unknown = getLevel(id)!.example): SolutionPayload {
  const checked = validatePayload(getLevel(id)!, payload);
  if (!checked.ok) throw new Error(checked.problems.join(' '));
  return checked.payload;
}
const example = (id: string): SolutionPayload => valid(id);

/** Waits (without asserting any duration) until `ready()` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, 5));
}

describe('pool and in-process re-scoring agree', () => {
  let pool: RescorePool;
  let local: Rescorer;
  beforeAll(async () => {
    // One job per lane at most, so the bound is easy to reach below.
    // trainNice 0: the in-process Rescorer it is compared with runs at normal priority (a niced thread on a busy
    // test machine waits minutes for a core).
    [pool, local] = await Promise.all([
      RescorePool.create({ assetsDir, maxQueue: 1, trainNice: 0 }),
      Rescorer.create({ assetsDir }),
    ]);
  });
  afterAll(async () => {
    await pool?.close();
  });

  it.each([
    ['squeeze-the-alphabet', 7],
    ['navigator', 7],
  ])('%s (seed %i): same score and measurements', async (id, seed) => {
    const [threaded, inProcess] = await Promise.all([
      pool.score(id, example(id), seed),
      local.score(id, example(id), seed),
    ]);
    expect(threaded.result).toEqual(inProcess.result);
    expect(threaded.evaluation).toEqual(inProcess.evaluation);
  });

  it('shares one job between identical (level, payload, seed) and keys every lane by the seed', async () => {
    const a = local.score('navigator', example('navigator'), 1);
    expect(local.score('navigator', example('navigator'), 1)).toBe(a);
    expect(local.score('navigator', example('navigator'), 2)).not.toBe(a);
    const shared = pool.score('navigator', example('navigator'), 3);
    expect(pool.score('navigator', example('navigator'), 3)).toBe(shared);
    await shared;
    expect(jobKey('navigator', example('navigator'), 1)).not.toBe(jobKey('navigator', example('navigator'), 2));
  });

  it('refuses work beyond a full lane with a Retry-After, but still shares a job already queued', async () => {
    const payload = valid('squeeze-the-alphabet', { kind: 'hyperparameters', values: { bottleneck: 3, width: 16 } });
    const first = pool.score('squeeze-the-alphabet', payload, 21);
    let refused: unknown;
    try {
      void pool.score('squeeze-the-alphabet', payload, 22);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueueFullError);
    expect((refused as QueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(pool.score('squeeze-the-alphabet', payload, 21)).toBe(first);
    // The decoding lane has its own bound: a decode is not refused because training is full.
    await pool.score('navigator', example('navigator'), 21);
    await first;
  });
});

describe('the server keeps answering while a thread trains, and survives a lost thread', () => {
  let room: TestClassroom;
  let pool: RescorePool;
  let token = '';
  let keys = 0;
  const submit = (levelId: string, payload: unknown, idempotencyKey = `pool-key-${++keys}`) =>
    room.app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { authorization: `Bearer ${token}` },
      payload: { levelId, idempotencyKey, payload },
    });
  const stored = async (): Promise<string[]> =>
    (
      await room.app.inject({
        method: 'GET',
        url: `/api/teacher/competitions/${code}/submissions`,
        headers: room.teacher,
      })
    )
      .json()
      .submissions.map((s: { idempotencyKey: string }) => s.idempotencyKey);
  let code = '';

  beforeAll(async () => {
    room = await testClassroom();
    pool = room.rescorer as RescorePool;
    code = (
      await room.app.inject({
        method: 'POST',
        url: '/api/teacher/competitions',
        headers: room.teacher,
        payload: { title: 'Pool', levels: ['squeeze-the-alphabet', 'navigator'], seed: 3, durationMinutes: 30 },
      })
    ).json().competition.code;
    await room.app.inject({ method: 'POST', url: `/api/teacher/competitions/${code}/start`, headers: room.teacher });
    token = (await room.app.inject({ method: 'POST', url: '/api/join', payload: { code, nickname: 'Threads' } })).json()
      .token;
  });
  afterAll(() => room?.dispose());

  it('answers /api/health while a training re-score is in flight', async () => {
    let settled = false;
    const training = submit('squeeze-the-alphabet', {
      kind: 'hyperparameters',
      values: { bottleneck: 4, width: 32 },
    }).finally(() => (settled = true));
    await until(() => pool.lane('train').busy);
    for (let i = 0; i < 5; i++) {
      const health = await room.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json().rescoring.pending).toBeGreaterThanOrEqual(1);
      expect(settled).toBe(false);
    }
    expect((await training).statusCode).toBe(201);
  });

  it('answers 503 and stores nothing when the thread is killed mid-job, then scores on a new thread', async () => {
    const payload = { kind: 'hyperparameters', values: { bottleneck: 2, width: 16 } };
    const pending = submit('squeeze-the-alphabet', payload, 'killed-attempt-1');
    await until(() => pool.lane('train').busy);
    await pool.killThread('train');
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.json().message).toMatch(/stopped while scoring this solution.*send the solution again/);
    expect(await stored()).not.toContain('killed-attempt-1');
    expect(pool.lane('train').restarts).toBe(1);
    const again = await submit('squeeze-the-alphabet', payload, 'killed-attempt-1');
    expect(again.statusCode).toBe(201);
    const reference = await (
      await Rescorer.create({ assetsDir })
    ).score('squeeze-the-alphabet', valid('squeeze-the-alphabet', payload), 3);
    expect(again.json().submission.score).toBe(reference.result.score);
  });

  it('replaces a thread that throws an uncaught error', async () => {
    pool.crashThread('decode');
    await until(() => pool.lane('decode').restarts === 1);
    const res = await submit('navigator', example('navigator'));
    expect(res.statusCode).toBe(201);
    expect((await room.app.inject({ method: 'GET', url: '/api/health' })).json().ok).toBe(true);
  });
});
