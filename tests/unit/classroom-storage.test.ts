/**
 * The classroom storage suite, run twice with the same SQL: on PGlite (always) and on a real PostgreSQL server
 * when DATABASE_URL is set. CI sets it (.ci/run starts Debian's PostgreSQL on loopback), so in CI a missing
 * DATABASE_URL is a failure, not a skip.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database';
import { migrate, MIGRATIONS, schemaVersion } from '../../src/server/db/migrations';
import { ClassroomStore, type NewSubmission } from '../../src/server/store';

const databaseUrl = process.env.DATABASE_URL;
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

interface Target {
  name: string;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

const dirs: string[] = [];
const pgliteDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lq-pglite-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const targets: Target[] = [];
{
  const dir = pgliteDir();
  targets.push({ name: 'PGlite', open: () => openDatabase({ dataDir: dir }), cleanup: async () => undefined });
}
if (databaseUrl) {
  const schema = `lq_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  targets.push({
    name: 'PostgreSQL',
    open: () => openDatabase({ url: databaseUrl, schema }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  });
}

it('runs on PGlite, and on real PostgreSQL whenever DATABASE_URL is set (always in CI)', () => {
  if (inCi)
    expect(databaseUrl, 'CI must set DATABASE_URL (see .ci/run) so the storage suite runs on PostgreSQL too').toMatch(
      /^postgres(ql)?:\/\//,
    );
  expect(targets.map((t) => t.name)).toEqual(databaseUrl ? ['PGlite', 'PostgreSQL'] : ['PGlite']);
});

function submissionFor(
  competitionId: number,
  playerId: number,
  key: string,
  score: number,
  seconds: number,
): NewSubmission {
  return {
    competitionId,
    playerId,
    levelId: 'navigator',
    idempotencyKey: key,
    payload: { kind: 'latentPoints', points: [[0.5, -0.25]], target: 0, note: 'Zoë ✓ 字' },
    payloadHash: `hash-${key}`,
    score,
    stars: 2,
    goalMet: true,
    detail: { bestMatch: 91.5 },
    createdAt: at(seconds),
  };
}

describe.each(targets)('classroom storage on $name', (target) => {
  let db: Database;
  let store: ClassroomStore;

  afterAll(async () => {
    await store?.close();
    await target.cleanup();
  });

  it('applies the versioned migrations once', async () => {
    db = await target.open();
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    store = await ClassroomStore.open(db);
  });

  it('creates competitions with unique join codes and moves them draft → running → ended', async () => {
    const c = await store.createCompetition(
      {
        code: 'ABCDEF',
        title: 'Class 7B',
        levels: ['navigator', 'blend'],
        seed: 42,
        variantMode: 'same',
        durationSeconds: 600,
      },
      t0,
    );
    expect(c).toMatchObject({
      code: 'ABCDEF',
      levels: ['navigator', 'blend'],
      seed: 42,
      language: 'en',
      state: 'draft',
      startedAt: null,
    });
    expect(
      await store.createCompetition(
        { code: 'ABCDEF', title: 'dup', levels: ['blend'], seed: 1, variantMode: 'variant', durationSeconds: 60 },
        t0,
      ),
    ).toBeNull();
    const started = await store.startCompetition('ABCDEF', at(10));
    expect(started?.state).toBe('running');
    expect(started?.endsAt?.toISOString()).toBe(at(610).toISOString());
    expect(await store.startCompetition('ABCDEF', at(11))).toBeNull();
    expect((await store.competitionByCode('ABCDEF'))?.startedAt?.toISOString()).toBe(at(10).toISOString());
  });

  it("stores a competition's language (migration 2; omitted: English)", async () => {
    const c = await store.createCompetition(
      {
        code: 'PQRSTU',
        title: 'Klasa 2',
        levels: ['blend'],
        seed: 5,
        variantMode: 'same',
        durationSeconds: 60,
        language: 'cs',
      },
      t0,
    );
    expect(c?.language).toBe('cs');
    expect((await store.competitionByCode('PQRSTU'))?.language).toBe('cs');
    expect((await store.competitionByCode('ABCDEF'))?.language).toBe('en');
    await expect(db.query("UPDATE competitions SET language = 'Polish!' WHERE code = 'PQRSTU'")).rejects.toThrow();
  });

  it('keeps nicknames unique per competition by their key, and marks removed players', async () => {
    const c = (await store.competitionByCode('ABCDEF'))!;
    const other = (await store.createCompetition(
      { code: 'GHJKMN', title: 'Other', levels: ['blend'], seed: 7, variantMode: 'variant', durationSeconds: 60 },
      t0,
    ))!;
    const ana = await store.addPlayer(c.id, 'Ana', 'ana', 'h-ana', at(20));
    expect(ana).toMatchObject({ nickname: 'Ana', removed: false });
    expect(await store.addPlayer(c.id, 'ANA', 'ana', 'h-ana2', at(21))).toBeNull();
    expect(await store.addPlayer(other.id, 'Ana', 'ana', 'h-ana3', at(21))).not.toBeNull();
    expect(
      await store.addPlayer(
        c.id,
        "Robert'); DROP TABLE players;--",
        "robert'); drop table players;--",
        'h-bobby',
        at(22),
      ),
    ).not.toBeNull();
    expect((await store.players(c.id)).map((p) => p.nickname)).toEqual(['Ana', "Robert'); DROP TABLE players;--"]);
    expect((await store.playerByTokenHash('h-ana'))?.id).toBe(ana!.id);
    expect(await store.removePlayer(c.id, "robert'); drop table players;--")).toBe(true);
    expect(await store.removePlayer(c.id, 'nobody')).toBe(false);
    expect((await store.playerByTokenHash('h-bobby'))?.removed).toBe(true);
  });

  it('stores each submission once per idempotency key, with its JSON intact', async () => {
    const c = (await store.competitionByCode('ABCDEF'))!;
    const ana = (await store.playerByTokenHash('h-ana'))!;
    const first = await store.insertSubmission(submissionFor(c.id, ana.id, 'key-0001', 91.5, 30));
    expect(first.created).toBe(true);
    const again = await store.insertSubmission({ ...submissionFor(c.id, ana.id, 'key-0001', 12, 40) });
    expect(again.created).toBe(false);
    expect(again.submission).toMatchObject({ id: first.submission.id, score: 91.5, nickname: 'Ana' });
    expect(again.submission.payload).toEqual({
      kind: 'latentPoints',
      points: [[0.5, -0.25]],
      target: 0,
      note: 'Zoë ✓ 字',
    });
    expect(again.submission.createdAt.toISOString()).toBe(at(30).toISOString());
    await store.insertSubmission(submissionFor(c.id, ana.id, 'key-0002', 95, 50));
    const bobby = (await store.playerByTokenHash('h-bobby'))!;
    await store.insertSubmission(submissionFor(c.id, bobby.id, 'key-0001', 99, 45));
    expect((await store.submissions(c.id)).map((s) => s.idempotencyKey)).toEqual(['key-0001', 'key-0002']);
    expect((await store.submissions(c.id, { includeRemoved: true })).map((s) => s.score)).toEqual([91.5, 99, 95]);
    expect(await store.countSubmissions(c.id)).toBe(3);
  });

  it('ends a competition early and keeps the earlier of planned and actual end', async () => {
    const stopped = await store.stopCompetition('ABCDEF', at(100));
    expect(stopped).toMatchObject({ state: 'ended' });
    expect(stopped?.endsAt?.toISOString()).toBe(at(100).toISOString());
    expect(await store.stopCompetition('ABCDEF', at(200))).toBeNull();
  });

  it('survives a restart: reopening finds everything and migrates nothing', async () => {
    await store.close();
    db = await target.open();
    expect(await migrate(db)).toEqual([]);
    store = await ClassroomStore.open(db);
    const c = (await store.competitionByCode('ABCDEF'))!;
    expect(c.state).toBe('ended');
    expect(await store.countSubmissions(c.id)).toBe(3);
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("UPDATE competitions SET title = 'changed' WHERE code = 'ABCDEF'");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.competitionByCode('ABCDEF'))?.title).toBe('Class 7B');
  });
});
