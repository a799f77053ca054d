/**
 * The verification queue: one SQL table (migration 4), the same statements on PGlite and PostgreSQL. Claiming
 * uses `FOR UPDATE SKIP LOCKED`, so any number of server processes and `npm run classroom:worker` processes on
 * one PostgreSQL database take distinct jobs without a broker (pg-boss would need Node 22; graphile-worker adds
 * its own schema and process model for what is here one table and four statements). On PGlite (one process) the
 * same statements run in-process and the table persists with the data directory: a restart loses nothing.
 *
 * Rules (issue #11): only a player's current best per level is queued; a newer best cancels the queued or
 * running verification of that level (a running one finishes unused); at most one job per player and level
 * waits; jobs are claimed round-robin across players (the player served longest ago first).
 */
import type { Verification } from '../shared/classroom/api';
import { getLevel, isBetterAttempt, type SolutionPayload } from '../shared/levels';
import type { Database, Queryable } from './db/database';
import { submission, SUBMISSION_COLUMNS, type Submission, type SubmissionRow } from './store';

export interface VerificationJob {
  id: number;
  submissionId: number;
  competitionId: number;
  playerId: number;
  levelId: string;
  seed: number;
  tries: number;
  payload: SolutionPayload;
  /** What the uploaded model got (what the re-training is compared with). */
  score: number;
  stars: number;
  goalMet: boolean;
}

export interface VerificationCounts {
  pending: number;
  verified: number;
  corrected: number;
  failed: number;
}

export interface Verdict {
  verification: Extract<Verification, 'verified' | 'corrected'>;
  score: number;
  stars: number;
  goalMet: boolean;
  detail: Readonly<Record<string, number>>;
}

/** A job is tried this many times (a crashed or timed-out thread, a worker that vanished) before it fails. */
export const MAX_TRIES = 3;

const better = (levelId: string, a: Submission, b: Submission): boolean =>
  isBetterAttempt(getLevel(levelId)?.metric.direction ?? 'higher', a, b);

export class VerificationQueue {
  constructor(private readonly db: Database) {}

