/**
 * The teacher's routes (`Authorization: Bearer <session token or teacher password>`, rate-limited per address,
 * wrong passwords slowed by the SignInGuard): create, list and look at competitions, start and stop them, remove
 * a player, follow submissions live, download the CSV. Sign-in and the class controls: routes-teacher-controls.ts.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DEFAULT_MAX_PLAYERS,
  MAX_SEED,
  type CompetitionDetailReply,
  type CompetitionReply,
  type CompetitionsReply,
  type CreateCompetitionRequest,
  type RemovePlayerReply,
  type RemovePlayerRequest,
  type TeacherSubmissionsReply,
} from '../shared/classroom/api';
import { isLocale } from '../shared/i18n/locales';
import { bearerToken, HttpError } from './http-error';
import { checkNickname, newJoinCode } from './identity';
import { pickLocale } from './pages';
import { limit, competitionOr404, type RouteContext } from './route-context';
import { CREATE_COMPETITION, REMOVE_PLAYER, TEACHER, TEACHER_CODE } from './route-schemas';
import { CSV_BOM, levelResults, levelStats, resultsCsv } from './results';
import { checkPassword, registerTeacherControls } from './routes-teacher-controls';
import { countVerification } from './verification-queue';
import { competitionView, submissionView } from './views';

type CodeParams = { Params: { code: string } };

export function registerTeacherRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store, now } = ctx;
  const preHandler = async (request: FastifyRequest): Promise<void> => {
    limit(ctx.limiters.teacher, request.ip);
    const credential = bearerToken(request);
    if (!ctx.sessions.valid(credential)) checkPassword(ctx, request.ip, credential);
  };
  registerTeacherControls(app, ctx, preHandler);

  app.post<{ Body: CreateCompetitionRequest; Reply: CompetitionReply }>(
    '/api/teacher/competitions',
    { preHandler, schema: CREATE_COMPETITION },
    async (request, reply) => {
      const b = request.body;
      const fields = {
        title: b.title.trim() || 'Competition',
        levels: b.levels,
        seed: b.seed ?? randomInt(MAX_SEED),
        variantMode: b.variantMode ?? 'same',
        durationSeconds: b.durationMinutes * 60,
        language: b.language ?? pickLocale(request.headers['accept-language']),
        maxPlayers: b.maxPlayers ?? DEFAULT_MAX_PLAYERS,
        rankingHidden: b.rankingHidden ?? false,
      };
      for (let attempt = 0; attempt < 20; attempt++) {
        const created = await store.createCompetition({ ...fields, code: newJoinCode() }, now());
        if (created) return reply.code(201).send({ competition: competitionView(created, now()) });
      }
      throw new HttpError(503, 'noFreeCode', 'Could not find a free join code; try again.');
    },
  );

  app.get<{ Reply: CompetitionsReply }>('/api/teacher/competitions', { preHandler, schema: TEACHER }, async () => ({
    competitions: (await store.competitions()).map((c) => competitionView(c, now())),
  }));

  app.get<CodeParams & { Reply: CompetitionDetailReply }>(
    '/api/teacher/competitions/:code',
    { preHandler, schema: TEACHER_CODE },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const [players, subs] = await Promise.all([store.players(c.id), store.submissions(c.id)]);
      return {
        competition: competitionView(c, now()),
        players: players.map((p) => ({ nickname: p.nickname, removed: p.removed, joinedAt: p.joinedAt.toISOString() })),
        submissions: await store.countSubmissions(c.id),
        levels: levelStats(c, subs),
        verification: countVerification(levelResults(c, await store.submissions(c.id))),
      };
    },
  );

  app.post<CodeParams & { Reply: CompetitionReply }>(
    '/api/teacher/competitions/:code/start',
    { preHandler, schema: TEACHER_CODE },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const started = await store.startCompetition(c.code, now());
      if (!started)
        throw new HttpError(
          409,
          c.state === 'running' ? 'alreadyRunning' : 'alreadyEnded',
          c.state === 'running'
            ? 'The competition is already running.'
            : 'The competition has ended; create a new one.',
        );
      return { competition: competitionView(started, now()) };
    },
  );

  app.post<CodeParams & { Reply: CompetitionReply }>(
    '/api/teacher/competitions/:code/stop',
    { preHandler, schema: TEACHER_CODE },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const stopped = await store.stopCompetition(c.code, now());
      if (!stopped) throw new HttpError(409, 'alreadyEnded', 'The competition has already ended.');
      return { competition: competitionView(stopped, now()) };
    },
  );

  app.post<CodeParams & { Body: RemovePlayerRequest; Reply: RemovePlayerReply }>(
    '/api/teacher/competitions/:code/remove-player',
    { preHandler, schema: REMOVE_PLAYER },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const check = checkNickname(request.body.nickname);
      if (!check.ok || !(await store.removePlayer(c.id, check.key)))
        throw new HttpError(404, 'playerNotFound', `No player "${request.body.nickname}" in ${c.code}.`, {
          params: { nickname: request.body.nickname },
        });
      // Their verifications are abandoned work: cancelled, never run.
      for (const gone of (await store.players(c.id)).filter((p) => p.removed))
        await ctx.verification.queue.cancelWaiting(store.db, gone.id, null, now(), 'player removed');
      return { removed: check.nickname };
    },
  );

  app.get<CodeParams & { Reply: TeacherSubmissionsReply }>(
    '/api/teacher/competitions/:code/submissions',
    { preHandler, schema: TEACHER_CODE },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const subs = await store.submissions(c.id, { includeRemoved: true });
      return { submissions: subs.slice(-500).map((s) => ({ nickname: s.nickname, ...submissionView(s, false) })) };
    },
  );

  app.get<CodeParams & { Querystring: { lang?: string }; Reply: string }>(
    '/api/teacher/competitions/:code/results.csv',
    { preHandler, schema: TEACHER_CODE },
    async (request, reply) => {
      const c = await competitionOr404(ctx, request.params.code);
      // Headers in the competition's language, or `?lang=` when the teacher asks for another.
      const lang = request.query?.lang;
      const csv = resultsCsv(levelResults(c, await store.submissions(c.id)), isLocale(lang) ? lang : c.language);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="latent-quest-${c.code}.csv"`)
        .send(CSV_BOM + csv);
    },
  );
}
