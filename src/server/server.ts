/**
 * The classroom HTTP API (and the built game) on fastify: every route declares a JSON schema for what it
 * accepts, bodies are capped, students and addresses are rate-limited, and every refusal is a 4xx with a
 * sentence a teacher or student can act on. Scores are never read from the client: extra body fields are
 * stripped by the schema, and each submission is re-scored by the Rescorer from its payload.
 */
import { createHash, randomInt } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { getLevel, levelVariant, LEVELS, localize, validatePayload, PAYLOAD_LIMITS } from '../shared/levels';
import {
  checkNickname,
  hashToken,
  JOIN_CODE_PATTERN,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  sameSecret,
} from './identity';
import { RateLimiter, type RateLimit } from './rate-limit';
import { QueueFullError, RescoreFailedError, type RescoreService } from './rescore';
import { leaderboard, levelResults, resultsCsv } from './results';
import { registerPages, type PagesOptions } from './pages';
import { serveStatic } from './static-files';
import type { ClassroomStore, Competition, Player, Submission } from './store';

export interface ServerOptions {
  store: ClassroomStore;
  rescorer: RescoreService;
  adminPassword: string;
  /** The built game to serve (dist/); omitted: API only. */
  distDir?: string;
  now?: () => Date;
  logger?: boolean;
  limits?: Partial<ServerLimits>;
  /** Teacher page, projector board and QR code (default on). */
  pages?: PagesOptions;
}

export interface ServerLimits {
  /** Request body cap in bytes (a solution payload is at most PAYLOAD_LIMITS.jsonChars). */
  bodyBytes: number;
  /** Per student token: submissions and other student calls. */
  student: RateLimit;
  /** Per address: joins and anything unauthenticated that writes. */
  address: RateLimit;
  /** Per address: teacher calls (also slows password guessing). */
  teacher: RateLimit;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 24 * 1024,
  student: { burst: 10, perSecond: 2 },
  // A whole class may share one address behind a school NAT: room for everyone joining at once.
  address: { burst: 120, perSecond: 10 },
  teacher: { burst: 60, perSecond: 10 },
};

const LEVEL_IDS = LEVELS.map((l) => l.id);
const MAX_SEED = 2_147_483_647;

/** A refusal with a status and a readable message (and details such as a payload's problems). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: readonly string[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const errorBody = { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } } } as const;
const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: { type: 'string', pattern: JOIN_CODE_PATTERN } },
} as const;
// Documents the header; not `required`, so a missing one reaches bearerToken() and gets its 401 sentence.
const bearer = { type: 'object', properties: { authorization: { type: 'string', maxLength: 200 } } } as const;

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  if (!match) throw new HttpError(401, 'Send "Authorization: Bearer <token>".');
  return match[1];
}

/** Stable hash of what was submitted, so a replay with a different solution under the same key is caught. */
function payloadHash(levelId: string, payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([levelId, payload]))
    .digest('hex');
}

/** Per-student seed in 'variant' mode: equally hard, different numbers (trained levels). */
export function seedFor(competition: Competition, playerId: number): number {
  if (competition.variantMode === 'same') return competition.seed;
  const h = createHash('sha256').update(`${competition.seed}:${playerId}`).digest();
  return h.readUInt32BE(0) & MAX_SEED;
}

function competitionView(c: Competition, now: Date) {
  return {
    code: c.code,
    title: c.title,
    levels: c.levels,
    seed: c.seed,
    variantMode: c.variantMode,
    durationSeconds: c.durationSeconds,
    state: isOver(c, now) ? 'ended' : c.state,
    startedAt: c.startedAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    secondsLeft:
      c.state === 'running' && c.endsAt
        ? Math.max(0, Math.round((c.endsAt.getTime() - now.getTime()) / 1000))
        : c.state === 'draft'
          ? c.durationSeconds
          : 0,
  };
}

/** How long after the end an attempt finished before it may still arrive (a classroom's wifi coming back). */
export const LATE_GRACE_MS = 10 * 60_000;