  /**
   * Files a just-stored uploaded-model submission: queued for re-training when it is now the player's best on
   * its level (cancelling the verification of the best it replaces), else marked 'unchecked'. Returns its state.
   */
  async file(s: Submission, seed: number, now: Date): Promise<Verification> {
    return this.db.transaction(async (tx) => {
      // One filing per player at a time: two uploads racing cannot both become "the" queued best.
      await tx.query('SELECT id FROM players WHERE id = $1 FOR UPDATE', [s.playerId]);
      const rows = await tx.query<SubmissionRow>(
        `SELECT ${SUBMISSION_COLUMNS} FROM submissions s JOIN players p ON p.id = s.player_id
         WHERE s.player_id = $1 AND s.level_id = $2 AND s.id <> $3`,
        [s.playerId, s.levelId, s.id],
      );
      const improves = rows.map(submission).every((other) => better(s.levelId, s, other));
      if (!improves) {
        await tx.query(`UPDATE submissions SET verification = 'unchecked' WHERE id = $1`, [s.id]);
        return 'unchecked';
      }
      await this.cancelWaiting(tx, s.playerId, s.levelId, now, 'superseded by a better attempt');
      await tx.query(
        `INSERT INTO verification_jobs (submission_id, competition_id, player_id, level_id, seed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.id, s.competitionId, s.playerId, s.levelId, seed, now],
      );
      await tx.query(`UPDATE submissions SET verification = 'pending' WHERE id = $1`, [s.id]);
      return 'pending';
    });
  }

  /** Cancels the queued and running verifications of a player (one level, or all of them: a removed player). */
  async cancelWaiting(q: Queryable, playerId: number, levelId: string | null, now: Date, note: string): Promise<void> {
    const cancelled = await q.query<{ submission_id: number }>(
      `UPDATE verification_jobs SET state = 'cancelled', finished_at = $3, note = $4
       WHERE player_id = $1 AND ($2::text IS NULL OR level_id = $2) AND state IN ('queued', 'running')
       RETURNING submission_id`,
      [playerId, levelId, now, note],
    );
    // Their scores are no longer a best: they stay as evaluated, never re-trained.
    for (const c of cancelled)
      await q.query(`UPDATE submissions SET verification = 'unchecked' WHERE id = $1 AND verification = 'pending'`, [
        c.submission_id,
      ]);
  }

  /** Takes the next job for `worker`: the queued job of the player served longest ago (never served: first). */
  async claim(worker: string, now: Date): Promise<VerificationJob | null> {
    const rows = await this.db.query<{
      id: number;
      submission_id: number;
      competition_id: number;
      player_id: number;
      level_id: string;
      seed: number;
      tries: number;
    }>(
      `WITH next AS (
         SELECT j.id FROM verification_jobs j
         WHERE j.state = 'queued'
         ORDER BY (SELECT max(k.started_at) FROM verification_jobs k WHERE k.player_id = j.player_id) ASC NULLS FIRST, j.id
         LIMIT 1 FOR UPDATE OF j SKIP LOCKED)
       UPDATE verification_jobs v SET state = 'running', started_at = $1, worker = $2, tries = v.tries + 1
       FROM next WHERE v.id = next.id
       RETURNING v.id, v.submission_id, v.competition_id, v.player_id, v.level_id, v.seed, v.tries`,
      [now, worker],
    );
    const r = rows[0];
    if (!r) return null;
    const sub = await this.db.query<{ payload: SolutionPayload; score: number; stars: number; goal_met: boolean }>(
      'SELECT payload, score, stars, goal_met FROM submissions WHERE id = $1',
      [r.submission_id],
    );
    if (!sub[0]) return null;
    return {
      id: r.id,
      submissionId: r.submission_id,
      competitionId: r.competition_id,
      playerId: r.player_id,
      levelId: r.level_id,
      seed: Number(r.seed),
      tries: Number(r.tries),
      payload: sub[0].payload,
      score: Number(sub[0].score),
      stars: Number(sub[0].stars),
      goalMet: sub[0].goal_met,
    };
  }

  /**
   * Records a re-training's verdict, unless the job was cancelled meanwhile (a newer best): false then, and the
   * result is dropped. A correction keeps the uploaded model's score in `evaluated_score` for the teacher.
   */
  async complete(jobId: number, verdict: Verdict, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const done = await tx.query<{ submission_id: number }>(
        `UPDATE verification_jobs SET state = 'done', finished_at = $2, note = $3
         WHERE id = $1 AND state = 'running' RETURNING submission_id`,
        [jobId, now, verdict.verification],
      );
      if (!done[0]) return false;
      if (verdict.verification === 'verified') {
        await tx.query(`UPDATE submissions SET verification = 'verified' WHERE id = $1`, [done[0].submission_id]);
        return true;
      }
      await tx.query(
        `UPDATE submissions SET verification = 'corrected', evaluated_score = score, score = $2, stars = $3,
             goal_met = $4, detail = $5::jsonb WHERE id = $1`,
        [done[0].submission_id, verdict.score, verdict.stars, verdict.goalMet, JSON.stringify(verdict.detail)],
      );
      // The corrected score may no longer be the best: an earlier attempt, never re-trained, is now; queue it.
      await this.requeueBest(tx, done[0].submission_id, now);
      return true;
    });
  }

  private async requeueBest(tx: Queryable, correctedId: number, now: Date): Promise<void> {
    const job = await tx.query<{ player_id: number; level_id: string; seed: number; competition_id: number }>(
      'SELECT player_id, level_id, seed, competition_id FROM verification_jobs WHERE submission_id = $1 LIMIT 1',
      [correctedId],
    );
    const j = job[0];
    if (!j) return;
    const rows = await tx.query<SubmissionRow>(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions s JOIN players p ON p.id = s.player_id
       WHERE s.player_id = $1 AND s.level_id = $2 ORDER BY s.created_at, s.id`,
      [j.player_id, j.level_id],
    );
    const subs = rows.map(submission);
    const best = subs.reduce((b, s) => (better(j.level_id, s, b) ? s : b), subs[0]);
    if (!best || best.verification !== 'unchecked') return;
    await tx.query(
      `INSERT INTO verification_jobs (submission_id, competition_id, player_id, level_id, seed, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [best.id, j.competition_id, j.player_id, j.level_id, j.seed, now],
    );
    await tx.query(`UPDATE submissions SET verification = 'pending' WHERE id = $1`, [best.id]);
  }

  /** A job that could not run: back in the queue while tries remain (and no newer best waits), else failed. */
  async release(job: VerificationJob, note: string, now: Date, retry: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      const again = retry && job.tries < MAX_TRIES;
      const waiting = await tx.query<{ id: number }>(
        `SELECT id FROM verification_jobs WHERE player_id = $1 AND level_id = $2 AND state = 'queued'`,
        [job.playerId, job.levelId],
      );
      if (again && waiting.length === 0) {
        await tx.query(
          `UPDATE verification_jobs SET state = 'queued', worker = NULL, note = $2 WHERE id = $1 AND state = 'running'`,
          [job.id, note],
        );
        return;
      }
      const failed = await tx.query<{ id: number }>(
        `UPDATE verification_jobs SET state = $2, finished_at = $3, note = $4 WHERE id = $1 AND state = 'running' RETURNING id`,
        [job.id, waiting.length > 0 ? 'cancelled' : 'failed', now, note],
      );
      if (failed.length > 0 && waiting.length === 0)
        await tx.query(`UPDATE submissions SET verification = 'failed' WHERE id = $1 AND verification = 'pending'`, [
          job.submissionId,
        ]);
    });
  }

  /**
   * Puts back jobs left 'running' by a worker that stopped: this worker's own (at its start: it holds none yet)
   * and anyone's started before `staleBefore` (longer than any job may run). Returns how many.
   */
  async requeueStale(worker: string, staleBefore: Date): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      `UPDATE verification_jobs j SET state = 'queued', worker = NULL, note = 'requeued after a stop'
       WHERE j.state = 'running' AND (j.worker = $1 OR j.started_at < $2)
         AND NOT EXISTS (SELECT 1 FROM verification_jobs q
                         WHERE q.player_id = j.player_id AND q.level_id = j.level_id AND q.state = 'queued')
       RETURNING j.id`,
      [worker, staleBefore],
    );
    return rows.length;
  }

  /** Jobs queued and running (all competitions). */
  async backlog(): Promise<{ queued: number; running: number }> {
    const rows = await this.db.query<{ state: string; n: number | string }>(
      `SELECT state, count(*) AS n FROM verification_jobs WHERE state IN ('queued', 'running') GROUP BY state`,
    );
    const of = (state: string): number => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return { queued: of('queued'), running: of('running') };
  }

  /** Jobs by state for one competition (tests, diagnostics). */
  async jobs(competitionId: number): Promise<{ id: number; playerId: number; levelId: string; state: string }[]> {
    const rows = await this.db.query<{ id: number; player_id: number; level_id: string; state: string }>(
      'SELECT id, player_id, level_id, state FROM verification_jobs WHERE competition_id = $1 ORDER BY id',
      [competitionId],
    );
    return rows.map((r) => ({ id: r.id, playerId: r.player_id, levelId: r.level_id, state: r.state }));
  }
}

/** The board's and the teacher's view: best scores by how far they are checked (from levelResults' bests). */
export function countVerification(bests: readonly { verification: Verification }[]): VerificationCounts {
  const counts: VerificationCounts = { pending: 0, verified: 0, corrected: 0, failed: 0 };
  for (const b of bests) {
    if (b.verification === 'pending' || b.verification === 'unchecked') counts.pending++;
    else if (b.verification === 'corrected') counts.corrected++;
    else if (b.verification === 'failed') counts.failed++;
    else counts.verified++;
  }
  return counts;
}
