/**
 * Teacher sessions: the sign-in route (POST /api/teacher/session) checks the password from a JSON body — so any
 * password of 8+ characters works, spaces and non-ASCII included, which an HTTP header cannot carry — and answers
 * a random session token the teacher page sends as `Authorization: Bearer …`. Only token hashes are kept, in
 * memory: a server restart signs teachers out (the page signs in again).
 */
import { randomBytes } from 'node:crypto';
import { hashToken } from './identity';

export const SESSION_MS = 12 * 60 * 60_000;
const MAX_SESSIONS = 200;

export class TeacherSessions {
  private readonly sessions = new Map<string, number>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** A new session token (43 base64url characters) and when it expires. */
  open(): { token: string; expiresAt: Date } {
    const now = this.clock();
    for (const [hash, expires] of this.sessions) if (expires <= now) this.sessions.delete(hash);
    // The oldest goes first when a teacher signs in on many devices.
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(hashToken(token), now + SESSION_MS);
    return { token, expiresAt: new Date(now + SESSION_MS) };
  }

  valid(token: string): boolean {
    const expires = this.sessions.get(hashToken(token));
    return expires !== undefined && expires > this.clock();
  }

  close(token: string): void {
    this.sessions.delete(hashToken(token));
  }
}
