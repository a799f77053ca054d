/** Refusals with a status, a machine code and a sentence, and the one way a route reads a bearer header. */
import type { FastifyRequest } from 'fastify';
import type { ProblemParams, RefusalCode } from '../shared/classroom/problems';

export interface RefusalExtras {
  /** What the code's catalogue message fills (SERVER_REFUSALS lists the names). */
  params?: ProblemParams;
  /** An invalid payload's problems. */
  details?: readonly string[];
  retryAfterSeconds?: number;
}

/**
 * A refusal: a status, a stable `code` (src/shared/classroom/problems.ts: the game shows it in the player's
 * language) and an English message for API users and logs.
 */
export class HttpError extends Error {
  readonly params?: ProblemParams;
  readonly details?: readonly string[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly statusCode: number,
    readonly code: RefusalCode,
    message: string,
    extras: RefusalExtras = {},
  ) {
    super(message);
    this.params = extras.params;
    this.details = extras.details;
    this.retryAfterSeconds = extras.retryAfterSeconds;
  }
}

/** The bearer credential (a student token or the teacher's password), or a 401 saying how to send one. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  if (!match) throw new HttpError(401, 'bearerMissing', 'Send "Authorization: Bearer <token>".');
  return match[1];
}
