/**
 * Every hardening item of issue #11 with the attack it stops, on the real server (fastify inject, PGlite in memory,
 * the real scorer): password guessing, sign-in with spaces and non-ASCII, submissions after Stop with a client-written
 * time, look-alike and blank nicknames, a removed player rejoining, join floods and a full class, unknown-token
 * floods, and the teacher's controls (hidden ranking, more time, per-level star shares, closing the late window).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_POLICY, OVERALL_POLICY, SignInGuard } from '../../src/server/sign-in-guard';
import { BoardReplySchema, CompetitionDetailReplySchema, MeReplySchema } from '../../src/shared/classroom/api';
import { getLevel, levelVariant } from '../../src/shared/levels';
import { testClassroom, type TestClassroom } from './classroom-support';

const PASSWORD = 'zażółć gęślą jaźń 7';
const guardClock = { ms: 0 };
let room: TestClassroom;
let keys = 0;
const key = (): string => `harden-${String(++keys).padStart(4, '0')}`;
// The competition's variant of the level (seed 5, the same for everyone): its example earns stars.
const example = levelVariant(getLevel('navigator')!, 5).example;

async function call(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  remoteAddress = '10.0.0.1',
) {
  const res = await room.app.inject({
    method,
    url,
    headers,
    remoteAddress,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, json: res.json(), headers: res.headers };
}

let teacher: Record<string, string> = {};

async function competition(extra: Record<string, unknown> = {}): Promise<string> {
  const created = await call(
    'POST',
    '/api/teacher/competitions',
    { title: 'Hardening', levels: ['navigator', 'blend'], seed: 5, durationMinutes: 30, ...extra },
    teacher,
  );
  expect(created.status).toBe(201);
  return created.json.competition.code;
}

const join = (code: string, nickname: string, device?: string, address?: string) =>
  call('POST', '/api/join', { code, nickname, ...(device ? { device } : {}) }, {}, address);

const submit = (token: string, body: Record<string, unknown>) =>
  call(
    'POST',
    '/api/submissions',
    { levelId: 'navigator', idempotencyKey: key(), payload: example, ...body },
    {
      authorization: `Bearer ${token}`,
    },
  );

beforeAll(async () => {
  room = await testClassroom(
    { join: { burst: 40, perSecond: 0.001 }, unknownToken: { burst: 3, perSecond: 0.001 } },
    undefined,
    {
      adminPassword: PASSWORD,
      signInGuard: new SignInGuard(ADDRESS_POLICY, OVERALL_POLICY, () => guardClock.ms),
    },
  );
  const session = await call('POST', '/api/teacher/session', { password: PASSWORD }, {}, '10.0.0.2');
  teacher = { authorization: `Bearer ${session.json.token}` };
});

afterAll(() => room?.dispose());

describe('teacher sign-in', () => {
  it('signs in with a password of spaces and non-ASCII letters (a header could not carry it)', async () => {
    const signedIn = await call('POST', '/api/teacher/session', { password: PASSWORD.normalize('NFD') });
    expect(signedIn.status).toBe(200);
    const session = { authorization: `Bearer ${signedIn.json.token}` };
    expect((await call('GET', '/api/teacher/competitions', undefined, session)).status).toBe(200);
    expect((await call('GET', '/api/teacher/competitions', undefined, { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
  });

  it('slows wrong guesses per address with growing delays, then locks the address out', async () => {
    const guess = (address: string) => call('POST', '/api/teacher/session', { password: 'guess-123' }, {}, address);
    // Five free mistakes, then the sixth try must wait 1 s: refused without looking at the password, even the right one.
    for (let i = 0; i < 5; i++) expect((await guess('10.9.9.9')).status).toBe(401);
    const blocked = await call('POST', '/api/teacher/session', { password: PASSWORD }, {}, '10.9.9.9');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    // Another address is not affected, and a Bearer password is guarded the same way.
    expect((await call('POST', '/api/teacher/session', { password: PASSWORD }, {}, '10.9.9.8')).status).toBe(200);
    expect(
      (await call('GET', '/api/teacher/competitions', undefined, { authorization: 'Bearer guess-123' }, '10.9.9.9'))
        .status,
    ).toBe(429);
    const waits: number[] = [];
    for (let i = 0; i < 15; i++) {
      guardClock.ms += 61_000;
      const r = await guess('10.9.9.9');
      expect(r.status).toBe(401);
      waits.push(Number((await guess('10.9.9.9')).headers['retry-after'] ?? 0));
    }
    // 1 s, 2 s, 4 s … capped at 60 s; the 20th mistake locks the address out for 15 minutes.
    expect(waits.slice(0, 6)).toEqual([2, 4, 8, 16, 32, 60]);
    expect(waits.at(-1)).toBe(15 * 60);
    guardClock.ms += 15 * 60_000 + 1000;
    expect((await call('POST', '/api/teacher/session', { password: PASSWORD }, {}, '10.9.9.9')).status).toBe(200);
  });

  it('slows guessing over all addresses together (many addresses, one attacker)', () => {
    const clock = { ms: 0 };
    const guard = new SignInGuard(ADDRESS_POLICY, OVERALL_POLICY, () => clock.ms);
    for (let i = 0; i < OVERALL_POLICY.free; i++) {
      expect(guard.wait(`10.1.0.${i}`)).toBe(0);
      guard.failed(`10.1.0.${i}`);
    }
    expect(guard.wait('10.2.0.1')).toBe(1);
    // Sustained: how many guesses an hour can make from unlimited addresses.
    let guesses = OVERALL_POLICY.free;
    for (let n = 0; clock.ms < 3_600_000; n++) {
      const w = guard.wait(`10.3.${n % 250}.${n % 7}`);
      if (w > 0) clock.ms += w * 1000;
      else {
        guard.failed(`10.3.${n % 250}.${n % 7}`);
        guesses++;
      }
    }
    expect(guesses).toBeLessThan(250);
  });
});

describe('stop means stop', () => {
  it('counts a late attempt only with a ticket issued before the end, once, and not after the teacher closes', async () => {
    const code = await competition();
    const ann = (await join(code, 'Ann')).json;
    const bob = (await join(code, 'Bob')).json;
    expect(ann.tickets).toHaveLength(4);
    expect((await call('POST', `/api/teacher/competitions/${code}/start`, undefined, teacher)).status).toBe(200);
    room.advance(60);
    expect((await submit(ann.token, {})).status).toBe(201);
    expect((await call('POST', `/api/teacher/competitions/${code}/stop`, undefined, teacher)).status).toBe(200);
    room.advance(30);
    // The attack of today: a client-written time inside the competition, no server evidence.
    const claimed = await submit(ann.token, { attemptedAt: new Date(room.clock.now.getTime() - 60_000).toISOString() });
    expect(claimed.status).toBe(403);
    // A ticket of another player, a forged one, and one issued after the end count for nothing.
    expect((await submit(ann.token, { ticket: bob.tickets[0] })).status).toBe(403);
    const [p, t, n, mac] = ann.tickets[0].split('.');
    expect(
      (await submit(ann.token, { ticket: `${p}.${(Number.parseInt(t, 36) + 1).toString(36)}.${n}.${mac}` })).status,
    ).toBe(403);
    const afterEnd = MeReplySchema.parse(
      (await call('GET', '/api/me', undefined, { authorization: `Bearer ${ann.token}` })).json,
    );
    expect((await submit(ann.token, { ticket: afterEnd.tickets[0] })).status).toBe(403);
    // Evidence from before the end: counts once, filed at the end time.
    const late = await submit(ann.token, { ticket: ann.tickets[0] });
    expect(late.status).toBe(201);
    expect(late.json.submission.createdAt).toBe(new Date(room.clock.now.getTime() - 30_000).toISOString());
    expect((await submit(ann.token, { ticket: ann.tickets[0] })).status).toBe(403);
    // The teacher closes the late window: Bob's unused ticket from before the end no longer helps.
    const closed = await call('POST', `/api/teacher/competitions/${code}/close-late`, undefined, teacher);
    expect(closed.json.competition.lateClosed).toBe(true);
    expect((await submit(bob.token, { ticket: bob.tickets[1] })).status).toBe(403);
  });
});

describe('nicknames', () => {
  it('treats look-alikes as the same name, refuses blank ones and accepts any script with marks', async () => {
    const code = await competition();
    expect((await join(code, 'Alice', 'device-alice-000001')).status).toBe(201);
    for (const lookalike of ['Аlice', 'ALICE', 'Ａｌｉｃｅ', 'AIice', 'Alіce'])
      expect((await join(code, lookalike)).status, lookalike).toBe(409);
    for (const blank of ['\u3164\u3164', 'ab\u115f', '\u1160x', 'a\u00adb', 'ab\u200b']) {
      const r = await join(code, blank);
      expect(r.status, JSON.stringify(blank)).toBe(400);
    }
    for (const name of ['अनुराग', 'Zoë', 'Jos\u0065\u0301', 'ณัฐ', 'محمد', 'Ngô Bảo Châu'])
      expect((await join(code, name)).status, name).toBe(201);
  });

  it('keeps a removed player out under a look-alike or another name from the same device, until re-admitted', async () => {
    const code = await competition();
    const first = (await join(code, 'Marek', 'device-marek-00001')).json;
    const removed = await call(
      'POST',
      `/api/teacher/competitions/${code}/remove-player`,
      { nickname: 'Marek' },
      teacher,
    );
    expect(removed.status).toBe(200);
    expect((await join(code, 'Мarek', 'device-other-00001')).status).toBe(409);
    expect((await join(code, 'Marek2', 'device-marek-00001')).status).toBe(403);
    expect((await call('GET', '/api/me', undefined, { authorization: `Bearer ${first.token}` })).status).toBe(403);
    const back = await call('POST', `/api/teacher/competitions/${code}/readmit-player`, { nickname: 'Marek' }, teacher);
    expect(back.status).toBe(200);
    expect((await call('GET', '/api/me', undefined, { authorization: `Bearer ${first.token}` })).status).toBe(200);
  });
});

describe('joins and unknown tokens', () => {
  it('refuses joins beyond the class size the teacher set', async () => {
    const code = await competition({ maxPlayers: 2 });
    expect((await join(code, 'One', undefined, '10.5.0.1')).status).toBe(201);
    expect((await join(code, 'Two', undefined, '10.5.0.1')).status).toBe(201);
    const full = await join(code, 'Three', undefined, '10.5.0.1');
    expect(full.status).toBe(409);
    expect(full.json.message).toContain('full (2 players)');
    const raised = await call('POST', `/api/teacher/competitions/${code}/settings`, { maxPlayers: 3 }, teacher);
    expect(raised.json.competition.maxPlayers).toBe(3);
    expect((await join(code, 'Three', undefined, '10.5.0.1')).status).toBe(201);
  });

  it('limits joins per address', async () => {
    const code = await competition();
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++) statuses.push((await join(code, `Flood ${i}`, undefined, '10.6.0.1')).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429]);
    expect((await join(code, 'Neighbour', undefined, '10.6.0.2')).status).toBe(201);
  });

  it('rate-limits requests with unknown tokens per address, like a student', async () => {
    const unknown = { authorization: `Bearer ${'x'.repeat(43)}` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('GET', '/api/me', undefined, unknown, '10.7.0.1')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await call('GET', '/api/me', undefined, { authorization: 'Bearer short' }, '10.7.0.1')).status).toBe(429);
    expect((await call('GET', '/api/me', undefined, unknown, '10.7.0.2')).status).toBe(401);
  });
});

describe('teacher controls', () => {
  it('hides the ranking from the board, extends the time and shows per-level star shares', async () => {
    const code = await competition({ rankingHidden: true });
    const cy = (await join(code, 'Cy')).json;
    const di = (await join(code, 'Di')).json;
    await call('POST', `/api/teacher/competitions/${code}/start`, undefined, teacher);
    const stars: number[] = [];
    for (const [token, payload] of [
      [cy.token, example],
      [cy.token, example],
      [di.token, { kind: 'latentPoints', points: [[3, 3]], target: 0 }],
    ] as const) {
      const r = await submit(token, { payload });
      expect(r.status).toBe(201);
      stars.push(r.json.submission.stars);
    }
    const board = BoardReplySchema.parse((await call('GET', `/api/competitions/${code}/board`)).json);
    expect(board.rows).toEqual([]);
    expect(board.players).toBe(2);
    expect(board.competition.rankingHidden).toBe(true);
    const me = MeReplySchema.parse(
      (await call('GET', '/api/me', undefined, { authorization: `Bearer ${cy.token}` })).json,
    );
    expect(me.rank).toBe(1);
    const shown = await call('POST', `/api/teacher/competitions/${code}/settings`, { rankingHidden: false }, teacher);
    expect(shown.json.competition.rankingHidden).toBe(false);
    expect(BoardReplySchema.parse((await call('GET', `/api/competitions/${code}/board`)).json).rows).toHaveLength(2);

    const before = new Date(shown.json.competition.endsAt).getTime();
    const extended = await call('POST', `/api/teacher/competitions/${code}/extend`, { minutes: 5 }, teacher);
    expect(new Date(extended.json.competition.endsAt).getTime() - before).toBe(5 * 60_000);

    const detail = CompetitionDetailReplySchema.parse(
      (await call('GET', `/api/teacher/competitions/${code}`, undefined, teacher)).json,
    );
    const nav = detail.levels.find((l) => l.levelId === 'navigator')!;
    expect(nav).toMatchObject({ attempts: 3, players: 2 });
    // Each student's best, then the share of the two reaching ★, ★★, ★★★.
    const best = [Math.max(stars[0], stars[1]), stars[2]];
    expect(nav.starShares).toEqual([1, 2, 3].map((k) => best.filter((b) => b >= k).length / 2));
    expect(detail.levels.find((l) => l.levelId === 'blend')).toEqual({
      levelId: 'blend',
      attempts: 0,
      players: 0,
      starShares: [0, 0, 0],
    });
  });
});
