/**
 * The game's classroom client (join, outbox, standing) against a real classroom server on loopback: attempts
 * survive an unreachable server and a reload, a lost acknowledgement is resent under the same key and stored
 * once, refusals are kept with the server's message, and an unreadable record is set aside, not dropped.
 * Network faults are injected in front of the real server's fetch; the server itself is the real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassroomClient } from '../../src/game/classroom/client';
import { backoffMs, ClassroomService, type ClassroomView } from '../../src/game/classroom/classroom-service';
import {
  CLASSROOM_STORAGE_KEY,
  CLASSROOM_UNREADABLE_KEY,
  type StorageLike,
} from '../../src/game/classroom/saved-class';
import { TeacherSubmissionsReplySchema } from '../../src/shared/classroom/api';
import { getLevel, levelVariant } from '../../src/shared/levels';
import { testClassroom, type TestClassroom } from './classroom-support';

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** fetch with switchable faults: 'down' (no connection) and 'dropAck' (the request reaches the server, the answer is lost). */
function faultyFetch() {
  const state = { mode: 'ok' as 'ok' | 'down' | 'dropAck', calls: 0 };
  const fn: typeof fetch = async (input, init) => {
    state.calls++;
    if (state.mode === 'down') throw new TypeError('fetch failed: connect ECONNREFUSED');
    const response = await fetch(input, init);
    if (state.mode === 'dropAck' && String(input).endsWith('/api/submissions')) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed: socket hang up');
    }
    return response;
  };
  return { state, fn };
}

let room: TestClassroom;
let base = '';
let code = '';

async function teacher(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...room.teacher, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** The teacher's feed, read with the contract's schema. */
const submissions = async () =>
  TeacherSubmissionsReplySchema.parse((await teacher('GET', `/api/teacher/competitions/${code}/submissions`)).json)
    .submissions;

async function until(check: () => boolean, what: string, ms = 60_000, show?: () => unknown): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(show?.())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function service(
  storage: StorageLike,
  fetchFn: typeof fetch,
  options: { views?: ClassroomView[]; now?: () => number } = {},
) {
  return new ClassroomService({
    client: new ClassroomClient({ baseUrl: base, fetch: fetchFn, timeoutMs: 20_000, submitTimeoutMs: 30_000 }),
    storage,
    random: () => 0.5,
    now: options.now,
    onChange: (v) => options.views?.push(v),
  });
}

beforeAll(async () => {
  room = await testClassroom();
  await room.app.listen({ host: '127.0.0.1', port: 0 });
  const address = room.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  const created = await teacher('POST', '/api/teacher/competitions', {
    title: 'Class 7B',
    levels: ['navigator', 'blend'],
    seed: 5,
    durationMinutes: 30,
  });
  expect(created.status).toBe(201);
  code = created.json.competition.code;
});

afterAll(() => room?.dispose());

describe('joining', () => {
  it('checks the form with the server rules before sending anything', async () => {
    const net = faultyFetch();
    const s = service(new MemoryStorage(), net.fn);
    expect(await s.join('0O1I', 'Ada')).toEqual({
      ok: false,
      problem: { code: 'joinCodeInvalid', message: 'A join code is 6 letters and digits, as shown on the projector.' },
    });
    expect(await s.join(code, 'A')).toMatchObject({
      ok: false,
      problem: {
        code: 'nicknameLength',
        params: { min: 2, max: 20 },
        message: expect.stringMatching(/2 to 20 characters/),
      },
    });
    expect(await s.join(code, "Bo'; DROP--")).toMatchObject({
      ok: false,
      problem: { code: 'nicknameChars', message: expect.stringMatching(/letters, digits/) },
    });
    expect(net.state.calls).toBe(0);
    s.dispose();
  });

  it('joins with a typed code (any case, dashes) and refuses a taken nickname with the server message', async () => {
    const first = service(new MemoryStorage(), fetch);
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    const joined = await first.join(typed, '  Ada  ');
    expect(joined).toMatchObject({ ok: true, membership: { code, nickname: 'Ada', seed: 5 } });
    const second = service(new MemoryStorage(), fetch);
    const taken = await second.join(code, 'ada');
    expect(taken).toEqual({
      ok: false,
      problem: {
        code: 'nicknameTaken',
        params: { nickname: 'ada' },
        message: 'The nickname "ada" is taken in this competition; pick another.',
      },
    });
    first.dispose();
    second.dispose();
  });

  it('says clearly when no server answers', async () => {
    const net = faultyFetch();
    net.state.mode = 'down';
    const s = service(new MemoryStorage(), net.fn);
    const out = await s.join(code, 'Nobody');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problem.message).toMatch(/cannot be reached/);
    expect(!out.ok && out.problem.code).toBe('unreachable');
    expect(s.view().reachable).toBe(false);
    s.dispose();
  });
});

