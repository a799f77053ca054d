/** What every group of routes needs: the store, the re-scorer, the clock, the rate limits, the teacher's password. */
import type { BoardReply } from '../shared/classroom/api';
import { HttpError } from './http-error';
import type { RateLimiter } from './rate-limit';
import type { RescoreService } from './rescore';
import type { SignInGuard } from './sign-in-guard';
import type { TeacherSessions } from './teacher-sessions';
import type { TicketMint } from './tickets';
import { leaderboard, levelResults, type LevelResult } from './results';
import type { ClassroomStore, Competition } from './store';
import type { Verifier } from './verification';
import type { VerificationQueue } from './verification-queue';
import { competitionView } from './views';

export interface RouteContext {
  store: ClassroomStore;
  rescorer: RescoreService;
  now: () => Date;
  adminPassword: string;
  limiters: {
    student: RateLimiter;
    address: RateLimiter;
    teacher: RateLimiter;
    /** Joins per address, and per competition. */
    join: RateLimiter;
    joinClass: RateLimiter;
    /** Requests with a malformed or unknown student token, per address. */
    unknownToken: RateLimiter;
  };
  signIn: SignInGuard;
  sessions: TeacherSessions;
  tickets: TicketMint;
  /** The queue every uploaded-model attempt is filed in; the verifier of this process (null: none runs here). */
  verification: { queue: VerificationQueue; verifier: Verifier | null };
  /** Body cap of the model-upload route (the only large one). */
  modelBodyBytes: number;
}

/** Takes one request from `key`'s bucket, or refuses with 429 and the seconds to wait. */
export function limit(limiter: RateLimiter, key: string): void {
  const wait = limiter.take(key);
  if (wait > 0)
    throw new HttpError(429, 'throttled', `Too many requests; wait ${wait} s and try again.`, {
      params: { seconds: wait },
      retryAfterSeconds: wait,
    });
}

export async function competitionOr404(ctx: RouteContext, code: string): Promise<Competition> {
  const c = await ctx.store.competitionByCode(code);
  if (!c) throw new HttpError(404, 'competitionNotFound', `No competition has the code ${code}.`, { params: { code } });
  return c;
}

/** The full ranking (the teacher's and each student's own rank), and the per-level results it was ranked from. */
export async function boardOf(ctx: RouteContext, c: Competition): Promise<BoardReply & { results: LevelResult[] }> {
  const [subs, players] = await Promise.all([ctx.store.submissions(c.id), ctx.store.players(c.id)]);
  const results = levelResults(c, subs);
  const rows = leaderboard(results, players);
  return { competition: competitionView(c, ctx.now()), rows, players: rows.length, results };
}
