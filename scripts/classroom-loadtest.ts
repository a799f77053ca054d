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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClassroom } from '../src/server/app';
import { CompetitionReplySchema, JoinReplySchema } from '../src/shared/classroom/api';
import { getLevel, levelVariant, validatePayload } from '../src/shared/levels';
import { createRng } from '../src/shared/random';

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

const quantile = (sorted: number[], q: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
const round = (ms: number): number => Math.round(ms * 10) / 10;

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
  const root = resolve(import.meta.dirname, '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'lq-health-'));
  const classroom = await createClassroom({
    dataDir,
    adminPasswordEnv: 'load-test-password',
    assetsDir: join(root, 'assets'),
    warmUp: true,
    rescoreThreads: options.threads,
    limits: { student: { burst: 1000, perSecond: 1000 } },
  });
  try {
    await classroom.app.listen({ host: '127.0.0.1', port: 0 });
    const address = classroom.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    const json = { 'content-type': 'application/json' };
    const post = async (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(base + path, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
    const teacher = { authorization: 'Bearer load-test-password' };
    const seed = 5;
    const created = CompetitionReplySchema.parse(
      await (
        await post(
          '/api/teacher/competitions',
          { title: 'Health', levels: [options.levelId, 'navigator'], seed, durationMinutes: 60 },
          teacher,
        )
      ).json(),
    );
    const code = created.competition.code;
    await fetch(`${base}/api/teacher/competitions/${code}/start`, { method: 'POST', headers: teacher });
    const { token } = JoinReplySchema.parse(await (await post('/api/join', { code, nickname: 'Prober' }, {})).json());
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
      rescoreSeconds: round(rescoreMs / 1000),
      healthRequests: h.length,
      healthP50Ms: round(quantile(h, 0.5)),
      healthP95Ms: round(quantile(h, 0.95)),
      healthMaxMs: round(h[h.length - 1] ?? 0),
      decodeSubmissions: d.length,
      decodeP50Ms: round(quantile(d, 0.5)),
      decodeMaxMs: round(d[d.length - 1] ?? 0),
    };
  } finally {
    await classroom.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runLoadTest(options: { students: number; seconds: number }): Promise<LoadResult> {
  const root = resolve(import.meta.dirname, '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'lq-load-'));
  const classroom = await createClassroom({
    dataDir,
    adminPasswordEnv: 'load-test-password',
    assetsDir: join(root, 'assets'),
    warmUp: true,
  });
  try {
    await classroom.app.listen({ host: '127.0.0.1', port: 0 });
    const address = classroom.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    const teacher = { authorization: 'Bearer load-test-password', 'content-type': 'application/json' };
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
    const created = CompetitionReplySchema.parse(
      await (
        await post('/api/teacher/competitions', { title: 'Load', levels: ['navigator'], durationMinutes: 60 }, teacher)
      ).json(),
    );
    const code = created.competition.code;
    await fetch(`${base}/api/teacher/competitions/${code}/start`, {
      method: 'POST',
      headers: { authorization: teacher.authorization },
    });

    const tokens: string[] = [];
    for (let i = 0; i < options.students; i++) {
      let res = await post('/api/join', { code, nickname: `student ${i + 1}` }, { 'content-type': 'application/json' });
      while (res.status === 429) {
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
        res = await post('/api/join', { code, nickname: `student ${i + 1}` }, { 'content-type': 'application/json' });
      }
      if (res.status !== 201) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
      tokens.push(JoinReplySchema.parse(await res.json()).token);
    }

    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    let sent = 0;
    let rateLimited = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const student = async (index: number): Promise<void> => {
      const rng = createRng(1000 + index);
      let attempt = 0;
      let pendingKey: string | null = null;
      let pendingPayload: unknown = null;
      while (performance.now() < deadline) {
        if (!pendingKey) {
          pendingKey = `s${index}-a${++attempt}-load`;
          pendingPayload = {
            kind: 'latentPoints',
            points: [[Number((rng.next() * 2 - 1).toFixed(3)), Number((rng.next() * 2 - 1).toFixed(3))]],
            target: 0,
          };
        }
        const t = performance.now();
        sent++;
        let res: Response;
        try {
          res = await post(
            '/api/submissions',
            { levelId: 'navigator', idempotencyKey: pendingKey, payload: pendingPayload },
            { authorization: `Bearer ${tokens[index]}`, 'content-type': 'application/json' },
          );
          await res.arrayBuffer();
        } catch {
          continue; // network error: retry the same key
        }
        latencies.push(performance.now() - t);
        if (res.status === 201 || res.status === 200) {
          acknowledged.add(`${index}:${pendingKey}`);
          // One in ten acknowledged submissions is replayed, as a client that lost the answer would.
          if (rng.next() >= 0.1) pendingKey = null;
        } else if (res.status === 429 || res.status === 503) {
          rateLimited++;
          const wait = Number(res.headers.get('retry-after') ?? 1);
          await new Promise((r) => setTimeout(r, Math.min(wait * 1000, Math.max(0, deadline - performance.now()))));
        } else {
          throw new Error(`submission refused: ${res.status}`);
        }
      }
    };
    await Promise.all(tokens.map((_, i) => student(i)));
    const elapsed = (performance.now() - started) / 1000;

    const rows = await classroom.store.db.query<{ player: number; key: string; n: number | string }>(
      `SELECT s.player_id AS player, s.idempotency_key AS key, count(*) AS n FROM submissions s GROUP BY s.player_id, s.idempotency_key`,
    );
    const players = await classroom.store.db.query<{ id: number; nickname: string }>(
      'SELECT id, nickname FROM players',
    );
    const indexOf = new Map(players.map((p) => [p.id, Number(p.nickname.split(' ')[1]) - 1]));
    const storedKeys = new Set(rows.map((r) => `${indexOf.get(r.player)}:${r.key}`));
    const stored = rows.reduce((n, r) => n + Number(r.n), 0);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      students: options.students,
      seconds: Math.round(elapsed * 10) / 10,
      sent,
      acknowledged: acknowledged.size,
      stored,
      lost: [...acknowledged].filter((k) => !storedKeys.has(k)).length,
      duplicated: stored - storedKeys.size,
      rateLimited,
      submissionsPerSecond: Math.round((acknowledged.size / elapsed) * 10) / 10,
      p50Ms: Math.round(quantile(sorted, 0.5) * 10) / 10,
      p95Ms: Math.round(quantile(sorted, 0.95) * 10) / 10,
    };
  } finally {
    await classroom.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isInteger(v) || v < 1 || v > 600) throw new Error(`--${name} must be an integer from 1 to 600.`);
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
