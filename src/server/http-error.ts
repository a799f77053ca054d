/** Refusals with a status and a sentence, and the one way a route reads an `Authorization: Bearer …` header. */
import type { FastifyRequest } from 'fastify';

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

/** The bearer credential (a student token or the teacher's password), or a 401 saying how to send one. */
export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  if (!match) throw new HttpError(401, 'Send "Authorization: Bearer <token>".');
  return match[1];
}
