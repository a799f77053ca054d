/**
 * `npm run loadtest`: a fresh classroom server on loopback (PGlite in a temporary directory), N simulated
 * students joining and submitting for S seconds, each retrying a submission whose answer it did not get (as
 * the game's queue does), then a count of what the database holds. Prints one JSON object.
 * Then (unless --no-health) it measures how the API answers while an MNIST trained level is re-scored: /api/health
 * polled every 20 ms and a decode submission every 200 ms, for the whole re-training, once with re-scoring on
 * worker threads (the default server) and once on the server's own thread (how it was before), as
 * `healthDuringTraining`.
 * Args: --students 60 --seconds 60 --health-level beat-pca --no-health. `--mix trained`: the trained-level
 * class instead (classroom-loadtest-trained.ts).
 * `npm test` runs a short version
 * (tests/unit/classroom-load.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { JoinReplySchema } from '../src/shared/classroom/api';
import { getLevel, levelVariant, validatePayload } from '../src/shared/levels';
import { createRng } from '../src/shared/random';
import {
  countStored,
  joinStudents,
  quantile,
  r1,
  sendLikeTheOutbox,
  startCompetition,
  startLoadServer,
} from './loadtest-kit';

export interface LoadResult {
  students: number;
  seconds: number;
  sent: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  rateLimited: number;
  submissionsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface HealthDuringTraining {
  level: string;
  rescoring: 'threads' | 'in-process';
  rescoreSeconds: number;
  healthRequests: number;
  healthP50Ms: number;
  healthP95Ms: number;
  healthMaxMs: number;
  decodeSubmissions: number;
  decodeP50Ms: number;
  decodeMaxMs: number;
}

/**
 * One MNIST trained-level re-score (the level's example, which nobody submitted before, so it really trains)
 * while /api/health is asked every 20 ms and a decode submission goes in every 200 ms, over loopback HTTP.
 */
