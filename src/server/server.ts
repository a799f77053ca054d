/**
 * The classroom HTTP API (and the built game) on fastify: every route's schema comes from the classroom contract
 * (src/shared/classroom/api.ts), bodies are capped, students and addresses are rate-limited, and every refusal is
 * a 4xx with a sentence a teacher or student can act on. Scores are never read from the client: extra body
 * fields are stripped by the schema, and each submission is re-scored by the Rescorer from its payload.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { BoardReply, ErrorReply, HealthReply, LevelsReply } from '../shared/classroom/api';
import type { ProblemParams, RefusalCode } from '../shared/classroom/problems';
import { LEVELS, localize } from '../shared/levels';
import { isLocale } from '../shared/i18n/locales';
import { HttpError } from './http-error';
import { registerPages, type PagesOptions } from './pages';
import { RateLimiter, type RateLimit } from './rate-limit';
import { QueueFullError, RescoreFailedError, type RescoreService } from './rescore';
import { boardOf, competitionOr404, type RouteContext } from './route-context';
import { PUBLIC_CODE } from './route-schemas';
import { registerStudentRoutes } from './routes-student';
import { registerTeacherRoutes } from './routes-teacher';
import { securityHeaders } from './security-headers';
import { SignInGuard } from './sign-in-guard';
import { serveStatic } from './static-files';
import { TeacherSessions } from './teacher-sessions';
import { TicketMint } from './tickets';
import type { ClassroomStore } from './store';
import type { Verifier } from './verification';
import { VerificationQueue } from './verification-queue';

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
  /** Password guessing limits (tests pass one with a clock they move). */
  signInGuard?: SignInGuard;
  /** The process's verification worker (omitted: uploads are queued for workers elsewhere). */
  verifier?: Verifier;
}

export interface ServerLimits {
  /** Request body cap in bytes (a solution payload is at most PAYLOAD_LIMITS.jsonChars). */
  bodyBytes: number;
  /** Body cap of POST /api/submissions/trained only (a float16 model in base64 and its settings). */
  modelBodyBytes: number;
  /** Per student token: submissions and other student calls. */
  student: RateLimit;
  /** Per address: joins and anything unauthenticated that writes. */
  address: RateLimit;
  /** Per address: teacher calls (wrong passwords are slowed further by the SignInGuard). */
  teacher: RateLimit;
  /** Per address: joins (a whole class may share one school NAT address). */
  join: RateLimit;
  /** Per competition: joins from all addresses together. */
  joinClass: RateLimit;
  /** Per address: requests whose student token is malformed or unknown; default: the same as `student`. */
  unknownToken?: RateLimit;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 24 * 1024,
  // The largest model a trained level allows (MAX_MODEL_BASE64_CHARS) and its settings; after decompression.
  modelBodyBytes: 8_200_000,
  student: { burst: 10, perSecond: 2 },
  // A whole class may share one address behind a school NAT: room for everyone joining at once.
  address: { burst: 120, perSecond: 10 },
  teacher: { burst: 60, perSecond: 10 },
  // A class of 60 behind one address can all join at once; then one join every 2 s per address.
  join: { burst: 60, perSecond: 0.5 },
  joinClass: { burst: 120, perSecond: 1 },
};

