/**
 * `npm run loadtest -- --mix trained`: a class on trained MNIST levels (Beat PCA, Budget, Noise zoo) in
 * "variant" mode. Each simulated student finishes an attempt about every 45 s (jittered) and uploads the model
 * it trained (POST /api/submissions/trained), retrying as the game's outbox does (Retry-After on 429/503, a
 * short wait on a network error, the same idempotency key). The models are real: the generator trains each
 * distinct setting once before the clock starts (the level's example plus random-but-valid settings, one
 * generator seed; cached in the system temp directory by level, settings and seed), so training does not load
 * the server's CPU during the run. The student's own seed then differs from the generator's, as a browser's
 * backend differs from the server's: verification compares, and corrects what falls outside the tolerance.
 * After the end it waits for every best to be verified. Prints one JSON object.
 * Args: --students 30 --seconds 240 --every 45 --settings 2 --verify-wait 300 --budget 720 (seconds for the whole
 * run: the wait for verification is cut to fit) --no-gzip. Output fields: students, attempts, p50/p95/max
 * SecondsToScore, unscored, lost, duplicated, secondsToAllVerified, bytesUploaded, backlog (every 15 s: queued
 * verifications, CPU and memory), serverCpuPercentOfOneCore, serverMaxRssMb, totalSeconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { CompetitionDetailReplySchema } from '../src/shared/classroom/api';
import { encodeWeights, MODEL_ENCODING } from '../src/shared/classroom/model-codec';
import { getLevel, levelVariant, validatePayload, type ControlValue } from '../src/shared/levels';
import { resolveControlValues } from '../src/shared/levels/controls';
import { trainedSetupOf } from '../src/shared/levels/measure';
import { createRng, type Rng } from '../src/shared/random';
import { nodeEngine } from '../tools/node-engine';
import {
  countStored,
  joinStudents,
  quantile,
  r1,
  sendLikeTheOutbox,
  sleep,
  startCompetition,
  startLoadServer,
} from './loadtest-kit';

export const TRAINED_MIX = ['beat-pca', 'budget', 'noise-zoo'] as const;
const GENERATOR_SEED = 7;
/** Part of the cache key: bump when a level's architecture or the wire form changes. */
const CACHE_VERSION = 2;

interface Upload {
  levelId: string;
  values: Record<string, ControlValue>;
  wire: string;
}

/** A random valid value for every control (sliders on their steps). */
function randomValues(levelId: string, rng: Rng): Record<string, ControlValue> {
  const level = getLevel(levelId)!;
  const values: Record<string, ControlValue> = {};
  for (const c of level.controls) {
    if (c.kind === 'slider') values[c.id] = c.min + rng.int(Math.floor((c.max - c.min) / c.step) + 1) * c.step;
    else if (c.kind === 'choice') values[c.id] = c.options[rng.int(c.options.length)].value;
    else values[c.id] = rng.next() < 0.5;
  }
  return resolveControlValues(level.controls, values);
}

/** Trains (or reads from the cache) one model per (level, settings, seed). */
async function prepareUploads(settingsPerLevel: number): Promise<{ uploads: Upload[]; trainSeconds: number }> {
  const cacheDir = join(tmpdir(), 'lq-loadtest-models');
  mkdirSync(cacheDir, { recursive: true });
  const rng = createRng(4242);
  const uploads: Upload[] = [];
  let engine: Awaited<ReturnType<typeof nodeEngine>> | null = null;
  const started = performance.now();
  for (const levelId of TRAINED_MIX) {
    const level = levelVariant(getLevel(levelId)!, GENERATOR_SEED);
    for (let i = 0; i < settingsPerLevel; i++) {
      // The first is the level's example (sensible); the rest random but valid.
      const example = level.example.kind === 'hyperparameters' ? level.example.values : {};
      const values = i === 0 ? resolveControlValues(level.controls, example) : randomValues(levelId, rng);
      const checked = validatePayload(level, { kind: 'hyperparameters', values });
      if (!checked.ok || checked.payload.kind !== 'hyperparameters') {
        i--;
        continue;
      }
      const file = join(
        cacheDir,
        `${createHash('sha256')
          .update(JSON.stringify([CACHE_VERSION, levelId, checked.payload.values, GENERATOR_SEED]))
          .digest('hex')
          .slice(0, 20)}.json`,
      );
      if (!existsSync(file)) {
        engine ??= await nodeEngine('wasm');
        const plan = trainedSetupOf(level).plan(checked.payload.values, GENERATOR_SEED);
        const model = await engine.createModel(plan.spec);
        await engine.train(model.modelId, {
          ...plan.config,
          jobId: `load-${levelId}-${i}`,
          progressIntervalMs: 60_000,
          previewCount: 0,
        });
        const wire = encodeWeights((await engine.exportWeights(model.modelId)).data);
        await engine.disposeModel(model.modelId);
        writeFileSync(file, JSON.stringify({ levelId, values: checked.payload.values, wire }));
      }
      uploads.push(JSON.parse(readFileSync(file, 'utf8')) as Upload);
    }
  }
  return { uploads, trainSeconds: Math.round((performance.now() - started) / 100) / 10 };
}