export async function measureHealthDuringTraining(options: {
  levelId: string;
  threads: boolean;
}): Promise<HealthDuringTraining> {
  const server = await startLoadServer('health', {
    warmUp: true,
    rescoreThreads: options.threads,
    limits: { student: { burst: 1000, perSecond: 1000 } },
  });
  try {
    const { base, post } = server;
    const seed = 5;
    const code = await startCompetition(server, { title: 'Health', levels: [options.levelId, 'navigator'], seed });
    const { token } = JoinReplySchema.parse(await (await post('/api/join', { code, nickname: 'Prober' })).json());
    const student = { authorization: `Bearer ${token}` };
    const level = getLevel(options.levelId);
    if (!level || level.setup.kind !== 'trained' || level.dataset !== 'mnist')
      throw new Error(`${options.levelId} is not an MNIST trained level.`);
    const checked = validatePayload(levelVariant(level, seed), level.example);
    if (!checked.ok) throw new Error(checked.problems.join(' '));

    let done = false;
    const started = performance.now();
    const training = post(
      '/api/submissions',
      { levelId: options.levelId, idempotencyKey: 'health-training-1', payload: checked.payload },
      student,
    ).then(async (res) => {
      if (res.status !== 201) throw new Error(`training submission: ${res.status} ${await res.text()}`);
      done = true;
      return performance.now() - started;
    });
    const health: number[] = [];
    const decodes: number[] = [];
    const probeHealth = async (): Promise<void> => {
      while (!done) {
        const t = performance.now();
        await (await fetch(`${base}/api/health`)).arrayBuffer();
        if (!done) health.push(performance.now() - t);
        // 50 probes a second: often enough to catch a stall, not so often that the probe itself loads the CPU.
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const probeDecodes = async (): Promise<void> => {
      for (let i = 0; !done; i++) {
        const t = performance.now();
        const res = await post(
          '/api/submissions',
          {
            levelId: 'navigator',
            idempotencyKey: `health-decode-${i}`,
            payload: {
              kind: 'latentPoints',
              points: [[((i * 37) % 200) / 100 - 1, ((i * 53) % 200) / 100 - 1]],
              target: 0,
            },
          },
          student,
        );
        await res.arrayBuffer();
        if (res.status === 201) decodes.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const [rescoreMs] = await Promise.all([training, probeHealth(), probeDecodes()]);
    const h = [...health].sort((a, b) => a - b);
    const d = [...decodes].sort((a, b) => a - b);
    return {
      level: options.levelId,
      rescoring: options.threads ? 'threads' : 'in-process',
      rescoreSeconds: r1(rescoreMs / 1000),
      healthRequests: h.length,
      healthP50Ms: r1(quantile(h, 0.5)),
      healthP95Ms: r1(quantile(h, 0.95)),
      healthMaxMs: r1(h[h.length - 1] ?? 0),
      decodeSubmissions: d.length,
      decodeP50Ms: r1(quantile(d, 0.5)),
      decodeMaxMs: r1(d[d.length - 1] ?? 0),
    };
  } finally {
    await server.close();
  }
}

export async function runLoadTest(options: { students: number; seconds: number }): Promise<LoadResult> {
  const server = await startLoadServer('load', { warmUp: true });
  try {
    const code = await startCompetition(server, { title: 'Load', levels: ['navigator'] });
    const tokens = await joinStudents(server, code, options.students);
    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    let sent = 0;
    let rateLimited = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const student = async (index: number): Promise<void> => {
      const rng = createRng(1000 + index);
      for (let attempt = 1; performance.now() < deadline; attempt++) {
        const key = `s${index}-a${attempt}-load`;
        const body = {
          levelId: 'navigator',
          idempotencyKey: key,
          payload: {
            kind: 'latentPoints',
            points: [[Number((rng.next() * 2 - 1).toFixed(3)), Number((rng.next() * 2 - 1).toFixed(3))]],
            target: 0,
          },
        };
        // One in ten acknowledged submissions is sent again, as a client that lost the answer would.
        do {
          const outcome = await sendLikeTheOutbox({
            send: async () => {
              const t = performance.now();
              sent++;
              const res = await server.post('/api/submissions', body, { authorization: `Bearer ${tokens[index]}` });
              latencies.push(performance.now() - t);
              return res;
            },
            until: deadline,
            networkRetryMs: 0,
            defaultRetryAfterS: 1,
          });
          rateLimited += outcome.refusedForLoad;
          if (!outcome.answered) return;
          await outcome.answered.arrayBuffer();
          acknowledged.add(`${index}:${key}`);
        } while (rng.next() < 0.1 && performance.now() < deadline);
      }
    };
    await Promise.all(tokens.map((_, i) => student(i)));
    const elapsed = (performance.now() - started) / 1000;
    const { stored, lost, duplicated } = await countStored(server.classroom, acknowledged);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      students: options.students,
      seconds: r1(elapsed),
      sent,
      acknowledged: acknowledged.size,
      stored,
      lost,
      duplicated,
      rateLimited,
      submissionsPerSecond: r1(acknowledged.size / elapsed),
      p50Ms: r1(quantile(sorted, 0.5)),
      p95Ms: r1(quantile(sorted, 0.95)),
    };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isInteger(v) || v < 1 || v > 3600) throw new Error(`--${name} must be an integer from 1 to 3600.`);
    return v;
  };
  const healthLevel = process.argv.includes('--health-level')
    ? process.argv[process.argv.indexOf('--health-level') + 1]
    : 'beat-pca';
  const main = async (): Promise<unknown> => {
    if (process.argv.includes('--mix') && process.argv[process.argv.indexOf('--mix') + 1] === 'trained') {
      const { runTrainedLoadTest } = await import('./classroom-loadtest-trained');
      return runTrainedLoadTest({
        students: arg('students', 30),
        seconds: arg('seconds', 240),
        everySeconds: arg('every', 45),
        settingsPerLevel: arg('settings', 2),
        verifyWaitSeconds: arg('verify-wait', 300),
        gzip: !process.argv.includes('--no-gzip'),
        budgetSeconds: arg('budget', 720),
      });
    }
    const load = await runLoadTest({ students: arg('students', 60), seconds: arg('seconds', 60) });
    if (process.argv.includes('--no-health')) return load;
    const healthDuringTraining = [];
    for (const threads of [true, false])
      healthDuringTraining.push(await measureHealthDuringTraining({ levelId: healthLevel, threads }));
    return { ...load, healthDuringTraining };
  };
  main().then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
