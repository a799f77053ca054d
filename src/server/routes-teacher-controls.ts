/**
 * The teacher's sign-in and class controls: sign in with the password in a JSON body (any 8+ characters, spaces
 * and any script included) for a session token; every wrong password, here or in a Bearer header, goes through
 * the SignInGuard (growing delays and lockouts per address and overall). Then: class size and hidden ranking,
 * more time, closing the late-arrival window at once, re-admitting a removed player.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  CompetitionReply,
  CompetitionSettingsRequest,
  ExtendRequest,
  RemovePlayerReply,
  RemovePlayerRequest,
  TeacherSessionReply,
  TeacherSignInRequest,
} from '../shared/classroom/api';
import { HttpError } from './http-error';
import { checkNickname, sameSecret } from './identity';
import { competitionOr404, limit, type RouteContext } from './route-context';
import { EXTEND, REMOVE_PLAYER, SETTINGS, SIGN_IN, TEACHER_CODE } from './route-schemas';
import { competitionView } from './views';

type CodeParams = { Params: { code: string } };
type PreHandler = (request: FastifyRequest) => Promise<void>;

/** Compares a password under the SignInGuard: a 429 while this address (or everyone) must wait, else 401 or ok. */
export function checkPassword(ctx: RouteContext, address: string, password: string): void {
  const wait = ctx.signIn.wait(address);
  if (wait > 0)
    throw new HttpError(429, 'passwordThrottled', `Too many wrong passwords; wait ${wait} s and try again.`, {
      params: { seconds: wait },
      retryAfterSeconds: wait,
    });
  // NFC on both sides: a password typed on a keyboard that composes "é" differently still matches.
  if (!sameSecret(password.normalize('NFC'), ctx.adminPassword.normalize('NFC'))) {
    ctx.signIn.failed(address);
    throw new HttpError(401, 'wrongPassword', 'Wrong teacher password.');
  }
  ctx.signIn.succeeded(address);
}

export function registerTeacherControls(app: FastifyInstance, ctx: RouteContext, preHandler: PreHandler): void {
  const { store, now } = ctx;

  app.post<{ Body: TeacherSignInRequest; Reply: TeacherSessionReply }>(
    '/api/teacher/session',
    { schema: SIGN_IN },
    async (request) => {
      limit(ctx.limiters.teacher, request.ip);
      checkPassword(ctx, request.ip, request.body.password);
      const { token, expiresAt } = ctx.sessions.open();
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post<CodeParams & { Body: CompetitionSettingsRequest; Reply: CompetitionReply }>(
    '/api/teacher/competitions/:code/settings',
    { preHandler, schema: SETTINGS },
    async (request) => {
      const c = await store.updateSettings((await competitionOr404(ctx, request.params.code)).code, request.body);
      if (!c)
        throw new HttpError(404, 'competitionNotFound', `No competition has the code ${request.params.code}.`, {
          params: { code: request.params.code },
        });
      return { competition: competitionView(c, now()) };
    },
  );

  app.post<CodeParams & { Body: ExtendRequest; Reply: CompetitionReply }>(
    '/api/teacher/competitions/:code/extend',
    { preHandler, schema: EXTEND },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const extended = await store.extendCompetition(c.code, request.body.minutes * 60, now());
      if (!extended) throw new HttpError(409, 'alreadyEnded', 'The competition has already ended.');
      return { competition: competitionView(extended, now()) };
    },
  );

  app.post<CodeParams & { Reply: CompetitionReply }>(
    '/api/teacher/competitions/:code/close-late',
    { preHandler, schema: TEACHER_CODE },
    async (request) => {
      const c = await store.closeLate((await competitionOr404(ctx, request.params.code)).code, now());
      if (!c)
        throw new HttpError(404, 'competitionNotFound', `No competition has the code ${request.params.code}.`, {
          params: { code: request.params.code },
        });
      return { competition: competitionView(c, now()) };
    },
  );

  app.post<CodeParams & { Body: RemovePlayerRequest; Reply: RemovePlayerReply }>(
    '/api/teacher/competitions/:code/readmit-player',
    { preHandler, schema: REMOVE_PLAYER },
    async (request) => {
      const c = await competitionOr404(ctx, request.params.code);
      const check = checkNickname(request.body.nickname);
      if (!check.ok || !(await store.removePlayer(c.id, check.key, false)))
        throw new HttpError(404, 'playerNotFound', `No player "${request.body.nickname}" in ${c.code}.`, {
          params: { nickname: request.body.nickname },
        });
      return { removed: '' };
    },
  );
}
