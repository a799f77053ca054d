/**
 * Fuzz the classroom API: malformed JSON, wrong types, oversized bodies, odd Unicode and SQL-like nicknames,
 * forged tokens and seeded random garbage. Every request gets a 4xx with a JSON message (never a 5xx, never
 * a hang), rate limits answer 429 with Retry-After, and the server stays healthy throughout.
 */
import type { InjectOptions } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorReplySchema } from '../../src/shared/classroom/api';
import { createRng } from '../../src/shared/random';
import { testClassroom, type TestClassroom } from './classroom-support';

let room: TestClassroom;
let code = '';
let token = '';

async function expect4xx(request: InjectOptions, label: string): Promise<number> {
  const res = await room.app.inject(request);
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  // Every refusal follows the contract's ErrorReply (src/shared/classroom/api.ts).
  const body = ErrorReplySchema.safeParse(res.json());
  expect(body.error, label).toBeUndefined();
  expect(typeof body.data?.message, label).toBe('string');
  expect(body.data?.message.length, label).toBeGreaterThan(5);
  return res.statusCode;
}

async function healthy(): Promise<void> {
  const res = await room.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
}

const site = mkdtempSync(join(tmpdir(), 'lq-site-'));
mkdirSync(join(site, 'dist'));
writeFileSync(join(site, 'dist', 'index.html'), '<!doctype html><title>game</title>');
writeFileSync(join(site, 'dist', 'app-abcdef12.js'), 'console.log(1)');
writeFileSync(join(site, 'secret.txt'), 'top secret');

beforeAll(async () => {
  // Generous limits here so the fuzz cases are not all 429s (the last test checks the limiter itself).
  room = await testClassroom(
    { student: { burst: 1000, perSecond: 1000 }, address: { burst: 1000, perSecond: 1000 } },
    join(site, 'dist'),
  );
  const created = await room.app.inject({
    method: 'POST',
    url: '/api/teacher/competitions',
    headers: room.teacher,
    payload: { title: 'Fuzz', levels: ['navigator'], durationMinutes: 30 },
  });
  code = created.json().competition.code;
  await room.app.inject({ method: 'POST', url: `/api/teacher/competitions/${code}/start`, headers: room.teacher });
  token = (await room.app.inject({ method: 'POST', url: '/api/join', payload: { code, nickname: 'Fuzzer' } })).json()
    .token;
});

afterAll(async () => {
  await room?.dispose();
  rmSync(site, { recursive: true, force: true });
});

