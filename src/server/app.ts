/** Wires the classroom server: database (PGlite or PostgreSQL), migrations, re-scoring engine, HTTP server. */
import { networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { LEVELS } from '../shared/levels';
import { openDatabase } from './db/database';
import { adminPassword, type AdminPassword } from './identity';
import { Rescorer, type RescoreService } from './rescore';
import { RescorePool } from './rescore-pool';
import { buildServer, type ServerLimits } from './server';
import type { SignInGuard } from './sign-in-guard';
import { ClassroomStore } from './store';
import { defaultTrainLanes, Verifier } from './verification';
import { VerificationQueue } from './verification-queue';
import { noCompetitionTakesUploads } from './verification-drain';

export interface ClassroomConfig {
  /** PGlite data and the kept admin password live here. */
  dataDir: string;
  /** postgres://… : use that server instead of PGlite. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests). */
  databaseSchema?: string;
  /** PGlite location override ('memory://' in tests); default `<dataDir>/pglite`. */
  pgliteDir?: string;
  adminPasswordEnv?: string;
  assetsDir: string;
  distDir?: string;
  now?: () => Date;
  limits?: Partial<ServerLimits>;
  maxRescoreQueue?: number;
  /** Re-score on worker threads (default) or, false, on the server's own thread (measurements, debugging). */
  rescoreThreads?: boolean;
  logger?: boolean;
  /** Load the pretrained decoders and the judge before listening (startup takes longer, first answers are fast). */
  warmUp?: boolean;
  /** Base of the join URL in QR codes (the LAN address students can reach). */
  joinBaseUrl?: string;
  /** Password-guessing limits (tests pass one with their own clock). */
  signInGuard?: SignInGuard;
  /** Training threads, i.e. re-trainings at once (default: cores − 1, at least 1; CLASSROOM_RESCORE_THREADS). */
  trainThreads?: number;
  /** Decoding threads, which evaluate uploads (default: two, one on a single core). */
  decodeThreads?: number;
  /** Run verification workers in this process (default true). False: only queue (workers run elsewhere). */
  verify?: boolean;
  /** Verification job cap in ms (default 180 s). */
  verifyJobTimeoutMs?: number;
}

export interface Classroom {
  app: FastifyInstance;
  store: ClassroomStore;
  rescorer: RescoreService;
  verifier: Verifier | null;
  admin: AdminPassword;
  close(): Promise<void>;
}

export async function createClassroom(config: ClassroomConfig): Promise<Classroom> {
  const admin = adminPassword(config.dataDir, config.adminPasswordEnv);
  const db = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, schema: config.databaseSchema }
      : { dataDir: config.pgliteDir ?? `${config.dataDir}/pglite` },
  );
  const store = await ClassroomStore.open(db);
  const rescoring = { assetsDir: config.assetsDir, maxQueue: config.maxRescoreQueue };
  let rescorer: RescoreService;
  try {
    rescorer =
      config.rescoreThreads === false
        ? await Rescorer.create(rescoring)
        : await RescorePool.create({
            ...rescoring,
            trainThreads: config.trainThreads ?? defaultTrainLanes(),
            decodeThreads: config.decodeThreads,
          });
    if (config.warmUp) await rescorer.warmUp(LEVELS.map((l) => l.id));
  } catch (error) {
    await store.close();
    throw error;
  }
  const verifier =
    config.verify === false
      ? null
      : new Verifier(new VerificationQueue(store.db), rescorer, {
          now: config.now,
          jobTimeoutMs: config.verifyJobTimeoutMs,
          draining: noCompetitionTakesUploads(store, config.now),
        });
  const app = await buildServer({
    verifier: verifier ?? undefined,
    store,
    rescorer,
    adminPassword: admin.password,
    distDir: config.distDir,
    now: config.now,
    limits: config.limits,
    logger: config.logger,
    pages: { joinBaseUrl: config.joinBaseUrl },
    signInGuard: config.signInGuard,
  });
  // On PGlite this is the only process: whatever was running when it stopped goes back to the queue.
  await verifier?.start({ onlyProcess: db.kind === 'pglite' });
  return {
    app,
    store,
    rescorer,
    verifier,
    admin,
    close: async () => {
      await app.close();
      // Stop taking jobs, end the ones in flight (they return to the queue), then close the database.
      verifier?.halt();
      await rescorer.close();
      await verifier?.stop();
      await store.close();
    },
  };
}

/** http://<address>:<port>/ for every non-internal IPv4 address (what students type), loopback last. */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}/`);
  }
  urls.push(`http://127.0.0.1:${port}/`);
  return urls;
}