/**
 * A late submission is accepted when the game says the attempt was finished while the competition ran and it
 * arrives within the grace period. The game's clock is the student's word: the most it can buy is the grace
 * period's extra minutes, and such an attempt is filed at the end time (it cannot win a tie on time).
 */
function lateButEarned(c: Competition, attemptedAt: string | undefined, received: Date): boolean {
  if (!c.endsAt || !c.startedAt || attemptedAt === undefined) return false;
  const at = Date.parse(attemptedAt);
  if (!Number.isFinite(at)) return false;
  return (
    at >= c.startedAt.getTime() && at <= c.endsAt.getTime() && received.getTime() - c.endsAt.getTime() <= LATE_GRACE_MS
  );
}

const isOver = (c: Competition, now: Date): boolean => c.state === 'ended' || (c.endsAt !== null && now >= c.endsAt);

function submissionView(s: Submission, replayed: boolean) {
  return {
    id: s.id,
    levelId: s.levelId,
    idempotencyKey: s.idempotencyKey,
    score: s.score,
    stars: s.stars,
    goalMet: s.goalMet,
    detail: s.detail,
    createdAt: s.createdAt.toISOString(),
    replayed,
  };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, rescorer } = options;
  const now = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const studentLimiter = new RateLimiter(limits.student);
  const addressLimiter = new RateLimiter(limits.address);
  const teacherLimiter = new RateLimiter(limits.teacher);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyBytes,
    requestTimeout: 180_000,
    // Types are checked, not coerced: "3" is not a seed. Unknown fields are dropped (a claimed score is ignored).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: false } },
  });

  const limit = (limiter: RateLimiter, key: string): void => {
    const wait = limiter.take(key);
    if (wait > 0) throw new HttpError(429, `Too many requests; wait ${wait} s and try again.`, undefined, wait);
  };

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send({
        error: reply.statusCode < 500 ? 'Refused' : 'Error',
        message: error.message,
        ...(error.details ? { problems: error.details } : {}),
      });
    }
    if (error instanceof QueueFullError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(503).send({ error: 'Busy', message: error.message });
    }
    if (error instanceof RescoreFailedError) {
      // Nothing was stored for this attempt. A lost thread is worth a retry (503); a failing measurement is not.
      console.error('[classroom] re-scoring failed:', error.message);
      if (error.retryable) reply.header('retry-after', '2');
      return reply.code(error.retryable ? 503 : 500).send({ error: 'Error', message: error.message });
    }
    const status = error.statusCode ?? 500;
    if ((error as FastifyError).validation) {
      return reply.code(400).send({
        error: 'Bad Request',
        message: `The request does not match what this route accepts: ${error.message}.`,
      });
    }
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The request body is too large (at most ${limits.bodyBytes} bytes).`
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Send JSON with "Content-Type: application/json".'
            : error.message;
      return reply.code(status).send({ error: 'Bad Request', message });
    }
    request.log.error(error);
    console.error('[classroom] internal error:', error);
    return reply.code(500).send({
      error: 'Error',
      message: 'Something went wrong on the server; the teacher can see the details in its log.',
    });
  });

  // ---- teacher ----

  const teacher = async (request: FastifyRequest): Promise<void> => {
    limit(teacherLimiter, request.ip);
    if (!sameSecret(bearerToken(request), options.adminPassword)) throw new HttpError(401, 'Wrong teacher password.');
  };

  const competitionOr404 = async (code: string): Promise<Competition> => {
    const c = await store.competitionByCode(code);
    if (!c) throw new HttpError(404, `No competition has the code ${code}.`);
    return c;
  };

  app.get('/api/health', async () => ({
    ok: true,
    rescoring: { backend: rescorer.backend, pending: rescorer.pending },
    database: store.db.kind,
  }));

  app.get('/api/levels', async () => ({
    levels: LEVELS.map((l) => ({
      id: l.id,
      world: l.world,
      order: l.order,
      title: localize(l.title, 'en'),
      kind: l.solution.kind,
      trained: l.setup.kind === 'trained',
    })),
  }));

  app.post<{
    Body: { title: string; levels: string[]; seed?: number; variantMode?: 'same' | 'variant'; durationMinutes: number };
  }>(
    '/api/teacher/competitions',
    {
      preHandler: teacher,
      schema: {
        headers: bearer,
        body: {
          type: 'object',
          required: ['title', 'levels', 'durationMinutes'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 80 },
            levels: {
              type: 'array',
              minItems: 1,
              maxItems: LEVEL_IDS.length,
              uniqueItems: true,
              items: { type: 'string', enum: LEVEL_IDS },
            },
            seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
            variantMode: { type: 'string', enum: ['same', 'variant'] },
            durationMinutes: { type: 'integer', minimum: 1, maximum: 24 * 60 },
          },
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const fields = {
        title: b.title.trim() || 'Competition',
        levels: b.levels,
        seed: b.seed ?? randomInt(MAX_SEED),
        variantMode: b.variantMode ?? 'same',
        durationSeconds: b.durationMinutes * 60,
      };
      for (let attempt = 0; attempt < 20; attempt++) {
        const created = await store.createCompetition({ ...fields, code: newJoinCode() }, now());
        if (created) return reply.code(201).send({ competition: competitionView(created, now()) });
      }
      throw new HttpError(503, 'Could not find a free join code; try again.');
    },
  );

  app.get('/api/teacher/competitions', { preHandler: teacher, schema: { headers: bearer } }, async () => ({
    competitions: (await store.competitions()).map((c) => competitionView(c, now())),
  }));

  app.get<{ Params: { code: string } }>(
    '/api/teacher/competitions/:code',
    { preHandler: teacher, schema: { headers: bearer, params: codeParams } },
    async (request) => {
      const c = await competitionOr404(request.params.code);
      const players = await store.players(c.id);
      return {
        competition: competitionView(c, now()),
        players: players.map((p) => ({ nickname: p.nickname, removed: p.removed, joinedAt: p.joinedAt.toISOString() })),
        submissions: await store.countSubmissions(c.id),
      };
    },
  );

  app.post<{ Params: { code: string } }>(
    '/api/teacher/competitions/:code/start',
    { preHandler: teacher, schema: { headers: bearer, params: codeParams } },
    async (request) => {
      const c = await competitionOr404(request.params.code);
      const started = await store.startCompetition(c.code, now());
      if (!started)
        throw new HttpError(
          409,
          c.state === 'running'
            ? 'The competition is already running.'
            : 'The competition has ended; create a new one.',
        );
      return { competition: competitionView(started, now()) };
    },
  );

  app.post<{ Params: { code: string } }>(
    '/api/teacher/competitions/:code/stop',
    { preHandler: teacher, schema: { headers: bearer, params: codeParams } },
    async (request) => {
      const c = await competitionOr404(request.params.code);
      const stopped = await store.stopCompetition(c.code, now());
      if (!stopped) throw new HttpError(409, 'The competition has already ended.');
      return { competition: competitionView(stopped, now()) };
    },
  );

  app.post<{ Params: { code: string }; Body: { nickname: string } }>(
    '/api/teacher/competitions/:code/remove-player',
    {
      preHandler: teacher,
      schema: {
        headers: bearer,
        params: codeParams,
        body: {
          type: 'object',
          required: ['nickname'],
          additionalProperties: false,
          properties: { nickname: { type: 'string', minLength: 1, maxLength: 64 } },
        },
      },
    },
    async (request) => {
      const c = await competitionOr404(request.params.code);
      const check = checkNickname(request.body.nickname);
      if (!check.ok || !(await store.removePlayer(c.id, check.key)))
        throw new HttpError(404, `No player "${request.body.nickname}" in ${c.code}.`);
      return { removed: check.nickname };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/teacher/competitions/:code/submissions',
    { preHandler: teacher, schema: { headers: bearer, params: codeParams } },
    async (request) => {
      const c = await competitionOr404(request.params.code);
      const subs = await store.submissions(c.id, { includeRemoved: true });
      return { submissions: subs.slice(-500).map((s) => ({ nickname: s.nickname, ...submissionView(s, false) })) };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/teacher/competitions/:code/results.csv',
    { preHandler: teacher, schema: { headers: bearer, params: codeParams } },
    async (request, reply) => {
      const c = await competitionOr404(request.params.code);
      const csv = resultsCsv(levelResults(c, await store.submissions(c.id)));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="latent-quest-${c.code}.csv"`)
        .send(csv);
    },
  );

  // ---- public board ----

  const board = async (c: Competition) => {
    const [subs, players] = await Promise.all([store.submissions(c.id), store.players(c.id)]);
    const results = levelResults(c, subs);
    return { competition: competitionView(c, now()), rows: leaderboard(results, players), results };
  };

  app.get<{ Params: { code: string } }>(
    '/api/competitions/:code/board',
    { schema: { params: codeParams } },
    async (request) => {
      const { competition, rows } = await board(await competitionOr404(request.params.code));
      return { competition, rows };
    },
  );

  // ---- students ----

  app.post<{ Body: { code: string; nickname: string } }>(
    '/api/join',
    {
      schema: {
        body: {
          type: 'object',
          required: ['code', 'nickname'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', minLength: 1, maxLength: 16 },
            nickname: { type: 'string', minLength: 1, maxLength: 64 },
          },
        },
        response: { 400: errorBody },
      },
    },
    async (request, reply) => {
      limit(addressLimiter, request.ip);
      const code = normalizeJoinCode(request.body.code);
      if (!new RegExp(JOIN_CODE_PATTERN).test(code))
        throw new HttpError(400, 'A join code is 6 letters and digits, as shown on the projector.');
      const c = await store.competitionByCode(code);
      if (!c) throw new HttpError(404, `No competition has the code ${code}; check it with your teacher.`);
      if (isOver(c, now())) throw new HttpError(403, 'This competition has ended.');
      const nick = checkNickname(request.body.nickname);
      if (!nick.ok) throw new HttpError(400, nick.problem);
      const token = newToken();
      const joined = await store.addPlayer(c.id, nick.nickname, nick.key, hashToken(token), now());
      if (!joined)
        throw new HttpError(409, `The nickname "${nick.nickname}" is taken in this competition; pick another.`);
      return reply.code(201).send({
        token,
        nickname: joined.nickname,
        competition: competitionView(c, now()),
        seed: seedFor(c, joined.id),
      });
    },
  );

  const student = async (request: FastifyRequest): Promise<{ player: Player; competition: Competition }> => {
    const token = bearerToken(request);
    if (!/^[A-Za-z0-9_-]{43}$/.test(token))
      throw new HttpError(401, 'That is not a student token; join the competition again.');
    const player = await store.playerByTokenHash(hashToken(token));
    if (!player) throw new HttpError(401, 'Unknown student token; join the competition again.');
    limit(studentLimiter, String(player.id));
    if (player.removed) throw new HttpError(403, 'The teacher removed you from this competition.');
    const competition = await store.competitionById(player.competitionId);
    if (!competition) throw new HttpError(401, 'Unknown student token; join the competition again.');
    return { player, competition };
  };

  app.get('/api/me', { schema: { headers: bearer } }, async (request) => {
    const { player, competition } = await student(request);
    const b = await board(competition);
    const row = b.rows.find((r) => r.nickname === player.nickname);
    const mine = new Map(b.results.filter((r) => r.nickname === player.nickname).map((r) => [r.levelId, r]));
    // Every level of the competition, in its order; null until the first attempt (the game shows "not tried").
    const levels = competition.levels.map((levelId) => {
      const r = mine.get(levelId);
      return { levelId, bestScore: r?.bestScore ?? null, stars: r?.stars ?? 0, attempts: r?.attempts ?? 0 };
    });
    return {
      nickname: player.nickname,
      competition: b.competition,
      seed: seedFor(competition, player.id),
      rank: row?.rank ?? null,
      players: b.rows.length,
      stars: row?.stars ?? 0,
      levels,
    };
  });

  app.post<{ Body: { levelId: string; idempotencyKey: string; payload: unknown; attemptedAt?: string } }>(
    '/api/submissions',
    {
      schema: {
        headers: bearer,
        body: {
          type: 'object',
          required: ['levelId', 'idempotencyKey', 'payload'],
          additionalProperties: false,
          properties: {
            levelId: { type: 'string', minLength: 1, maxLength: PAYLOAD_LIMITS.idChars },
            idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
            // The payload's own structure is checked by the level's validator (one source of truth).
            payload: { type: 'object' },
            // When the student finished the attempt (the game's clock): only read for a late arrival, see below.
            attemptedAt: { type: 'string', minLength: 1, maxLength: 40 },
          },
        },
      },
    },
    async (request, reply) => {
      const received = now();
      const { player, competition } = await student(request);
      const { levelId, idempotencyKey, payload } = request.body;
      const existing = await store.submissionByKey(player.id, idempotencyKey);
      if (existing) {
        // A replay (a retried request, a client's queue sent twice) must carry the same solution.
        const level = getLevel(levelId);
        const v = level ? validatePayload(levelVariant(level, seedFor(competition, player.id)), payload) : null;
        if (existing.levelId !== levelId || !v?.ok || payloadHash(levelId, v.payload) !== existing.payloadHash) {
          throw new HttpError(
            409,
            'This idempotency key was already used for a different solution; use a new key for a new attempt.',
          );
        }
        return reply.code(200).send({ submission: submissionView(existing, true) });
      }
      if (competition.state === 'draft')
        throw new HttpError(409, 'The competition has not started yet; wait for your teacher.');
      // An attempt finished before the end but held in a student's outbox (the network was down) still counts
      // when it arrives within LATE_GRACE_MS of the end; it is filed at the end time. Beyond that, or for an
      // attempt the game says was made after the end, submissions are closed.
      const late = isOver(competition, received);
      if (late && !lateButEarned(competition, request.body.attemptedAt, received))
        throw new HttpError(403, 'The competition has ended; submissions are closed.');
      if (!competition.levels.includes(levelId))
        throw new HttpError(403, `Level "${levelId.slice(0, 64)}" is not part of this competition.`);
      const base = getLevel(levelId);
      if (!base) throw new HttpError(400, `There is no level "${levelId.slice(0, 64)}".`);
      // The student plays (and is scored on) the level as their seed makes it: checked here, measured in a thread.
      const seed = seedFor(competition, player.id);
      const checked = validatePayload(levelVariant(base, seed), payload);
      if (!checked.ok)
        throw new HttpError(400, 'The solution is not valid for this level.', checked.problems.slice(0, 20));
      const scored = await rescorer.score(levelId, checked.payload, seed);
      const { created, submission } = await store.insertSubmission({
        competitionId: competition.id,
        playerId: player.id,
        levelId,
        idempotencyKey,
        payload: checked.payload,
        payloadHash: payloadHash(levelId, checked.payload),
        score: scored.result.score,
        stars: scored.result.stars,
        goalMet: scored.result.goalMet,
        detail: scored.result.detail,
        createdAt: late && competition.endsAt ? competition.endsAt : received,
      });
      // Two copies of one attempt raced: the loser gets the stored answer, unless it carried another solution.
      if (!created && submission.payloadHash !== payloadHash(levelId, checked.payload)) {
        throw new HttpError(
          409,
          'This idempotency key was already used for a different solution; use a new key for a new attempt.',
        );
      }
      return reply.code(created ? 201 : 200).send({ submission: submissionView(submission, !created) });
    },
  );

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'Not Found', message: `No route ${request.method} ${request.url.slice(0, 200)}.` }),
  );
  registerPages(app, options.pages);
  if (options.distDir) serveStatic(app, options.distDir);
  return app;
}