it('serves the built game and nothing outside it', async () => {
  const get = (url: string) => room.app.inject({ method: 'GET', url });
  expect((await get('/')).body).toContain('<title>game</title>');
  expect((await get('/board-like/route')).body).toContain('<title>game</title>');
  const js = await get('/app-abcdef12.js');
  expect([js.statusCode, js.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
  for (const url of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/dist/../../secret.txt',
    '/%00.txt',
    '/%E0%A4%A.txt',
  ]) {
    const res = await get(url);
    expect(res.body, url).not.toContain('top secret');
  }
  expect((await get('/missing.js')).statusCode).toBe(404);
});

const json = { 'content-type': 'application/json' };

it('answers malformed JSON, wrong content types and wrong types with 4xx', async () => {
  const bodies = [
    '{',
    '{"code":',
    'null',
    '[]',
    '"text"',
    '42',
    '{"code": "ABC", "nickname": }',
    '\u0000',
    '{"__proto__": {"admin": true}}',
    '{"code":"ABCDEF","nickname":"Ann","nickname":"Bob"',
    '\uFEFF{}',
  ];
  for (const payload of bodies) {
    await expect4xx({ method: 'POST', url: '/api/join', headers: json, payload }, `join ${JSON.stringify(payload)}`);
    await expect4xx(
      { method: 'POST', url: '/api/submissions', headers: { ...json, authorization: `Bearer ${token}` }, payload },
      `submit ${JSON.stringify(payload)}`,
    );
  }
  await expect4xx(
    { method: 'POST', url: '/api/join', headers: { 'content-type': 'text/plain' }, payload: 'code=ABCDEF' },
    'text/plain',
  );
  await expect4xx(
    {
      method: 'POST',
      url: '/api/join',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'code=ABCDEF&nickname=x',
    },
    'form',
  );
  const wrongTypes: unknown[] = [
    { code: 123456, nickname: 'Ann' },
    { code, nickname: ['Ann'] },
    { code, nickname: { $ne: null } },
    { code, nickname: null },
    { code, nickname: true },
  ];
  for (const payload of wrongTypes)
    await expect4xx(
      { method: 'POST', url: '/api/join', payload: payload as object },
      `join ${JSON.stringify(payload)}`,
    );
  const submissions: unknown[] = [
    { levelId: 'navigator', idempotencyKey: 'k', payload: {} },
    { levelId: 'navigator', idempotencyKey: 'key-00001', payload: 'x' },
    { levelId: 'navigator', idempotencyKey: 'key-00002', payload: { kind: 'latentPoints', points: 'nope' } },
    {
      levelId: 'navigator',
      idempotencyKey: 'key-00003',
      payload: { kind: 'latentPoints', points: [[1e308, -1e308]], target: 0 },
    },
    {
      levelId: 'navigator',
      idempotencyKey: 'key-00004',
      payload: { kind: 'latentPoints', points: [['1', '2']], target: 0 },
    },
    {
      levelId: 'navigator',
      idempotencyKey: 'key-00005',
      payload: { kind: 'latentPoints', points: [[0, 0]], target: 99 },
    },
    { levelId: 42, idempotencyKey: 'key-00006', payload: { kind: 'latentPoints', points: [[0, 0]], target: 0 } },
    {
      levelId: "navigator' OR 1=1 --",
      idempotencyKey: 'key-00007',
      payload: { kind: 'latentPoints', points: [[0, 0]], target: 0 },
    },
    {
      levelId: 'navigator',
      idempotencyKey: "key'; DROP TABLE submissions;--",
      payload: { kind: 'latentPoints', points: [[0, 0]], target: 0 },
    },
  ];
  for (const payload of submissions)
    await expect4xx(
      {
        method: 'POST',
        url: '/api/submissions',
        headers: { authorization: `Bearer ${token}` },
        payload: payload as object,
      },
      `submit ${JSON.stringify(payload)}`,
    );
  await healthy();
});

it('refuses oversized bodies with 413 before parsing them', async () => {
  const big = JSON.stringify({
    levelId: 'navigator',
    idempotencyKey: 'key-big-0001',
    payload: { kind: 'latentPoints', points: Array.from({ length: 3000 }, () => [0.123456789, 0.987654321]) },
  });
  expect(big.length).toBeGreaterThan(24 * 1024);
  expect(
    await expect4xx(
      { method: 'POST', url: '/api/submissions', headers: { ...json, authorization: `Bearer ${token}` }, payload: big },
      'big submission',
    ),
  ).toBe(413);
  expect(
    await expect4xx(
      { method: 'POST', url: '/api/join', headers: json, payload: `{"code":"${'A'.repeat(1_000_000)}"}` },
      'big join',
    ),
  ).toBe(413);
  await healthy();
});

it('handles odd Unicode and SQL-like nicknames safely', async () => {
  const refused = [
    '\u202EevilRTL',
    'zero\u200Bwidth',
    'a\u0000b',
    '😀😀😀',
    '   ',
    '\uD800x',
    "x' OR '1'='1",
    'Robert"); DROP',
    '<img src=x>',
    'ｃｏｄｅ\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  ];
  for (const nickname of refused)
    expect(
      await expect4xx(
        { method: 'POST', url: '/api/join', payload: { code, nickname } },
        `nickname ${JSON.stringify(nickname)}`,
      ),
    ).toBe(400);
  // Letters of any script are welcome, and SQL words are just words (parameterised queries throughout).
  for (const nickname of ['Zoë', 'Łukasz', 'Анна', '李明', 'DROP TABLE players', 'select-star_1.0']) {
    const res = await room.app.inject({ method: 'POST', url: '/api/join', payload: { code, nickname } });
    expect(res.statusCode, nickname).toBe(201);
    expect(res.json().nickname).toBe(nickname);
  }
  // NFKC + case folding: a full-width or upper-case twin is the same nickname.
  expect(
    await expect4xx({ method: 'POST', url: '/api/join', payload: { code, nickname: 'ＺＯË' } }, 'full-width twin'),
  ).toBe(409);
  const board = (await room.app.inject({ method: 'GET', url: `/api/competitions/${code}/board` })).json();
  expect(board.rows.map((r: { nickname: string }) => r.nickname)).toContain('DROP TABLE players');
  await healthy();
});

it('refuses forged tokens, bad codes and unknown routes', async () => {
  const rng = createRng(2026);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 20; i++) {
    const forged = Array.from({ length: 43 }, () => chars[rng.int(chars.length)]).join('');
    expect(
      await expect4xx(
        {
          method: 'POST',
          url: '/api/submissions',
          headers: { authorization: `Bearer ${forged}` },
          payload: {
            levelId: 'navigator',
            idempotencyKey: `forged-${i}-abc`,
            payload: { kind: 'latentPoints', points: [[0, 0]], target: 0 },
          },
        },
        'forged',
      ),
    ).toBe(401);
  }
  await expect4xx(
    { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${'x'.repeat(5000)}` } },
    'huge token',
  );
  await expect4xx(
    { method: 'GET', url: '/api/teacher/competitions', headers: { authorization: 'Bearer teacher-secret-1 ' } },
    'password with a space',
  );
  for (const url of [
    '/api/competitions/abc/board',
    "/api/competitions/ABCDE'/board",
    '/api/competitions/%00%00%00/board',
    '/api/nothing',
    '/api/competitions/ZZZZZZ/board',
  ]) {
    await expect4xx({ method: 'GET', url }, url);
  }
  await healthy();
});

it('survives seeded random garbage', async () => {
  const rng = createRng(7);
  const atoms: unknown[] = [
    null,
    true,
    0,
    -1,
    Number.MAX_VALUE,
    'x',
    '',
    '\u0000',
    'ß'.repeat(50),
    [],
    {},
    [[0, 0]],
    { kind: 'latentPoints' },
    code,
    token,
    'navigator',
  ];
  const pick = (): unknown => atoms[rng.int(atoms.length)];
  const fields = ['code', 'nickname', 'levelId', 'idempotencyKey', 'payload', 'score', 'kind', 'points'];
  for (let i = 0; i < 150; i++) {
    const body: Record<string, unknown> = {};
    for (const f of fields)
      if (rng.next() < 0.5) body[f] = rng.next() < 0.2 ? { nested: pick(), more: [pick(), pick()] } : pick();
    const url = rng.next() < 0.5 ? '/api/join' : '/api/submissions';
    const res = await room.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 300)} → ${res.body.slice(0, 200)}`).toBeLessThan(
      500,
    );
    if (res.statusCode >= 400) expect(typeof res.json().message).toBe('string');
  }
  await healthy();
});

it('rate-limits each student with 429 and Retry-After', async () => {
  const strict = await testClassroom({ student: { burst: 3, perSecond: 0.5 } });
  try {
    const c = (
      await strict.app.inject({
        method: 'POST',
        url: '/api/teacher/competitions',
        headers: strict.teacher,
        payload: { title: 'Rate', levels: ['navigator'], durationMinutes: 5 },
      })
    ).json().competition.code;
    const t = (
      await strict.app.inject({ method: 'POST', url: '/api/join', payload: { code: c, nickname: 'Speedy' } })
    ).json().token;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await strict.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${t}` } }))
          .statusCode,
      );
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    const limited = await strict.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${t}` },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json().message).toMatch(/Too many requests/);
    // Another student is not slowed by the first.
    const other = (
      await strict.app.inject({ method: 'POST', url: '/api/join', payload: { code: c, nickname: 'Calm' } })
    ).json().token;
    expect(
      (await strict.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${other}` } }))
        .statusCode,
    ).toBe(200);
  } finally {
    await strict.dispose();
  }
});
