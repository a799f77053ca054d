/**
 * What both load tests share (scripts/classroom-loadtest.ts, the decode mix and the health probe;
 * scripts/classroom-loadtest-trained.ts, the trained mix): a fresh classroom server on loopback (PGlite in a
 * temporary directory), a running competition with N students joined, the game's outbox (the same idempotency
 * key until an answer, Retry-After honoured), the lost/duplicated count from the database, and the statistics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClassroom, type Classroom, type ClassroomConfig } from '../src/server/app';
import { CompetitionReplySchema, JoinReplySchema } from '../src/shared/classroom/api';
import { nearestRankPercentile } from '../src/shared/percentile';

/** The nearest-rank quantile q (0..1) of the times (0 for none). */
export const quantile = (values: number[], q: number): number =>
  values.length ? nearestRankPercentile(values, q * 100) : 0;
/** One decimal. */
export const r1 = (x: number): number => Math.round(x * 10) / 10;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const TEACHER_PASSWORD = 'load-test-password';
const JSON_BODY = { 'content-type': 'application/json' };

export interface LoadServer {
  classroom: Classroom;
  base: string;
  /** The teacher's bearer header. */
  teacher: Record<string, string>;
  /** POST a JSON body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A classroom server on a free loopback port, its data in a temporary directory removed by close(). */
export async function startLoadServer(
  name: string,
  config: Partial<Omit<ClassroomConfig, 'dataDir' | 'adminPasswordEnv' | 'assetsDir'>> = {},
): Promise<LoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `lq-${name}-`));
  const classroom = await createClassroom({
    dataDir,
    adminPasswordEnv: TEACHER_PASSWORD,
    assetsDir: join(resolve(import.meta.dirname, '..'), 'assets'),
    ...config,
  });
  const close = async () => {
    await classroom.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await classroom.app.listen({ host: '127.0.0.1', port: 0 });
    const address = classroom.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    return {
      classroom,
      base,
      teacher: { authorization: `Bearer ${TEACHER_PASSWORD}` },
      post: (path, body, headers = {}) =>
        fetch(base + path, { method: 'POST', headers: { ...JSON_BODY, ...headers }, body: JSON.stringify(body) }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Creates a competition (the teacher's request body), starts it and returns its code. */
export async function startCompetition(server: LoadServer, body: Record<string, unknown>): Promise<string> {
  const res = await server.post('/api/teacher/competitions', { durationMinutes: 60, ...body }, server.teacher);
  const code = CompetitionReplySchema.parse(await res.json()).competition.code;
  await fetch(`${server.base}/api/teacher/competitions/${code}/start`, { method: 'POST', headers: server.teacher });
  return code;
}

/** Joins `count` students named "student 1"… (waiting out the join limit as a class would); their tokens. */
export async function joinStudents(server: LoadServer, code: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const nickname = `student ${i + 1}`;
    let res = await server.post('/api/join', { code, nickname });
    while (res.status === 429) {
      await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000);
      res = await server.post('/api/join', { code, nickname });
    }
    if (res.status !== 201) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
    tokens.push(JoinReplySchema.parse(await res.json()).token);
  }
  return tokens;
}

export interface OutboxSend {
  /** Sends the attempt once (the same idempotency key every time). */
  send(): Promise<Response>;
  /** No new try after this (performance.now() time). */
  until: number;
  /** Wait after a network error (ms). */
  networkRetryMs: number;
  /** Retry-After when a 429/503 has none (s). */
  defaultRetryAfterS: number;
  /** Counts sends (e.g. bytes) before each try. */
  onTry?: () => void;
}

export interface OutboxOutcome {
  /** The acknowledging response (201/200), or null when `until` came first. */
  answered: Response | null;
  /** Network errors plus 429/503 answers. */
  retries: number;
  /** 429/503 answers alone. */
  refusedForLoad: number;
}

/**
 * The game's outbox for one attempt: tries until an acknowledgement (201 or 200, a replay) or `until`, waiting
 * on a network error and as long as Retry-After says on 429/503 (never past `until`). Any other answer throws:
 * a load test's attempts are all valid.
 */
export async function sendLikeTheOutbox(o: OutboxSend): Promise<OutboxOutcome> {
  let retries = 0;
  let refusedForLoad = 0;
  while (performance.now() < o.until) {
    o.onTry?.();
    let res: Response;
    try {
      res = await o.send();
    } catch {
      retries++;
      await sleep(Math.min(o.networkRetryMs, Math.max(0, o.until - performance.now())));
      continue;
    }
    if (res.status === 201 || res.status === 200) return { answered: res, retries, refusedForLoad };
    const text = await res.text().catch(() => '');
    if (res.status !== 429 && res.status !== 503)
      throw new Error(`submission refused: ${res.status} ${text.slice(0, 300)}`);
    retries++;
    refusedForLoad++;
    const wait = Number(res.headers.get('retry-after') ?? o.defaultRetryAfterS) * 1000;
    await sleep(Math.min(wait, Math.max(0, o.until - performance.now())));
  }
  return { answered: null, retries, refusedForLoad };
}

/**
 * What the database holds against what the students were told: `acknowledged` holds "index:key" (index = the
 * student's number − 1). lost: acknowledged but not stored; duplicated: stored more than once.
 */
export async function countStored(
  classroom: Classroom,
  acknowledged: ReadonlySet<string>,
): Promise<{ stored: number; lost: number; duplicated: number }> {
  const rows = await classroom.store.db.query<{ player: number; key: string; n: number | string }>(
    'SELECT player_id AS player, idempotency_key AS key, count(*) AS n FROM submissions GROUP BY player_id, idempotency_key',
  );
  const players = await classroom.store.db.query<{ id: number; nickname: string }>('SELECT id, nickname FROM players');
  const indexOf = new Map(players.map((p) => [p.id, Number(p.nickname.split(' ')[1]) - 1]));
  const storedKeys = new Set(rows.map((r) => `${indexOf.get(r.player)}:${r.key}`));
  const stored = rows.reduce((n, r) => n + Number(r.n), 0);
  return {
    stored,
    lost: [...acknowledged].filter((k) => !storedKeys.has(k)).length,
    duplicated: stored - storedKeys.size,
  };
}