export async function runTrainedLoadTest(options: {
  students: number;
  seconds: number;
  everySeconds: number;
  settingsPerLevel: number;
  verifyWaitSeconds: number;
  /** Send gzip-compressed bodies (as the game does); default true. */
  gzip?: boolean;
  /** The whole run (models, class, waiting for verification) ends within this; default 720 (12 minutes). */
  budgetSeconds?: number;
}) {
  const begun = performance.now();
  options = { ...options, gzip: options.gzip ?? true };
  const budgetEnd = begun + (options.budgetSeconds ?? 720) * 1000 - 20_000;
  const { uploads, trainSeconds } = await prepareUploads(options.settingsPerLevel);
  // The body as the game sends it (gzip, the key last). A real class compresses on 30 machines: here each
  // upload's model part is compressed once and the key part per attempt, as two gzip members of one stream.
  const prefixes = new Map<Upload, Buffer | string>();
  for (const u of uploads) {
    const head = `{"levelId":${JSON.stringify(u.levelId)},"payload":${JSON.stringify({ kind: 'hyperparameters', values: u.values })},"model":{"encoding":"${MODEL_ENCODING}","data":"${u.wire}"},`;
    prefixes.set(u, options.gzip ? gzipSync(head) : head);
  }
  const bodyOf = (u: Upload, key: string): Blob | string => {
    const tail = `"idempotencyKey":${JSON.stringify(key)}}`;
    const head = prefixes.get(u)!;
    return typeof head === 'string' ? head + tail : new Blob([new Uint8Array(head), new Uint8Array(gzipSync(tail))]);
  };
  const load0 = loadavg()[0];
  const server = await startLoadServer('load-trained', { warmUp: true });
  const { classroom, base, teacher } = server;
  try {
    const code = await startCompetition(server, {
      title: 'Trained load',
      levels: [...TRAINED_MIX],
      variantMode: 'variant',
    });
    const tokens = await joinStudents(server, code, options.students);

    const secondsToScore: number[] = [];
    const acknowledged = new Set<string>();
    let attempts = 0;
    let unscored = 0;
    let bytesUploaded = 0;
    let retries = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    // Every 15 s: the verification backlog, and this process's CPU (the server with its threads; the simulated
    // clients only send prepared bodies) and memory over the interval.
    const backlog: {
      t: number;
      queued: number;
      rescorePending: number;
      cpuPercentOfOneCore: number;
      rssMb: number;
    }[] = [];
    const cpu0 = process.cpuUsage();
    let maxRssMb = 0;
    let lastCpu = { at: performance.now(), usage: process.cpuUsage() };
    const sampler = setInterval(() => {
      const rssMb = process.memoryUsage().rss / 2 ** 20;
      maxRssMb = Math.max(maxRssMb, rssMb);
      const now = { at: performance.now(), usage: process.cpuUsage() };
      const used = now.usage.user - lastCpu.usage.user + now.usage.system - lastCpu.usage.system;
      const cpuPercentOfOneCore = Math.round((used / 1e3 / (now.at - lastCpu.at)) * 100);
      lastCpu = now;
      void classroom.store.db
        .query<{ n: number | string }>(
          `SELECT count(*) AS n FROM verification_jobs WHERE state IN ('queued', 'running')`,
        )
        .then((rows) =>
          backlog.push({
            t: Math.round((performance.now() - started) / 1000),
            queued: Number(rows[0]?.n ?? 0),
            rescorePending: classroom.rescorer.pending,
            cpuPercentOfOneCore,
            rssMb: Math.round(rssMb),
          }),
        );
    }, 15_000);

    const student = async (index: number): Promise<void> => {
      const rng = createRng(9000 + index);
      // Students start spread over the first interval, then finish one attempt about every `everySeconds`.
      await sleep(rng.next() * options.everySeconds * 1000);
      for (let n = 1; performance.now() < deadline; n++) {
        const upload = uploads[rng.int(uploads.length)];
        const key = `s${index}-a${n}-trained`;
        const body = bodyOf(upload, key);
        attempts++;
        const sentAt = performance.now();
        // The outbox: the same key until an answer, Retry-After honoured, until the class ends (+30 s).
        const outcome = await sendLikeTheOutbox({
          send: () =>
            fetch(`${base}/api/submissions/trained`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
                authorization: `Bearer ${tokens[index]}`,
              },
              body,
            }),
          until: deadline + 30_000,
          networkRetryMs: 2000,
          defaultRetryAfterS: 2,
          onTry: () => (bytesUploaded += typeof body === 'string' ? body.length : body.size),
        });
        retries += outcome.retries;
        const scored = outcome.answered !== null;
        if (outcome.answered) {
          await outcome.answered.arrayBuffer();
          acknowledged.add(`${index}:${key}`);
          secondsToScore.push((performance.now() - sentAt) / 1000);
        }
        if (!scored) unscored++;
        const jitter = (rng.next() * 2 - 1) * 0.33 * options.everySeconds;
        await sleep(Math.max(1, options.everySeconds + jitter) * 1000);
      }
    };
    await Promise.all(tokens.map((_, i) => student(i)));
    const runSeconds = (performance.now() - started) / 1000;
    const loadAfterRun = loadavg()[0];
    const cpu = process.cpuUsage(cpu0);

    // After the end: the teacher waits for "all verified".
    await fetch(`${base}/api/teacher/competitions/${code}/stop`, { method: 'POST', headers: teacher });
    const endedAt = performance.now();
    let secondsToAllVerified: number | null = null;
    let last = { pending: -1, verified: 0, corrected: 0, failed: 0 };
    // The wait for "all verified" ends at --verify-wait or at the run's budget (minus time to close), first.
    const waitEnd = Math.min(endedAt + options.verifyWaitSeconds * 1000, budgetEnd);
    while (performance.now() < waitEnd) {
      const detail = CompetitionDetailReplySchema.parse(
        await (await fetch(`${base}/api/teacher/competitions/${code}`, { headers: teacher })).json(),
      );
      last = detail.verification;
      if (last.pending === 0) {
        secondsToAllVerified = Math.round((performance.now() - endedAt) / 1000);
        break;
      }
      await sleep(2000);
    }
    clearInterval(sampler);
    const { lost, duplicated } = await countStored(classroom, acknowledged);
    const jobs = await classroom.store.db.query<{ state: string; n: number | string }>(
      'SELECT state, count(*) AS n FROM verification_jobs GROUP BY state',
    );
    // How long a re-training took, per level (what the drain after the end is made of).
    const took = await classroom.store.db.query<{ level_id: string; s: number | string }>(
      `SELECT level_id, extract(epoch FROM finished_at - started_at) AS s FROM verification_jobs WHERE state = 'done'`,
    );
    const jobSeconds = Object.fromEntries(
      TRAINED_MIX.map((id) => {
        const s = took
          .filter((t) => t.level_id === id)
          .map((t) => Number(t.s))
          .sort((a, b) => a - b);
        return [id, { done: s.length, p50: r1(quantile(s, 0.5)), max: r1(s.at(-1) ?? 0) }];
      }),
    );
    const sorted = [...secondsToScore].sort((a, b) => a - b);
    return {
      mix: 'trained',
      levels: [...TRAINED_MIX],
      students: options.students,
      seconds: r1(runSeconds),
      attempts,
      acknowledged: acknowledged.size,
      p50SecondsToScore: r1(quantile(sorted, 0.5)),
      p95SecondsToScore: r1(quantile(sorted, 0.95)),
      maxSecondsToScore: r1(sorted.at(-1) ?? 0),
      unscored,
      lost,
      duplicated,
      retries,
      secondsToAllVerified,
      verificationAtEnd: last,
      verificationJobs: Object.fromEntries(jobs.map((j) => [j.state, Number(j.n)])),
      verifyLanes: classroom.verifier?.lanes ?? 0,
      // Evaluation threads that also re-train once the competition has ended (verification-drain.ts).
      verifySpareLanesAfterEnd: classroom.rescorer.spareLanes,
      verificationJobSeconds: jobSeconds,
      gzip: options.gzip,
      bytesUploaded,
      bytesPerAttempt: attempts ? Math.round(bytesUploaded / attempts) : 0,
      // One student finishing an attempt every `everySeconds` for a 45-minute lesson, every attempt sent once.
      bytesPerStudentLesson: attempts ? Math.round((bytesUploaded / attempts) * ((45 * 60) / options.everySeconds)) : 0,
      loadAverage: { atStart: r1(load0), atEnd: r1(loadAfterRun), afterVerification: r1(loadavg()[0]) },
      backlog,
      serverCpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1e6 / runSeconds) * 100),
      serverMaxRssMb: Math.round(maxRssMb),
      distinctSettings: uploads.length,
      totalSeconds: Math.round((performance.now() - begun) / 1000),
      generatorTrainSeconds: trainSeconds,
    };
  } finally {
    await server.close();
  }
}
