/**
 * The classroom's storage: competitions, players and submissions, in plain parameterised SQL that runs
 * unchanged on PGlite and PostgreSQL. Times come from the caller's clock so tests can move it.
 */
import type { CompetitionView, Verification } from '../shared/classroom/api';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../shared/i18n/locales';
import type { Database, Queryable } from './db/database';
import { migrate } from './db/migrations';
import { GuardStore } from './guard-store';

/** The same words the API uses (src/shared/classroom/api.ts). */
export type CompetitionState = CompetitionView['state'];
export type VariantMode = CompetitionView['variantMode'];

export interface Competition {
  id: number;
  code: string;
  title: string;
  levels: string[];
  seed: number;
  variantMode: VariantMode;
  durationSeconds: number;
  /** The language the teacher chose: the board, the join link and the CSV speak it. */
  language: Locale;
  state: CompetitionState;
  createdAt: Date;
  startedAt: Date | null;
  endsAt: Date | null;
  /** Class size: joins beyond it are refused. */
  maxPlayers: number;
  /** Students (and the board) see no ranking, each only their own rank. */
  rankingHidden: boolean;
  /** The teacher closed the late-arrival window: after the end nothing more counts. */
  lateClosed: boolean;
}

export interface NewCompetition {
  code: string;
  title: string;
  levels: readonly string[];
  seed: number;
  variantMode: VariantMode;
  durationSeconds: number;
  /** Omitted: English. */
  language?: Locale;
  maxPlayers?: number;
  rankingHidden?: boolean;
}

/** What the teacher can change on a competition at any time. */
export interface CompetitionSettings {
  maxPlayers?: number;
  rankingHidden?: boolean;
}

export interface Player {
  id: number;
  competitionId: number;
  nickname: string;
  removed: boolean;
  joinedAt: Date;
}

export interface NewSubmission {
  competitionId: number;
  playerId: number;
  levelId: string;
  idempotencyKey: string;
  payload: unknown;
  payloadHash: string;
  score: number;
  stars: number;
  goalMet: boolean;
  detail: Readonly<Record<string, number>>;
  createdAt: Date;
  /** Default 'verified' (the server computed the score from the solution itself). */
  verification?: Verification;
}

export interface Submission extends NewSubmission {
  id: number;
  nickname: string;
  verification: Verification;
  /** The uploaded model's score when a re-training corrected it. */
  evaluatedScore: number | null;
}

interface CompetitionRow {
  id: number;
  code: string;
  title: string;
  levels: string[];
  seed: number;
  variant_mode: VariantMode;
  duration_seconds: number;
  language: string;
  state: CompetitionState;
  created_at: Date | string;
  started_at: Date | string | null;
  ends_at: Date | string | null;
  max_players: number;
  ranking_hidden: boolean;
  late_closed: boolean;
}

interface PlayerRow {
  id: number;
  competition_id: number;
  nickname: string;
  removed: boolean;
  joined_at: Date | string;
}

export interface SubmissionRow {
  id: number;
  competition_id: number;
  player_id: number;
  nickname: string;
  level_id: string;
  idempotency_key: string;
  payload: unknown;
  payload_hash: string;
  score: number;
  stars: number;
  goal_met: boolean;
  detail: Record<string, number>;
  created_at: Date | string;
  verification: Verification;
  evaluated_score: number | null;
}

const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const maybeDate = (v: Date | string | null): Date | null => (v === null ? null : date(v));

function competition(r: CompetitionRow): Competition {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    levels: r.levels,
    seed: Number(r.seed),
    variantMode: r.variant_mode,
    durationSeconds: r.duration_seconds,
    language: isLocale(r.language) ? r.language : DEFAULT_LOCALE,
    state: r.state,
    createdAt: date(r.created_at),
    startedAt: maybeDate(r.started_at),
    endsAt: maybeDate(r.ends_at),
    maxPlayers: r.max_players,
    rankingHidden: r.ranking_hidden,
    lateClosed: r.late_closed,
  };
}

const player = (r: PlayerRow): Player => ({
  id: r.id,
  competitionId: r.competition_id,
  nickname: r.nickname,
  removed: r.removed,
  joinedAt: date(r.joined_at),
});

