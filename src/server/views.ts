/**
 * What the API says about stored things (the reply shapes of the contract in src/shared/classroom/api.ts) and
 * the competition's clock rules: when it is over, and how long late arrivals may come (late-arrivals.ts).
 */
import { createHash } from 'node:crypto';
import { MAX_SEED, type CompetitionView, type SubmissionView } from '../shared/classroom/api';
import type { Competition, Submission } from './store';

/** Per-student seed in 'variant' mode: equally hard, different numbers (trained levels). */
export function seedFor(competition: Competition, playerId: number): number {
  if (competition.variantMode === 'same') return competition.seed;
  const h = createHash('sha256').update(`${competition.seed}:${playerId}`).digest();
  return h.readUInt32BE(0) & MAX_SEED;
}

export const isOver = (c: Competition, now: Date): boolean =>
  c.state === 'ended' || (c.endsAt !== null && now >= c.endsAt);

export function competitionView(c: Competition, now: Date): CompetitionView {
  return {
    code: c.code,
    title: c.title,
    levels: c.levels,
    seed: c.seed,
    variantMode: c.variantMode,
    durationSeconds: c.durationSeconds,
    language: c.language,
    state: isOver(c, now) ? 'ended' : c.state,
    startedAt: c.startedAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    secondsLeft:
      c.state === 'running' && c.endsAt
        ? Math.max(0, Math.round((c.endsAt.getTime() - now.getTime()) / 1000))
        : c.state === 'draft'
          ? c.durationSeconds
          : 0,
    maxPlayers: c.maxPlayers,
    rankingHidden: c.rankingHidden,
    lateClosed: c.lateClosed,
  };
}

export function submissionView(s: Submission, replayed: boolean): SubmissionView {
  return {
    id: s.id,
    levelId: s.levelId,
    idempotencyKey: s.idempotencyKey,
    score: s.score,
    stars: s.stars,
    goalMet: s.goalMet,
    detail: s.detail,
    createdAt: s.createdAt.toISOString(),
    replayed,
    verification: s.verification,
    evaluatedScore: s.evaluatedScore,
  };
}

/** How long after the end an attempt begun before it may still arrive (a classroom's wifi coming back; tickets.ts). */
export const LATE_GRACE_MS = 10 * 60_000;

/** Stable hash of what was submitted, so a replay with a different solution under the same key is caught. */
export function payloadHash(levelId: string, payload: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([levelId, payload]))
    .digest('hex');
}