describe('the outbox', () => {
  it('keeps attempts through an outage and a reload, then sends each exactly once', async () => {
    const storage = new MemoryStorage();
    const net = faultyFetch();
    const s1 = service(storage, net.fn);
    expect((await s1.join(code, 'Bo')).ok).toBe(true);
    expect((await teacher('POST', `/api/teacher/competitions/${code}/start`)).status).toBe(200);

    // Outside the competition: nothing is queued.
    expect(s1.submitAttempt('static', { kind: 'hyperparameters', values: {} })).toBeNull();

    net.state.mode = 'down';
    const navigator = levelVariant(getLevel('navigator')!, 5);
    const a = s1.submitAttempt('navigator', navigator.example)!;
    const b = s1.submitAttempt('blend', getLevel('blend')!.example)!;
    // In order: the first waits for its retry, the second behind it.
    await until(() => s1.view().items[0].tries >= 1, 'a failed try');
    expect(s1.view().pending).toBe(2);
    expect(s1.view().reachable).toBe(false);
    expect(s1.view().nextRetryAt).not.toBeNull();
    expect(s1.leave()).toMatchObject({ ok: false });
    // Stored before sending: a reload (a new service on the same storage) still has both, same keys.
    s1.dispose();
    const saved = JSON.parse(storage.getItem(CLASSROOM_STORAGE_KEY)!);
    expect(saved.items.map((i: { key: string; state: string }) => [i.key, i.state])).toEqual([
      [a.key, 'pending'],
      [b.key, 'pending'],
    ]);

    // Back online, and the first answer is lost on the way back: the resend carries the same key.
    net.state.mode = 'dropAck';
    const s2 = service(storage, net.fn);
    s2.retryNow();
    await until(
      () => s2.view().items[0].tries >= 2,
      'the resend after a lost answer',
      60_000,
      () => s2.view().items,
    );
    net.state.mode = 'ok';
    s2.retryNow();
    await until(
      () => s2.view().pending === 0,
      'the outbox to empty',
      60_000,
      () => s2.view().items,
    );
    expect(s2.view().items.map((i) => i.state)).toEqual(['sent', 'sent']);

    const subs = (await submissions()).filter((x) => x.nickname === 'Bo');
    expect(subs.map((x) => x.idempotencyKey).sort()).toEqual([a.key, b.key].sort());
    // The server's own scores come back to the student.
    const sentBlend = s2.view().items.find((i) => i.key === b.key)!;
    expect(sentBlend.result).toEqual({
      score: subs.find((x) => x.idempotencyKey === b.key)?.score,
      stars: expect.any(Number),
      verification: 'verified',
      evaluatedScore: null,
      goalMet: expect.any(Boolean),
    });

    await s2.refresh();
    const standing = s2.view().standing!;
    expect(standing.players).toBeGreaterThanOrEqual(1);
    expect(standing.rank).not.toBeNull();
    expect(s2.leave()).toEqual({ ok: true });
    expect(JSON.parse(storage.getItem(CLASSROOM_STORAGE_KEY)!).membership).toBeNull();
    s2.dispose();
  });

  it('counts an attempt finished before the end that arrives within the grace period, and refuses one after it', async () => {
    const clock = () => room.clock.now.getTime();
    const dee = { net: faultyFetch(), storage: new MemoryStorage() };
    const eve = { net: faultyFetch(), storage: new MemoryStorage() };
    const sDee = service(dee.storage, dee.net.fn, { now: clock });
    const sEve = service(eve.storage, eve.net.fn, { now: clock });
    expect((await sDee.join(code, 'Dee')).ok).toBe(true);
    expect((await sEve.join(code, 'Eve')).ok).toBe(true);
    // One minute before the end (started at 09:00 for 30 minutes), the classroom wifi drops.
    room.advance(29 * 60);
    dee.net.state.mode = 'down';
    eve.net.state.mode = 'down';
    const a = sDee.submitAttempt('blend', getLevel('blend')!.example)!;
    const b = sEve.submitAttempt('blend', getLevel('blend')!.example)!;
    await until(() => sDee.view().items[0].tries >= 1 && sEve.view().items[0].tries >= 1, 'failed tries');
    // Back 5 minutes after the end: Dee's attempt counts, filed at the end time.
    room.advance(6 * 60);
    dee.net.state.mode = 'ok';
    sDee.retryNow();
    await until(
      () => sDee.view().pending === 0,
      'Dee sent',
      30_000,
      () => sDee.view().items,
    );
    expect(sDee.view().items[0]).toMatchObject({ key: a.key, state: 'sent' });
    const subs = await submissions();
    expect(subs.find((x) => x.idempotencyKey === a.key)?.createdAt).toBe('2026-03-02T09:30:00.000Z');
    // Eve's laptop comes back 11 minutes after the end: past the grace period, refused with the reason.
    room.advance(6 * 60);
    eve.net.state.mode = 'ok';
    sEve.retryNow();
    await until(
      () => sEve.view().pending === 0,
      'Eve answered',
      30_000,
      () => sEve.view().items,
    );
    expect(sEve.view().items[0]).toMatchObject({
      key: b.key,
      state: 'refused',
      message: 'The competition has ended; submissions are closed.',
      code: 'submissionsClosed',
    });
    expect(sEve.view().problem).toEqual({
      code: 'submissionsClosed',
      message: 'The competition has ended; submissions are closed.',
    });
    // A refusal is final: Retry now does not send it again.
    const calls = eve.net.state.calls;
    sEve.retryNow();
    await new Promise((r) => setTimeout(r, 50));
    expect(eve.net.state.calls).toBe(calls);
    sDee.dispose();
    sEve.dispose();
  });
});

