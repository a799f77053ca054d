/**
 * Restart: the real `scripts/classroom.ts` process on a PGlite data directory is killed (SIGKILL, no clean
 * shutdown) in the middle of a stream of submissions, then started again on the same directory. Every
 * submission the server acknowledged must still be there, and the teacher's generated password is kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { TeacherSubmissionsReplySchema } from '../../src/shared/classroom/api';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'lq-restart-'));
let child: ChildProcess | null = null;

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<{ base: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/classroom.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLASSROOM_DATA: dataDir,
      CLASSROOM_SKIP_BUILD: '1',
      CLASSROOM_WARMUP: '0',
      DATABASE_URL: '',
      CLASSROOM_ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /Students open: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ base: m[1], proc });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

it('keeps every acknowledged submission across a kill -9 and restart', async () => {
  const first = await start();
  const password = readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim();
  const teacher = { authorization: `Bearer ${password}`, 'content-type': 'application/json' };
  const post = (base: string, path: string, body: unknown, headers: Record<string, string>) =>
    fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const code = (
    await (
      await post(
        first.base,
        '/api/teacher/competitions',
        { title: 'Restart', levels: ['navigator'], durationMinutes: 30 },
        teacher,
      )
    ).json()
  ).competition.code;
  await fetch(`${first.base}/api/teacher/competitions/${code}/start`, {
    method: 'POST',
    headers: { authorization: teacher.authorization },
  });
  const tokens: string[] = [];
  for (const nickname of ['Ada', 'Bo', 'Cy'])
    tokens.push(
      (await (await post(first.base, '/api/join', { code, nickname }, { 'content-type': 'application/json' })).json())
        .token,
    );

  const acknowledged = new Set<string>();
  let killed = false;
  const stream = async (i: number): Promise<void> => {
    for (let n = 1; !killed; n++) {
      const key = `restart-${i}-${n}`;
      try {
        const res = await post(
          first.base,
          '/api/submissions',
          {
            levelId: 'navigator',
            idempotencyKey: key,
            payload: { kind: 'latentPoints', points: [[n / 100, -i / 10]], target: 0 },
          },
          { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
        );
        if (res.status === 201) acknowledged.add(key);
        else if (res.status === 429) await new Promise((r) => setTimeout(r, 300));
      } catch {
        return; // the server is gone
      }
    }
  };
  const streams = tokens.map((_, i) => stream(i));
  await new Promise((r) => setTimeout(r, 2500));
  first.proc.kill('SIGKILL');
  killed = true;
  await Promise.all(streams);
  expect(acknowledged.size).toBeGreaterThan(5);

  const second = await start();
  const again = readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim();
  expect(again).toBe(password);
  const res = await fetch(`${second.base}/api/teacher/competitions/${code}/submissions`, {
    headers: { authorization: teacher.authorization },
  });
  expect(res.status).toBe(200);
  const stored = new Set(
    TeacherSubmissionsReplySchema.parse(await res.json()).submissions.map((s) => s.idempotencyKey),
  );
  const lost = [...acknowledged].filter((k) => !stored.has(k));
  console.log(`[classroom restart] acknowledged ${acknowledged.size}, stored ${stored.size}, lost ${lost.length}`);
  expect(lost).toEqual([]);
  second.proc.kill('SIGTERM');
  // Two server processes start (tsx compiles the server each time): at load 10 that passed the suite's 120 s once.
}, 300_000);
