/**
 * The classroom HTTP contract (src/shared/classroom/api.ts) is the one description of the API: the real server's
 * every reply parses with its schema, its route schemas are generated from the request schemas (unknown fields
 * dropped, types not coerced, a refusal with a message), the game's client turns a reply that breaks the contract
 * into a readable message instead of a crash, and tokens and idempotency keys have one owner (keys.ts).
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routeSchema } from '../../src/server/route-schemas';
import { ClassroomClient } from '../../src/game/classroom/client';
import {
  BoardReplySchema,
  CompetitionDetailReplySchema,
  CompetitionReplySchema,
  CompetitionsReplySchema,
  CreateCompetitionRequestSchema,
  ErrorReplySchema,
  HealthReplySchema,
  JoinReplySchema,
  LevelsReplySchema,
  MeReplySchema,
  RemovePlayerReplySchema,
  SubmissionReplySchema,
  SubmissionRequestSchema,
  TeacherSubmissionsReplySchema,
} from '../../src/shared/classroom/api';
import {
  IDEMPOTENCY_KEY_PATTERN,
  IdempotencyKeySchema,
  newIdempotencyKey,
  newStudentToken,
  StudentTokenSchema,
} from '../../src/shared/classroom/keys';
import { getLevel, levelVariant } from '../../src/shared/levels';
import { testClassroom, type TestClassroom } from './classroom-support';

let room: TestClassroom;
let base = '';

/** Sends a request to the real server and checks the reply against `schema` (a refusal against ErrorReply). */
async function expectReply<S extends z.ZodType>(
  schema: S,
  status: number,
  request: InjectOptions,
): Promise<z.infer<S>> {
  const res = await room.app.inject(request);
  expect(res.statusCode, `${request.method} ${request.url}: ${res.body}`).toBe(status);
  const parsed = (status < 400 ? schema : ErrorReplySchema).safeParse(res.json());
  expect(parsed.error, `${request.method} ${request.url}`).toBeUndefined();
  return parsed.data as z.infer<S>;
}

