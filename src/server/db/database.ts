/**
 * One SQL dialect (PostgreSQL) on two engines: PGlite (PostgreSQL compiled to WASM, persisted to a data
 * directory) by default, or a real PostgreSQL server when a connection URL is given. Everything above this
 * file talks to `Database` only, so the same queries and migrations run on both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type SqlValue = string | number | boolean | null | Date;

/** Something that runs parameterised SQL ($1, $2, …). */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… : use that server. Otherwise PGlite. */
  url?: string;
  /** PGlite's data directory; 'memory://' for a throwaway database. */
  dataDir?: string;
  /** PostgreSQL only: a schema to create and use (tests isolate runs this way). */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  constructor(private readonly db: PGlite) {}

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, [...params])).rows;
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({
        query: async <R extends object>(sql: string, params: readonly SqlValue[] = []) =>
          (await tx.query<R>(sql, [...params])).rows,
        exec: async (sql: string) => void (await tx.exec(sql)),
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.pool.query(sql, [...params])).rows as T[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R extends object>(sql: string, params: readonly SqlValue[] = []) =>
          (await client.query(sql, [...params])).rows as R[],
        // No parameters: the simple protocol, which allows several statements.
        exec: async (sql: string) => void (await client.query(sql)),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name.`);
    if (schema) {
      const setup = new pg.Client({ connectionString: options.url });
      await setup.connect();
      try {
        await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await setup.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client that loses its server must not crash the process; the next query reports the error.
    pool.on('error', (error) => console.error(`[classroom] PostgreSQL connection error: ${error.message}`));
    const db = new PostgresDatabase(pool);
    await db.query('SELECT 1');
    return db;
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return new PgliteDatabase(db);
}
