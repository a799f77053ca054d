/**
 * Attempt tickets: "stop means stop". After the end (the teacher's Stop or the clock), an attempt counts only when
 * it carries a ticket this server signed for this player before the end, within the grace period, while the
 * teacher has not closed it, and at most LATE_TICKETS per player, each ticket once. The game collects tickets
 * while online (join, /api/me, every acknowledged submission) and ties one to each attempt when it is made, so a
 * student whose wifi dropped still has them; the time the client writes is never read.
 *
 * A ticket is `<player>.<issued ms, base36>.<nonce>.<HMAC-SHA256, 128 bits>` with a key kept in the database
 * (server_secrets), so every server on one database, and a restarted one, accepts it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tickets handed out per reply; the game keeps at most this many too. */
export const TICKETS_PER_REPLY = 4;
/** The most attempts one player can add after the end. */
export const LATE_TICKETS = 8;

export interface TicketClaim {
  playerId: number;
  issuedAt: Date;
  nonce: string;
}

export class TicketMint {
  constructor(private readonly key: Buffer) {}

  static newKey(): string {
    return randomBytes(32).toString('base64url');
  }

  issue(playerId: number, now: Date, count = TICKETS_PER_REPLY): string[] {
    return Array.from({ length: count }, () => {
      const body = `${playerId}.${now.getTime().toString(36)}.${randomBytes(12).toString('base64url')}`;
      return `${body}.${this.sign(body)}`;
    });
  }

  /** The claim of a well-formed, correctly signed ticket of `playerId`; null for anything else. */
  read(ticket: string | undefined, playerId: number): TicketClaim | null {
    const parts = ticket?.split('.');
    if (!parts || parts.length !== 4) return null;
    const [player, issued, nonce, mac] = parts;
    const expected = Buffer.from(this.sign(`${player}.${issued}.${nonce}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(player) !== playerId) return null;
    const at = parseInt(issued, 36);
    return Number.isFinite(at) ? { playerId, issuedAt: new Date(at), nonce } : null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 16).toString('base64url');
  }
}