beforeAll(async () => {
  room = await testClassroom();
  await room.app.listen({ host: '127.0.0.1', port: 0 });
  const address = room.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => room?.dispose());

describe('classroom contract', () => {
  it('describes every reply of the real server', async () => {
    const teacher = room.teacher;
    const created = await expectReply(CompetitionReplySchema, 201, {
      method: 'POST',
      url: '/api/teacher/competitions',
      headers: teacher,
      payload: { title: 'Contract', levels: ['navigator'], seed: 4, durationMinutes: 10 },
    });
    const code = created.competition.code;
    const list = await expectReply(CompetitionsReplySchema, 200, {
      method: 'GET',
      url: '/api/teacher/competitions',
      headers: teacher,
    });
    expect(list.competitions.map((c) => c.code)).toContain(code);
    const joined = await expectReply(JoinReplySchema, 201, {
      method: 'POST',
      url: '/api/join',
      payload: { code, nickname: 'Contract kid' },
    });
    const student = { authorization: `Bearer ${joined.token}` };
    await expectReply(JoinReplySchema, 201, { method: 'POST', url: '/api/join', payload: { code, nickname: 'Other' } });
    const started = await expectReply(CompetitionReplySchema, 200, {
      method: 'POST',
      url: `/api/teacher/competitions/${code}/start`,
      headers: teacher,
    });
    expect(started.competition.state).toBe('running');

    const submission = {
      levelId: 'navigator',
      idempotencyKey: newIdempotencyKey(),
      payload: levelVariant(getLevel('navigator')!, joined.seed).example,
      attemptedAt: new Date().toISOString(),
    };
    const first = await expectReply(SubmissionReplySchema, 201, {
      method: 'POST',
      url: '/api/submissions',
      headers: student,
      payload: submission,
    });
    const replay = await expectReply(SubmissionReplySchema, 200, {
      method: 'POST',
      url: '/api/submissions',
      headers: student,
      payload: submission,
    });
    expect([first.submission.replayed, replay.submission]).toEqual([false, { ...first.submission, replayed: true }]);

    const me = await expectReply(MeReplySchema, 200, { method: 'GET', url: '/api/me', headers: student });
    expect(me.levels.map((l) => [l.levelId, l.attempts])).toEqual([['navigator', 1]]);
    const board = await expectReply(BoardReplySchema, 200, { method: 'GET', url: `/api/competitions/${code}/board` });
    expect(board.rows.map((r) => r.nickname).sort()).toEqual(['Contract kid', 'Other']);
    const detail = await expectReply(CompetitionDetailReplySchema, 200, {
      method: 'GET',
      url: `/api/teacher/competitions/${code}`,
      headers: teacher,
    });
    expect([detail.players.length, detail.submissions]).toEqual([2, 1]);
    const feed = await expectReply(TeacherSubmissionsReplySchema, 200, {
      method: 'GET',
      url: `/api/teacher/competitions/${code}/submissions`,
      headers: teacher,
    });
    expect(feed.submissions.map((s) => s.nickname)).toEqual(['Contract kid']);
    const removed = await expectReply(RemovePlayerReplySchema, 200, {
      method: 'POST',
      url: `/api/teacher/competitions/${code}/remove-player`,
      headers: teacher,
      payload: { nickname: 'other' },
    });
    expect(removed.removed).toBe('other');
    const stopped = await expectReply(CompetitionReplySchema, 200, {
      method: 'POST',
      url: `/api/teacher/competitions/${code}/stop`,
      headers: teacher,
    });
    expect(stopped.competition.state).toBe('ended');
    expect((await expectReply(HealthReplySchema, 200, { method: 'GET', url: '/api/health' })).ok).toBe(true);
    const levels = await expectReply(LevelsReplySchema, 200, { method: 'GET', url: '/api/levels' });
    expect(levels.levels.map((l) => l.id)).toContain('navigator');

    // Refusals: a stopped competition, a wrong password, an unknown route.
    const closed = await expectReply(ErrorReplySchema, 403, {
      method: 'POST',
      url: '/api/submissions',
      headers: student,
      payload: { ...submission, idempotencyKey: newIdempotencyKey() },
    });
    expect(closed.message).toMatch(/ended/);
    await expectReply(ErrorReplySchema, 401, {
      method: 'GET',
      url: '/api/teacher/competitions',
      headers: { authorization: 'Bearer wrong-password' },
    });
    await expectReply(ErrorReplySchema, 404, { method: 'GET', url: '/api/nothing-here' });
  });

  it('generates the route schemas from the request schemas', async () => {
    const create = routeSchema(CreateCompetitionRequestSchema);
    expect(create).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['title', 'levels', 'durationMinutes'],
      properties: { levels: { type: 'array', uniqueItems: true }, seed: { type: 'integer' } },
    });
    expect(create).not.toHaveProperty('$schema');
    // The payload stays open (the level's validator checks it); the envelope drops what it does not know.
    const submission = routeSchema(SubmissionRequestSchema);
    expect(submission).toMatchObject({
      additionalProperties: false,
      properties: { idempotencyKey: { pattern: IDEMPOTENCY_KEY_PATTERN }, payload: { type: 'object' } },
    });
    expect(submission).not.toHaveProperty('properties.payload.additionalProperties', false);

    const post = async (payload: object): Promise<Record<string, unknown>> => {
      const res = await room.app.inject({
        method: 'POST',
        url: '/api/teacher/competitions',
        headers: room.teacher,
        payload,
      });
      return { status: res.statusCode, ...res.json() };
    };
    // No coercion: a seed sent as a string is refused with a sentence, not read as a number.
    const coerced = await post({ title: 'T', levels: ['navigator'], seed: '3', durationMinutes: 5 });
    expect(coerced).toMatchObject({ status: 400, message: expect.stringMatching(/does not match.*seed/) });
    const twice = await post({ title: 'T', levels: ['navigator', 'navigator'], durationMinutes: 5 });
    expect(twice).toMatchObject({ status: 400, message: expect.stringMatching(/duplicate/) });
    // Unknown fields are dropped: a claimed state or code does not reach the store.
    const extra = await post({ title: 'T', levels: ['navigator'], durationMinutes: 5, state: 'running', code: 'X' });
    expect(CompetitionReplySchema.parse(extra).competition).toMatchObject({ state: 'draft', title: 'T' });
  });

  it('turns a reply that breaks the contract into a message, never a crash', async () => {
    const forged = (body: unknown, status = 201): typeof fetch =>
      (async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch;
    const real = await new ClassroomClient({ baseUrl: base }).join('', 'nobody');
    expect(real).toMatchObject({ kind: 'refused', status: 400, problem: { code: 'requestInvalid' } });
    const good = { token: newStudentToken(), nickname: 'Ana', seed: 1, competition: {} };
    for (const body of [null, 'Service unavailable', { ...good, token: 'short' }, good]) {
      const reply = await new ClassroomClient({ baseUrl: base, fetch: forged(body) }).join('ABCDEF', 'Ana');
      expect(reply, JSON.stringify(body)).toEqual({
        kind: 'retry',
        status: 201,
        problem: {
          code: 'unreadableReply',
          message: 'The class server sent an answer the game cannot read; it will try again.',
        },
        retryAfterMs: null,
      });
    }
    // A refusal without the contract's shape still says something.
    const odd = await new ClassroomClient({ baseUrl: base, fetch: forged({ oops: true }, 403) }).me(newStudentToken());
    expect(odd).toEqual({
      kind: 'refused',
      status: 403,
      problem: { code: 'httpStatus', params: { status: 403 }, message: 'The class server answered 403.' },
    });
  });

  it('makes tokens and idempotency keys that the contract accepts', () => {
    const tokens = new Set(Array.from({ length: 50 }, newStudentToken));
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect([tokens.size, keys.size]).toEqual([50, 50]);
    for (const t of tokens) expect([t.length, StudentTokenSchema.safeParse(t).success]).toEqual([43, true]);
    for (const k of keys) expect([k.length, IdempotencyKeySchema.safeParse(k).success]).toEqual([24, true]);
    expect(StudentTokenSchema.safeParse(`${newStudentToken()}=`).success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('short').success).toBe(false);
  });
});