export function submission(r: SubmissionRow): Submission {
  return {
    id: r.id,
    competitionId: r.competition_id,
    playerId: r.player_id,
    nickname: r.nickname,
    levelId: r.level_id,
    idempotencyKey: r.idempotency_key,
    payload: r.payload,
    payloadHash: r.payload_hash,
    score: Number(r.score),
    stars: Number(r.stars),
    goalMet: r.goal_met,
    detail: r.detail,
    createdAt: date(r.created_at),
    verification: r.verification,
    evaluatedScore: r.evaluated_score === null ? null : Number(r.evaluated_score),
  };
}

export const SUBMISSION_COLUMNS =
  's.id, s.competition_id, s.player_id, p.nickname, s.level_id, s.idempotency_key, s.payload, s.payload_hash, s.score, s.stars, s.goal_met, s.detail, s.created_at, s.verification, s.evaluated_score';

export class ClassroomStore {
  /** Attempt tickets, removed devices, server secrets. */
  readonly guards: GuardStore;

  private constructor(readonly db: Database) {
    this.guards = new GuardStore(db);
  }

  /** Opens the store on `db`, applying pending migrations. */
  static async open(db: Database): Promise<ClassroomStore> {
    await migrate(db);
    return new ClassroomStore(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Null when the code is already taken (the caller draws another). */
  async createCompetition(c: NewCompetition, now: Date): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `INSERT INTO competitions
         (code, title, levels, seed, variant_mode, duration_seconds, language, created_at, max_players, ranking_hidden)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING *`,
      [
        c.code,
        c.title,
        JSON.stringify(c.levels),
        c.seed,
        c.variantMode,
        c.durationSeconds,
        c.language ?? DEFAULT_LOCALE,
        now,
        c.maxPlayers ?? 60,
        c.rankingHidden ?? false,
      ],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  async competitionByCode(code: string): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>('SELECT * FROM competitions WHERE code = $1', [code]);
    return rows[0] ? competition(rows[0]) : null;
  }

  async competitionById(id: number): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>('SELECT * FROM competitions WHERE id = $1', [id]);
    return rows[0] ? competition(rows[0]) : null;
  }

  async competitions(): Promise<Competition[]> {
    return (await this.db.query<CompetitionRow>('SELECT * FROM competitions ORDER BY id DESC LIMIT 200')).map(
      competition,
    );
  }

  /** Draft → running; null when it is not a draft. */
  async startCompetition(code: string, now: Date): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `UPDATE competitions SET state = 'running', started_at = $2, ends_at = $2::timestamptz + make_interval(secs => duration_seconds)
       WHERE code = $1 AND state = 'draft' RETURNING *`,
      [code, now],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  /** Draft or running → ended now (or at its planned end if that came first); null when already ended. */
  async stopCompetition(code: string, now: Date): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `UPDATE competitions SET state = 'ended', ends_at = LEAST(coalesce(ends_at, $2::timestamptz), $2::timestamptz)
       WHERE code = $1 AND state <> 'ended' RETURNING *`,
      [code, now],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  /**
   * Null when the nickname's key (its confusable skeleton, names.ts) is taken in this competition, removed players
   * included, or when the class is full (guards.nicknameTaken tells which). The class size is checked in the same
   * statement, so a burst of joins cannot overshoot it.
   */
  async addPlayer(
    competitionId: number,
    nickname: string,
    nicknameKey: string,
    tokenHash: string,
    now: Date,
    deviceHash: string | null = null,
  ): Promise<Player | null> {
    const rows = await this.db.query<PlayerRow>(
      `INSERT INTO players (competition_id, nickname, nickname_key, token_hash, joined_at, device_hash)
       SELECT $1, $2, $3, $4, $5, $6 FROM competitions c WHERE c.id = $1
         AND (SELECT count(*) FROM players p WHERE p.competition_id = $1 AND NOT p.removed) < c.max_players
       ON CONFLICT (competition_id, nickname_key) DO NOTHING RETURNING *`,
      [competitionId, nickname, nicknameKey, tokenHash, now, deviceHash],
    );
    return rows[0] ? player(rows[0]) : null;
  }

