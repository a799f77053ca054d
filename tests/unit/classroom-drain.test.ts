/**
 * The verification queue keeps up on every core (issue #11: all bests verified within minutes of the end): the
 * training lane re-trains, and the second evaluation thread too whenever no upload waits for it (and always once
 * no competition takes uploads); the first evaluation thread is never lent, so an upload or decode finds it free.
 * Real PGlite, real worker threads, small models (Squeeze the alphabet).
 */
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { RescorePool } from '../../src/server/rescore-pool';
import { ClassroomStore } from '../../src/server/store';
import { mayLendSpare, Verifier } from '../../src/server/verification';
import { noCompetitionTakesUploads } from '../../src/server/verification-drain';
import { VerificationQueue } from '../../src/server/verification-queue';
import { getLevel, validatePayload } from '../../src/shared/levels';
import { assetsDir } from './classroom-support';

const LEVEL = 'squeeze-the-alphabet';
const SEED = 5;
const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (s: number): Date => new Date(t0.getTime() + s * 1000);
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

let shared: ClassroomStore | null = null;
/** One database for both tests (each its own competition): opening PGlite is the slow part. */
async function room(code: string) {
  if (!shared) {
    shared = await ClassroomStore.open(await openDatabase({ dataDir: 'memory://' }));
    const store = shared;
    closers.push(() => store.close());
  }
  const c = (await shared.createCompetition(
    { code, title: 'D', levels: [LEVEL], seed: SEED, variantMode: 'same', durationSeconds: 600 },
    t0,
  ))!;
  return { store: shared, c };
}

function valid(id: string, payload: unknown) {
  const checked = validatePayload(getLevel(id)!, payload);
  if (!checked.ok) throw new Error(checked.problems.join(' '));
  return checked.payload;
}
/** A distinct valid attempt per width (each needs its own re-training: no shared job). */
const attempt = (width: number) => valid(LEVEL, { kind: 'hyperparameters', values: { bottleneck: 3, width } });

it('lends spare evaluation threads only while no competition takes uploads', async () => {
  const { store, c } = await room('DRAIN2');
  const drainingAt = (s: number) => noCompetitionTakesUploads(store, () => at(s))();
  expect(await drainingAt(0)).toBe(true); // a draft takes nothing
  await store.startCompetition(c.code, at(10));
  expect(await drainingAt(11)).toBe(false);
  expect(await drainingAt(609)).toBe(false);
  expect(await drainingAt(611)).toBe(true); // over by the clock
  await store.stopCompetition(c.code, at(300));
  expect(await drainingAt(301)).toBe(true); // stopped by the teacher
});

it('lends a spare evaluation thread whenever no evaluation waits, and always after the end', () => {
  expect(mayLendSpare({ draining: false, evaluationsWaiting: 0 })).toBe(true);
  expect(mayLendSpare({ draining: false, evaluationsWaiting: 1 })).toBe(false);
  expect(mayLendSpare({ draining: true, evaluationsWaiting: 3 })).toBe(true);
});

it('re-trains on the training lane and a spare evaluation thread at once; the first evaluation thread stays free', async () => {
  // DRAIN2 (above) is stopped: only this one takes uploads.
  const { store, c } = await room('DRAIN3');
  await store.startCompetition(c.code, at(0));
  const queue = new VerificationQueue(store.db);
  const clock = { now: at(60) };
  const pool = await RescorePool.create({ assetsDir, trainThreads: 1, decodeThreads: 2, trainNice: 0 });
  closers.push(() => pool.close());
  expect(pool.spareLanes).toBe(1);
  await pool.warmUp(['navigator']);
  const verifier = new Verifier(queue, pool, {
    now: () => clock.now,
    pollMs: 50,
    draining: noCompetitionTakesUploads(store, () => clock.now, 0),
  });
  closers.push(() => verifier.stop());
  for (const [i, who] of ['Ana', 'Ben', 'Cy'].entries()) {
    const p = (await store.addPlayer(c.id, who, who.toLowerCase(), `tok-${who}`, at(1)))!;
    const { submission } = await store.insertSubmission({
      competitionId: c.id,
      playerId: p.id,
      levelId: LEVEL,
      idempotencyKey: `drain-${who}`,
      payload: attempt(16 + 8 * i),
      payloadHash: who,
      score: 3,
      stars: 1,
      goalMet: true,
      detail: {},
      createdAt: at(2 + i),
      verification: 'pending',
    });
    expect(await queue.file(submission, SEED, at(2 + i))).toBe('pending');
  }
  await verifier.start({ onlyProcess: true });
  // During the lesson, no upload waiting: two re-trainings at once.
  while (verifier.busy < 2) await new Promise((r) => setTimeout(r, 5));
  expect(pool.evaluationsWaiting).toBe(0);
  // A decode arriving now is answered on the first evaluation thread, before either re-training ends.
  const completedBefore = verifier.completed;
  const decoded = await pool.score('navigator', valid('navigator', getLevel('navigator')!.example), 3);
  expect(decoded.result.score).toBeTypeOf('number');
  expect(verifier.completed).toBe(completedBefore);
  while (verifier.completed < 3) await new Promise((r) => setTimeout(r, 5));
  expect((await queue.jobs(c.id)).map((j) => j.state)).toEqual(['done', 'done', 'done']);
  const subs = await store.submissions(c.id);
  expect(subs.every((s) => s.verification === 'verified' || s.verification === 'corrected')).toBe(true);
}, 240_000);
