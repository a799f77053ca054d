/**
 * The game's HTTP client for the classroom server it was served from (same origin: the only network calls the
 * game makes). Requests and replies follow the classroom contract (src/shared/classroom/api.ts): every reply is
 * parsed with its schema before the game believes it. Every answer is one of: ok with a checked body, `retry`
 * (unreachable, timed out, busy, rate limited, or a reply that breaks the contract: worth sending again with the
 * same idempotency key) or `refused` (the server said no and why: sending it again would not help).
 */
import type { z } from 'zod';
import {
  ErrorReplySchema,
  JoinReplySchema,
  MeReplySchema,
  SubmissionReplySchema,
  type JoinReply,
  type JoinRequest,
  type MeReply,
  type SubmissionReply,
  type SubmissionRequest as WireSubmission,
  type TrainedSubmissionRequest,
} from '../../shared/classroom/api';
import type { ClassProblem } from '../../shared/classroom/problems';
import type { SolutionPayload } from '../../shared/levels';

/** Not ok: the problem by code (problems.ts; shown in the player's language by problem-text.ts). */
export type Reply<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'retry'; status: number; problem: ClassProblem; retryAfterMs: number | null }
  | { kind: 'refused'; status: number; problem: ClassProblem };

export interface ClassroomClientOptions {
  /** '' for the page's own origin (the game), or http://host:port (Node tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Join and status calls. */
  timeoutMs?: number;
  /** Submissions: the server may re-train a small model to score one (tens of seconds on a busy laptop). */
  submitTimeoutMs?: number;
}

/** The contract's submission with the game's own payload type; `attemptedAt` (ISO) is always sent. */
export interface SubmissionRequest extends Omit<WireSubmission, 'payload' | 'attemptedAt'> {
  payload: SolutionPayload;
  /** When the attempt was finished (informative: the server never trusts it). */
  attemptedAt: string;
}

export class ClassroomClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly submitTimeoutMs: number;

  constructor(options: ClassroomClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.submitTimeoutMs = options.submitTimeoutMs ?? 180_000;
  }

  join(code: string, nickname: string, device?: string): Promise<Reply<JoinReply>> {
    const body: JoinRequest = { code, nickname, ...(device ? { device } : {}) };
    return this.request('POST', '/api/join', JoinReplySchema, { body });
  }

  me(token: string): Promise<Reply<MeReply>> {
    return this.request('GET', '/api/me', MeReplySchema, { token });
  }

  submit(token: string, submission: SubmissionRequest): Promise<Reply<SubmissionReply>> {
    return this.request('POST', '/api/submissions', SubmissionReplySchema, {
      token,
      body: submission,
      timeoutMs: this.submitTimeoutMs,
    });
  }

  /** A trained level's attempt with its model (the large-body route): scored at once, verified later. */
  submitTrained(token: string, submission: TrainedSubmissionRequest): Promise<Reply<SubmissionReply>> {
    return this.request('POST', '/api/submissions/trained', SubmissionReplySchema, {
      token,
      body: submission,
      timeoutMs: this.submitTimeoutMs,
      gzip: true,
    });
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    /** gzip: compress the body (Content-Encoding: gzip) where the browser can; the model route reads it. */
    options: { token?: string; body?: unknown; timeoutMs?: number; gzip?: boolean },
  ): Promise<Reply<z.infer<S>>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? this.timeoutMs);
    let response: Response;
    try {
      const headers: Record<string, string> = {};
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Blob | undefined = options.body === undefined ? undefined : JSON.stringify(options.body);
      if (options.gzip && typeof body === 'string' && typeof CompressionStream === 'function') {
        body = await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
        headers['content-encoding'] = 'gzip';
      }
      response = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        body,
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (error) {
      const detail = String((error as Error)?.message ?? error).slice(0, 200);
      const problem: ClassProblem = controller.signal.aborted
        ? { code: 'timeout', message: 'The class server did not answer in time.' }
        : { code: 'unreachable', params: { detail }, message: `The class server cannot be reached (${detail}).` };
      return { kind: 'retry', status: 0, problem, retryAfterMs: null };
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', status: response.status, body: parsed.data };
      // A 2xx we cannot read is not a refusal of the attempt: try again later (a replay is idempotent).
      return {
        kind: 'retry',
        status: response.status,
        problem: {
          code: 'unreadableReply',
          message: 'The class server sent an answer the game cannot read; it will try again.',
        },
        retryAfterMs: null,
      };
    }
    const error = ErrorReplySchema.safeParse(json);
    // An older server (or a proxy's page) sends no code: the status stands in for it.
    const problem: ClassProblem =
      error.success && error.data.code
        ? {
            code: error.data.code,
            ...(error.data.params ? { params: error.data.params } : {}),
            message: error.data.message,
          }
        : {
            code: 'httpStatus',
            params: { status: response.status },
            message: error.success ? error.data.message : `The class server answered ${response.status}.`,
          };
    if (response.status === 429 || response.status >= 500 || response.status === 408) {
      const after = Number(response.headers.get('retry-after'));
      return {
        kind: 'retry',
        status: response.status,
        problem,
        retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : null,
      };
    }
    return { kind: 'refused', status: response.status, problem };
  }
}
