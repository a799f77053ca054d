/**
 * After the end the verification queue drains on every core (issue #11: all bests verified within minutes of the
 * end): while a competition takes uploads, one training lane re-trains and the evaluation threads stay free for
 * what students wait for; once none does, the second evaluation thread re-trains too. Real PGlite, real
 * worker threads, small models (Squeeze the alphabet).
 */
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { RescorePool } from '../../src/server/rescore-pool';
import { ClassroomStore } from '../../src/server/store';
import { Verifier } from '../../src/server/verification';
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

/** A distinct valid attempt per width (each needs its own re-training: no shared job). */
function attempt(width: number) {
  const checked = validatePayload(getLevel(LEVEL)!, {
    kind: 'hyperparameters',
    values: { bottleneck: 3, width },
  });
  if (!checked.ok) throw new Error(checked.problems.join(' '));
  return checked.payload;
}

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

it('re-trains on one lane during the lesson and on two after the end', async () => {
  // DRAIN2 (above) is stopped: only this one takes uploads.
  const { store, c } = await room('DRAIN3');
  await store.startCompetition(c.code, at(0));
  const queue = new VerificationQueue(store.db);
  const clock = { now: at(60) };
  const pool = await RescorePool.create({ assetsDir, trainThreads: 1, decodeThreads: 2, trainNice: 0 });
  closers.push(() => pool.close());
  expect(pool.spareLanes).toBe(1);
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
  // During the lesson: one job at a time, until the first is verified (two more wait in the queue).
  let most = 0;
  while (verifier.completed < 1) {
    most = Math.max(most, verifier.busy);
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(most).toBe(1);
  // The end: the last two run at once, one on the training thread, one on the spare evaluation thread.
  clock.now = at(700);
  most = 0;
  while (verifier.completed < 3) {
    most = Math.max(most, verifier.busy);
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(most).toBe(2);
  expect((await queue.jobs(c.id)).map((j) => j.state)).toEqual(['done', 'done', 'done']);
  const subs = await store.submissions(c.id);
  expect(subs.every((s) => s.verification === 'verified' || s.verification === 'corrected')).toBe(true);
}, 240_000);
