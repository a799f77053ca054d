/**
 * Which submissions arriving after the end still count (tickets.ts says why): a valid, unspent ticket issued to
 * this player before the end, within the grace period, the window not closed by the teacher, at most LATE_TICKETS.
 * The check runs before scoring; the ticket is spent only when the scored attempt is about to be stored, so a
 * retried request (the scorer was busy) does not lose its ticket.
 */
import { HttpError } from './http-error';
import type { GuardStore } from './guard-store';
import type { Competition, Player } from './store';
import { LATE_TICKETS, type TicketClaim, type TicketMint } from './tickets';
import { LATE_GRACE_MS } from './views';

export const CLOSED = 'The competition has ended; submissions are closed.';

/** The ticket that lets this late attempt count, or a 403. */
export async function lateTicket(
  guards: GuardStore,
  mint: TicketMint,
  c: Competition,
  player: Player,
  ticket: string | undefined,
  received: Date,
): Promise<TicketClaim> {
  if (c.lateClosed || !c.endsAt || received.getTime() - c.endsAt.getTime() > LATE_GRACE_MS)
    throw new HttpError(403, 'submissionsClosed', CLOSED);
  const claim = mint.read(ticket, player.id);
  if (!claim || claim.issuedAt.getTime() > c.endsAt.getTime()) throw new HttpError(403, 'submissionsClosed', CLOSED);
  if ((await guards.ticketsSpent(player.id)) >= LATE_TICKETS)
    throw new HttpError(403, 'lateLimit', `${CLOSED} (At most ${LATE_TICKETS} attempts count after the end.)`, {
      params: { count: LATE_TICKETS },
    });
  return claim;
}

export async function spendLateTicket(guards: GuardStore, claim: TicketClaim, received: Date): Promise<void> {
  if (!(await guards.spendTicket(claim.nonce, claim.playerId, received)))
    throw new HttpError(403, 'ticketUsed', `${CLOSED} (This attempt's ticket was already used.)`);
}