describe('storage and backoff', () => {
  it('sets an unreadable record aside and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(CLASSROOM_STORAGE_KEY, '{"version":1,"membership":{"code":');
    const s = service(storage, fetch);
    expect(s.view().membership).toBeNull();
    expect(s.view().problem?.message).toMatch(/could not be read \(not JSON\)/);
    expect(s.view().problem).toMatchObject({ code: 'recordUnreadable', params: { detail: 'not JSON' } });
    expect(storage.getItem(CLASSROOM_UNREADABLE_KEY)).toBe('{"version":1,"membership":{"code":');
    expect(storage.getItem(CLASSROOM_STORAGE_KEY)).toBeNull();
    s.dispose();
  });

  it("keeps an attempt by its settings when the browser's quota has no room for its model, and says so", async () => {
    // localStorage throws QuotaExceededError past its quota (about 5 MB; here 20 000 characters).
    class QuotaStorage extends MemoryStorage {
      override setItem(key: string, value: string): void {
        if (value.length > 20_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        super.setItem(key, value);
      }
    }
    const storage = new QuotaStorage();
    const net = faultyFetch();
    const s1 = service(storage, net.fn);
    // A class of its own (the one above has ended by now).
    const own = await teacher('POST', '/api/teacher/competitions', {
      title: 'Quota',
      levels: ['navigator'],
      seed: 5,
      durationMinutes: 30,
    });
    const ownCode: string = own.json.competition.code;
    expect((await teacher('POST', `/api/teacher/competitions/${ownCode}/start`)).status).toBe(200);
    expect((await s1.join(ownCode, 'Quo')).ok).toBe(true);
    net.state.mode = 'down';
    const navigator = levelVariant(getLevel('navigator')!, 5);
    const item = s1.submitAttempt('navigator', navigator.example, 'A'.repeat(30_000))!;
    expect(item).not.toBeNull();
    // Queued and saved without the model; the player is told; no "refused to store" problem.
    const saved = JSON.parse(storage.getItem(CLASSROOM_STORAGE_KEY)!);
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({ key: item.key, state: 'pending', modelNotKept: true });
    expect(saved.items[0].model).toBeUndefined();
    expect(s1.view().items[0]).toMatchObject({ modelNotKept: true, model: 'A'.repeat(30_000) });
    expect(s1.view().problem).toBeNull();
    s1.dispose();
    // After a reload the attempt goes by its settings alone (the server scores them itself) and counts.
    net.state.mode = 'ok';
    const s2 = service(storage, net.fn);
    s2.retryNow();
    await until(
      () => s2.view().pending === 0,
      'the kept attempt to be sent',
      60_000,
      () => s2.view().items,
    );
    expect(s2.view().items[0]).toMatchObject({ key: item.key, state: 'sent', result: { verification: 'verified' } });
    const feed = TeacherSubmissionsReplySchema.parse(
      (await teacher('GET', `/api/teacher/competitions/${ownCode}/submissions`)).json,
    ).submissions;
    expect(feed.map((x) => x.idempotencyKey)).toEqual([item.key]);
    s2.dispose();
  });

  it('backs off exponentially up to 30 s, spread ±25 %', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffMs(n, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(750);
    expect(backoffMs(1, () => 1)).toBe(1250);
  });
});
