/**
 * Versioned migrations: each runs once, in order, inside one transaction with its row in schema_migrations,
 * under an advisory lock so two servers starting on the same PostgreSQL database cannot both apply it.
 * Never edit a shipped migration; add the next version.
 */
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'competitions, players, submissions',
    sql: `
      CREATE TABLE competitions (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        levels jsonb NOT NULL,
        seed integer NOT NULL CHECK (seed >= 0),
        variant_mode text NOT NULL CHECK (variant_mode IN ('same', 'variant')),
        duration_seconds integer NOT NULL CHECK (duration_seconds > 0),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'running', 'ended')),
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        ends_at timestamptz
      );
      CREATE TABLE players (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        competition_id integer NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        nickname text NOT NULL,
        nickname_key text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        removed boolean NOT NULL DEFAULT false,
        joined_at timestamptz NOT NULL,
        UNIQUE (competition_id, nickname_key)
      );
      CREATE TABLE submissions (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        competition_id integer NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        player_id integer NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        level_id text NOT NULL,
        idempotency_key text NOT NULL,
        payload jsonb NOT NULL,
        payload_hash text NOT NULL,
        score double precision NOT NULL,
        stars smallint NOT NULL CHECK (stars BETWEEN 0 AND 3),
        goal_met boolean NOT NULL,
        detail jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (player_id, idempotency_key)
      );
      CREATE INDEX submissions_competition_level ON submissions (competition_id, level_id);
    `,
  },
  {
    version: 2,
    name: 'competition-language',
    // The language the teacher chose (board, join link, CSV). Competitions made before it speak English. The
    // check is a tag's shape, not a list, so a new language needs no migration (the server checks the list).
    sql: `
      ALTER TABLE competitions ADD COLUMN language text NOT NULL DEFAULT 'en'
        CHECK (language ~ '^[a-z]{2,3}$');
      `,
  },
  {
    version: 3,
    name: 'hardening',
    sql: `
      ALTER TABLE competitions ADD COLUMN max_players integer NOT NULL DEFAULT 60 CHECK (max_players BETWEEN 1 AND 1000);
      ALTER TABLE competitions ADD COLUMN ranking_hidden boolean NOT NULL DEFAULT false;
      ALTER TABLE competitions ADD COLUMN late_closed boolean NOT NULL DEFAULT false;
      ALTER TABLE players ADD COLUMN device_hash text;
      CREATE INDEX players_competition_device ON players (competition_id, device_hash);
      CREATE TABLE used_tickets (
        nonce text PRIMARY KEY,
        player_id integer NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        used_at timestamptz NOT NULL
      );
      CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    // Trained-level scores from the uploaded model, verified by re-training in a queue (verification.ts).
    version: 4,
    name: 'verification-queue',
    sql: `
      ALTER TABLE submissions ADD COLUMN verification text NOT NULL DEFAULT 'verified'
        CHECK (verification IN ('verified', 'pending', 'unchecked', 'corrected', 'failed'));
      ALTER TABLE submissions ADD COLUMN evaluated_score double precision;
      CREATE TABLE verification_jobs (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        submission_id integer NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        competition_id integer NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        player_id integer NOT NULL REFERENCES players(id) ON DELETE CASCADE,
        level_id text NOT NULL,
        seed integer NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'cancelled', 'failed')),
        tries smallint NOT NULL DEFAULT 0,
        worker text,
        note text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE UNIQUE INDEX verification_jobs_one_queued ON verification_jobs (player_id, level_id) WHERE state = 'queued';
      CREATE INDEX verification_jobs_state ON verification_jobs (state, id);
      CREATE INDEX verification_jobs_player ON verification_jobs (player_id, started_at);
    `,
  },
];

const LOCK_KEY = 0x4c51_4331; // "LQC1": any constant shared by every server of this app

/** Applies the migrations not yet applied; returns the versions it applied. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (done.length > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}

export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
