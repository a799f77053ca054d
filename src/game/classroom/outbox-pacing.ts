/**
 * How the outbox paces itself: the retry backoff after a failed send, and which attempt tickets it keeps (the
 * server's evidence that an attempt was made before the end; see src/server/late-arrivals.ts).
 */

const MAX_BACKOFF_MS = 30_000;
/** Attempt tickets kept (the server allows at most 8 attempts after the end per student). */
const KEEP_TICKETS = 8;

/** min(30 s, 1 s·2^(tries−1)), spread ±25 % so a classroom coming back online does not retry in lockstep. */
export function backoffMs(tries: number, random: () => number): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, tries - 1));
  return Math.round(base * (0.75 + 0.5 * random()));
}

/** Newest first, at most KEEP_TICKETS. */
export const freshTickets = (fresh: readonly string[], kept: readonly string[]): string[] =>
  [...fresh, ...kept].slice(0, KEEP_TICKETS);
