/**
 * The students' routes: join a competition (rate-limited per address and per competition, up to its class size),
 * then, with the token the join gave (`Authorization: Bearer <token>`, rate-limited per student; a malformed or
 * unknown token per address), submit attempts and read one's own standing. Every reply carries fresh attempt
 * tickets (tickets.ts): after the end only an attempt with one issued before counts.
 * Scores are never read from the client: each submission is validated for the student's own variant of the
 * level and re-scored from its payload; a replayed idempotency key answers the stored result.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  JoinReply,
  JoinRequest,
  MeReply,
  SubmissionReply,
  SubmissionRequest,
  TrainedSubmissionRequest,
} from '../shared/classroom/api';
import { newStudentToken, StudentTokenSchema } from '../shared/classroom/keys';
import { getLevel, levelVariant, validatePayload } from '../shared/levels';
import { ModelMismatchError } from './evaluate-model';
import { decodeUploadedWeights, gunzipUpload } from './model-upload';
import { bearerToken, HttpError } from './http-error';
import { checkNickname, hashToken, isJoinCode, normalizeJoinCode } from './identity';
import { JOIN_CODE_PROBLEM } from '../shared/classroom/names';
import { boardOf, limit, type RouteContext } from './route-context';
import type { Rescored } from './rescore';
import { JOIN, STUDENT, SUBMISSION, TRAINED_SUBMISSION } from './route-schemas';
import type { Competition, Player } from './store';
import { lateTicket, spendLateTicket } from './late-arrivals';
import { competitionView, isOver, payloadHash, seedFor, submissionView } from './views';

const KEY_REUSED = 'This idempotency key was already used for a different solution; use a new key for a new attempt.';

export function registerStudentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { store, now } = ctx;

  app.post<{ Body: JoinRequest; Reply: JoinReply }>('/api/join', { schema: JOIN }, async (request, reply) => {
    limit(ctx.limiters.join, request.ip);
    const code = normalizeJoinCode(request.body.code);
    if (!isJoinCode(code)) throw new HttpError(400, JOIN_CODE_PROBLEM.code, JOIN_CODE_PROBLEM.message);
    const c = await store.competitionByCode(code);
    if (!c)
      throw new HttpError(
        404,
        'competitionNotFound',
        `No competition has the code ${code}; check it with your teacher.`,
        {
          params: { code },
        },
      );
    if (isOver(c, now())) throw new HttpError(403, 'competitionEnded', 'This competition has ended.');
    limit(ctx.limiters.joinClass, code);
    const nick = checkNickname(request.body.nickname);
    if (!nick.ok) throw new HttpError(400, nick.code, nick.problem, { params: nick.params });
    // A removed player's browser cannot come back under another name (the teacher can re-admit them).
    const device = request.body.device ? hashToken(`device:${request.body.device}`) : null;
    if (device && (await store.guards.removedDevice(c.id, device)))
      throw new HttpError(403, 'removed', 'The teacher removed you from this competition.');
    const token = newStudentToken();
    const joined = await store.addPlayer(c.id, nick.nickname, nick.key, hashToken(token), now(), device);
    if (!joined && !(await store.guards.nicknameTaken(c.id, nick.key)))
      throw new HttpError(409, 'classFull', `This competition is full (${c.maxPlayers} players); ask your teacher.`, {
        params: { players: c.maxPlayers },
      });
    if (!joined)
      throw new HttpError(
        409,
        'nicknameTaken',
        `The nickname "${nick.nickname}" is taken in this competition; pick another.`,
        { params: { nickname: nick.nickname } },
      );
    return reply.code(201).send({
      token,
      nickname: joined.nickname,
      competition: competitionView(c, now()),
      seed: seedFor(c, joined.id),
      tickets: ctx.tickets.issue(joined.id, now()),
    });
  });

  const student = async (request: FastifyRequest): Promise<{ player: Player; competition: Competition }> => {
    const token = bearerToken(request);
    if (!StudentTokenSchema.safeParse(token).success) {
      limit(ctx.limiters.unknownToken, request.ip);
      throw new HttpError(401, 'tokenInvalid', 'That is not a student token; join the competition again.');
    }
    const player = await store.playerByTokenHash(hashToken(token));
    if (!player) {
      limit(ctx.limiters.unknownToken, request.ip);
      throw new HttpError(401, 'tokenUnknown', 'Unknown student token; join the competition again.');
    }
    limit(ctx.limiters.student, String(player.id));
    if (player.removed) throw new HttpError(403, 'removed', 'The teacher removed you from this competition.');
    const competition = await store.competitionById(player.competitionId);
    if (!competition) throw new HttpError(401, 'tokenUnknown', 'Unknown student token; join the competition again.');
    return { player, competition };
  };

  app.get<{ Reply: MeReply }>('/api/me', { schema: STUDENT }, async (request) => {
    const { player, competition } = await student(request);
    const b = await boardOf(ctx, competition);
    const row = b.rows.find((r) => r.nickname === player.nickname);
    const mine = new Map(b.results.filter((r) => r.nickname === player.nickname).map((r) => [r.levelId, r]));
    // Every level of the competition, in its order; null until the first attempt (the game shows "not tried").
    const levels = competition.levels.map((levelId) => {
      const r = mine.get(levelId);
      return {
        levelId,
        bestScore: r?.bestScore ?? null,
        stars: r?.stars ?? 0,
        attempts: r?.attempts ?? 0,
        verification: r ? (r.verification === 'unchecked' ? 'pending' : r.verification) : null,
        evaluatedScore: r?.evaluatedScore ?? null,
      };
    });
    const recent = (await store.submissionsOf(player.id, 50)).map((s) => ({
      idempotencyKey: s.idempotencyKey,
      score: s.score,
      stars: s.stars,
      verification: s.verification,
      evaluatedScore: s.evaluatedScore,
    }));
    return {
      recent,
      nickname: player.nickname,
      competition: b.competition,
      seed: seedFor(competition, player.id),
      rank: row?.rank ?? null,
      players: b.rows.length,
      stars: row?.stars ?? 0,
      levels,
      tickets: ctx.tickets.issue(player.id, now()),
    };
  });

  /**
   * One attempt: a replayed key answers the stored result; otherwise the attempt is checked for the student's
   * own variant of the level and scored. With `model` (a trained level's upload) the score is the uploaded
   * model's, evaluated in milliseconds, and the attempt is filed for verification; without it the server
   * computes the score from the solution itself (decoding, or re-training a trained level's settings).
   */
  const submit = async (
    request: FastifyRequest<{ Body: SubmissionRequest | TrainedSubmissionRequest }>,
    model: string | null,
  ): Promise<{ status: number; body: SubmissionReply }> => {
    {
      const received = now();
      const { player, competition } = await student(request);
      const { levelId, idempotencyKey, payload } = request.body;
      const existing = await store.submissionByKey(player.id, idempotencyKey);
      if (existing) {
        // A replay (a retried request, a client's queue sent twice) must carry the same solution.
        const level = getLevel(levelId);
        const v = level ? validatePayload(levelVariant(level, seedFor(competition, player.id)), payload) : null;
        if (existing.levelId !== levelId || !v?.ok || payloadHash(levelId, v.payload) !== existing.payloadHash)
          throw new HttpError(409, 'keyReused', KEY_REUSED);
        return { status: 200, body: { submission: submissionView(existing, true), tickets: [] } };
      }
      if (competition.state === 'draft')
        throw new HttpError(409, 'notStarted', 'The competition has not started yet; wait for your teacher.');
      // An attempt held in a student's outbox (the network was down) still counts after the end with a ticket
      // issued before it (late-arrivals.ts); it is filed at the end time. The client's own clock is never read.
      const late = isOver(competition, received);
      const claim = late
        ? await lateTicket(store.guards, ctx.tickets, competition, player, request.body.ticket, received)
        : null;
      if (!competition.levels.includes(levelId))
        throw new HttpError(
          403,
          'levelNotInCompetition',
          `Level "${levelId.slice(0, 64)}" is not part of this competition.`,
          {
            params: { level: levelId.slice(0, 64) },
          },
        );
      const base = getLevel(levelId);
      if (!base)
        throw new HttpError(400, 'levelUnknown', `There is no level "${levelId.slice(0, 64)}".`, {
          params: { level: levelId.slice(0, 64) },
        });
      // The student plays (and is scored on) the level as their seed makes it: checked here, measured in a thread.
      const seed = seedFor(competition, player.id);
      const checked = validatePayload(levelVariant(base, seed), payload);
      if (!checked.ok)
        throw new HttpError(400, 'solutionInvalid', 'The solution is not valid for this level.', {
          details: checked.problems.slice(0, 20),
        });
      let scored: Rescored;
      if (model !== null) {
        if (base.setup.kind !== 'trained')
          throw new HttpError(400, 'modelNotTrained', 'Only a trained level takes a model upload.');
        const weights = decodeUploadedWeights(model);
        if (!weights)
          throw new HttpError(400, 'modelUnreadable', 'The uploaded model is not base64 of finite float16 weights.');
        try {
          scored = await ctx.rescorer.evaluate(levelId, checked.payload, seed, weights, String(player.id));
        } catch (error) {
          if (error instanceof ModelMismatchError) throw new HttpError(400, 'modelMismatch', error.message);
          throw error;
        }
      } else scored = await ctx.rescorer.score(levelId, checked.payload, seed);
      if (claim) await spendLateTicket(store.guards, claim, received);
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
        verification: model !== null ? 'pending' : 'verified',
      });
      // Two copies of one attempt raced: the loser gets the stored answer, unless it carried another solution.
      if (!created && submission.payloadHash !== payloadHash(levelId, checked.payload))
        throw new HttpError(409, 'keyReused', KEY_REUSED);
      if (created && model !== null) {
        submission.verification = await ctx.verification.queue.file(submission, seed, now());
        if (submission.verification === 'pending') ctx.verification.verifier?.poke();
      }
      return {
        status: created ? 201 : 200,
        body: {
          submission: submissionView(submission, !created),
          tickets: late ? [] : ctx.tickets.issue(player.id, received),
        },
      };
    }
  };

  app.post<{ Body: SubmissionRequest; Reply: SubmissionReply }>(
    '/api/submissions',
    { schema: SUBMISSION },
    async (request, reply) => {
      const { status, body } = await submit(request, null);
      return reply.code(status).send(body);
    },
  );

  // The one route with a large body: a trained model is 0.1–7.6 MB of base64 (less gzipped).
  app.post<{ Body: TrainedSubmissionRequest; Reply: SubmissionReply }>(
    '/api/submissions/trained',
    { schema: TRAINED_SUBMISSION, bodyLimit: ctx.modelBodyBytes, preParsing: gunzipUpload },
    async (request, reply) => {
      const { status, body } = await submit(request, request.body.model.data);
      return reply.code(status).send(body);
    },
  );
}
