/**
 * `npm run classroom:worker`: joins a classroom as a verification worker from another machine. It needs the
 * repo (assets/ for the datasets) and the classroom's PostgreSQL: DATABASE_URL, the same as the server's. It
 * takes jobs from the shared queue (verification-queue.ts, FOR UPDATE SKIP LOCKED) and re-trains them on its
 * own cores; it serves no HTTP. Stop it any time: a job it was running goes back to the queue.
 * Env: DATABASE_URL (required), CLASSROOM_RESCORE_THREADS (training lanes; default cores − 1, at least 1),
 * CLASSROOM_DB_SCHEMA (a PostgreSQL schema; tests).
 */
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/server/db/database';
import { RescorePool } from '../src/server/rescore-pool';
import { ClassroomStore } from '../src/server/store';
import { defaultTrainLanes, Verifier } from '../src/server/verification';
import { VerificationQueue } from '../src/server/verification-queue';

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres'))
    throw new Error('Set DATABASE_URL to the classroom server’s PostgreSQL (PGlite belongs to one process).');
  const db = await openDatabase({ url, schema: process.env.CLASSROOM_DB_SCHEMA || undefined });
  const store = await ClassroomStore.open(db);
  const lanes = defaultTrainLanes();
  // Verification only re-trains: one decoding thread (the pool's minimum), never used here.
  const pool = await RescorePool.create({ assetsDir: join(root, 'assets'), trainThreads: lanes, decodeThreads: 1 });
  const verifier = new Verifier(new VerificationQueue(store.db), pool);
  await verifier.start();
  console.log(
    `[classroom:worker] ${verifier.workerId}: ${lanes} training lane(s) on ${pool.backend}, waiting for jobs`,
  );
  const report = setInterval(() => console.log(`[classroom:worker] verified ${verifier.completed}`), 60_000);
  report.unref();
  const stop = (): void => {
    verifier.halt();
    void pool
      .close()
      .then(() => verifier.stop())
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[classroom:worker] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