  /** The teacher's changes (class size, ranking hidden); null when there is no such competition. */
  async updateSettings(code: string, s: CompetitionSettings): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `UPDATE competitions SET max_players = coalesce($2, max_players), ranking_hidden = coalesce($3, ranking_hidden)
       WHERE code = $1 RETURNING *`,
      [code, s.maxPlayers ?? null, s.rankingHidden ?? null],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  /** More time: a running competition ends later, a draft lasts longer; null when it has ended. */
  async extendCompetition(code: string, seconds: number, now: Date): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `UPDATE competitions SET duration_seconds = duration_seconds + $2,
         ends_at = CASE WHEN ends_at IS NULL THEN NULL ELSE ends_at + make_interval(secs => $2) END
       WHERE code = $1 AND state <> 'ended' AND (ends_at IS NULL OR ends_at > $3) RETURNING *`,
      [code, seconds, now],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  /** Closes the late-arrival window at once (and ends the competition if it still runs). */
  async closeLate(code: string, now: Date): Promise<Competition | null> {
    const rows = await this.db.query<CompetitionRow>(
      `UPDATE competitions SET late_closed = true, state = 'ended',
         ends_at = LEAST(coalesce(ends_at, $2::timestamptz), $2::timestamptz) WHERE code = $1 RETURNING *`,
      [code, now],
    );
    return rows[0] ? competition(rows[0]) : null;
  }

  async playerByTokenHash(tokenHash: string): Promise<Player | null> {
    const rows = await this.db.query<PlayerRow>('SELECT * FROM players WHERE token_hash = $1', [tokenHash]);
    return rows[0] ? player(rows[0]) : null;
  }

  async players(competitionId: number): Promise<Player[]> {
    return (
      await this.db.query<PlayerRow>('SELECT * FROM players WHERE competition_id = $1 ORDER BY id', [competitionId])
    ).map(player);
  }

  /** Marks the player removed (or, `removed` false, re-admits them); false if there is no such player. */
  async removePlayer(competitionId: number, nicknameKey: string, removed = true): Promise<boolean> {
    const rows = await this.db.query<{ id: number }>(
      'UPDATE players SET removed = $3 WHERE competition_id = $1 AND nickname_key = $2 RETURNING id',
      [competitionId, nicknameKey, removed],
    );
    return rows.length > 0;
  }

  async submissionByKey(playerId: number, idempotencyKey: string, q: Queryable = this.db): Promise<Submission | null> {
    const rows = await q.query<SubmissionRow>(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions s JOIN players p ON p.id = s.player_id WHERE s.player_id = $1 AND s.idempotency_key = $2`,
      [playerId, idempotencyKey],
    );
    return rows[0] ? submission(rows[0]) : null;
  }

  /** Stores a scored submission once: `created` is false when the key was already stored (that row is returned). */
  async insertSubmission(s: NewSubmission): Promise<{ created: boolean; submission: Submission }> {
    const inserted = await this.db.query<{ id: number }>(
      `INSERT INTO submissions (competition_id, player_id, level_id, idempotency_key, payload, payload_hash, score, stars, goal_met, detail, created_at, verification)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::jsonb, $11, $12) ON CONFLICT (player_id, idempotency_key) DO NOTHING RETURNING id`,
      [
        s.competitionId,
        s.playerId,
        s.levelId,
        s.idempotencyKey,
        JSON.stringify(s.payload),
        s.payloadHash,
        s.score,
        s.stars,
        s.goalMet,
        JSON.stringify(s.detail),
        s.createdAt,
        s.verification ?? 'verified',
      ],
    );
    const stored = await this.submissionByKey(s.playerId, s.idempotencyKey);
    if (!stored) throw new Error('A stored submission vanished.');
    return { created: inserted.length > 0, submission: stored };
  }

  /** Every submission of a competition, oldest first (the board and the CSV are computed from these). */
  async submissions(
    competitionId: number,
    options: { includeRemoved?: boolean; limit?: number } = {},
  ): Promise<Submission[]> {
    const rows = await this.db.query<SubmissionRow>(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions s JOIN players p ON p.id = s.player_id
       WHERE s.competition_id = $1 AND ($2 OR NOT p.removed) ORDER BY s.created_at, s.id LIMIT $3`,
      [competitionId, options.includeRemoved ?? false, options.limit ?? 1_000_000],
    );
    return rows.map(submission);
  }

  /** A player's latest submissions, newest first. */
  async submissionsOf(playerId: number, limit: number): Promise<Submission[]> {
    const rows = await this.db.query<SubmissionRow>(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions s JOIN players p ON p.id = s.player_id
       WHERE s.player_id = $1 ORDER BY s.id DESC LIMIT $2`,
      [playerId, limit],
    );
    return rows.map(submission);
  }

  async countSubmissions(competitionId: number): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM submissions WHERE competition_id = $1',
      [competitionId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