/** Every refusal has this shape (the contract's ErrorReply). */
const refusal = (
  error: string,
  code: RefusalCode,
  message: string,
  params?: ProblemParams,
  problems?: readonly string[],
): ErrorReply => ({
  error,
  code,
  message,
  ...(params ? { params } : {}),
  ...(problems ? { problems: [...problems] } : {}),
});

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, rescorer } = options;
  const now = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ticketKey = await store.guards.secret('attempt-tickets', TicketMint.newKey);
  const ctx: RouteContext = {
    store,
    rescorer,
    now,
    adminPassword: options.adminPassword,
    limiters: {
      student: new RateLimiter(limits.student),
      address: new RateLimiter(limits.address),
      teacher: new RateLimiter(limits.teacher),
      join: new RateLimiter(limits.join),
      joinClass: new RateLimiter(limits.joinClass),
      unknownToken: new RateLimiter(limits.unknownToken ?? limits.student),
    },
    signIn: options.signInGuard ?? new SignInGuard(),
    sessions: new TeacherSessions(),
    tickets: new TicketMint(Buffer.from(ticketKey, 'base64url')),
    verification: {
      queue: options.verifier?.queue ?? new VerificationQueue(store.db),
      verifier: options.verifier ?? null,
    },
    modelBodyBytes: limits.modelBodyBytes,
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyBytes,
    requestTimeout: 180_000,
    // Types are checked, not coerced: "3" is not a seed. Unknown fields are dropped (a claimed score is ignored).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: false } },
  });

  await securityHeaders(app);
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply
        .code(error.statusCode)
        .send(
          refusal(error.statusCode < 500 ? 'Refused' : 'Error', error.code, error.message, error.params, error.details),
        );
    }
    if (error instanceof QueueFullError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(503).send(refusal('Busy', 'busy', error.message, { seconds: error.retryAfterSeconds }));
    }
    if (error instanceof RescoreFailedError) {
      // Nothing was stored for this attempt. A lost thread is worth a retry (503); a failing measurement is not.
      console.error('[classroom] re-scoring failed:', error.message);
      if (error.retryable) reply.header('retry-after', '2');
      return reply
        .code(error.retryable ? 503 : 500)
        .send(refusal('Error', error.retryable ? 'scoringUnavailable' : 'scoringFailed', error.message));
    }
    const status = error.statusCode ?? 500;
    if ((error as FastifyError).validation) {
      return reply
        .code(400)
        .send(
          refusal(
            'Bad Request',
            'requestInvalid',
            `The request does not match what this route accepts: ${error.message}.`,
          ),
        );
    }
    if (status >= 400 && status < 500) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const bytes = request.url.startsWith('/api/submissions/trained') ? limits.modelBodyBytes : limits.bodyBytes;
        const message = `The request body is too large (at most ${bytes} bytes).`;
        return reply.code(status).send(refusal('Bad Request', 'bodyTooLarge', message, { bytes }));
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return reply
          .code(status)
          .send(refusal('Bad Request', 'notJson', 'Send JSON with "Content-Type: application/json".'));
      return reply.code(status).send(refusal('Bad Request', 'requestInvalid', error.message));
    }
    request.log.error(error);
    console.error('[classroom] internal error:', error);
    return reply
      .code(500)
      .send(
        refusal(
          'Error',
          'serverError',
          'Something went wrong on the server; the teacher can see the details in its log.',
        ),
      );
  });

  app.get<{ Reply: HealthReply }>('/api/health', async () => {
    const backlog = await ctx.verification.queue.backlog();
    return {
      ok: true,
      rescoring: {
        backend: rescorer.backend,
        pending: rescorer.pending,
        verifyLanes: options.verifier?.lanes ?? 0,
        verifyQueued: backlog.queued + backlog.running,
      },
      database: store.db.kind,
    };
  });

  // Titles in `?lang=` (the teacher page asks in its own language), else English.
  app.get<{ Querystring: { lang?: string }; Reply: LevelsReply }>('/api/levels', async (request) => ({
    levels: LEVELS.map((l) => ({
      id: l.id,
      world: l.world,
      order: l.order,
      title: localize(l.title, isLocale(request.query?.lang) ? request.query.lang : 'en'),
      kind: l.solution.kind,
      trained: l.setup.kind === 'trained',
    })),
  }));

  // The projector's board: public, no login.
  app.get<{ Params: { code: string }; Reply: BoardReply }>(
    '/api/competitions/:code/board',
    { schema: PUBLIC_CODE },
    async (request) => {
      const { competition, rows, players } = await boardOf(ctx, await competitionOr404(ctx, request.params.code));
      // Hidden ranking: the projector shows how many play, not who leads (each student sees their own rank).
      return { competition, rows: competition.rankingHidden ? [] : rows, players };
    },
  );

  registerTeacherRoutes(app, ctx);
  registerStudentRoutes(app, ctx);
  if (!options.distDir)
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send(refusal('Not Found', 'noRoute', `No route ${request.method} ${request.url.slice(0, 200)}.`)),
    );
  registerPages(app, {
    ...options.pages,
    competitionLanguage: async (code) => (await options.store.competitionByCode(code))?.language ?? null,
  });
  if (options.distDir) await serveStatic(app, options.distDir);
  return app;
}
