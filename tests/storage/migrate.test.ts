import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE, migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';

const TABLES = [
  'answer_feedback',
  'channel_schedules',
  'exam_dates',
  MIGRATIONS_TABLE,
  'practice_answers',
  'question_reports',
  'quiz_answers',
  'quiz_posts',
  'review_reminders',
  'slack_installations',
  'study_card_reviews',
  'study_cards',
  'team_questions',
  'user_profiles',
  'user_totals',
  'workspace_erasures',
  'workspace_settings',
];
/** Every migration file shipped, in order. */
const MIGRATIONS = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d{13}_.+\.sql$/.test(f))
  .sort()
  .map((f) => f.replace(/\.sql$/, ''));
/** node-pg-migrate's well-known advisory lock id (runner.js PG_MIGRATE_LOCK_ID). */
const LOCK_ID = '7241865325823964';

async function tables(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function appliedCount(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`);
  return rows[0]?.n ?? -1;
}

async function dropEverything(db: Database): Promise<void> {
  await db.session((s) => s.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
}

describe.each(testDatabases())('migrate on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => target.close());

  it('creates the schema in an empty database, then finds nothing to do', async () => {
    expect(await tables(db)).toEqual([]);
    const first = await migrate(db);
    expect(first).toEqual(MIGRATIONS);
    expect(first[0]).toMatch(/^\d{13}_quiz-schema$/);
    expect(await tables(db)).toEqual(TABLES);
    expect(await migrate(db)).toEqual([]);
    expect(await appliedCount(db)).toBe(MIGRATIONS.length);
  });

  it('stores every time as timestamptz', async () => {
    const { rows } = await db.query<{ column_name: string; data_type: string }>(
      `SELECT table_name || '.' || column_name AS column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> $1 AND (column_name LIKE '%\\_at' OR data_type LIKE 'timestamp%')`,
      [MIGRATIONS_TABLE],
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows)
      expect(row, row.column_name).toMatchObject({ data_type: 'timestamp with time zone' });
  });

  it('applies each migration once when several runs start together from two handles', async () => {
    await dropEverything(db);
    const other = await target.open(); // a second pool on Postgres, the same instance on PGlite
    const results = await Promise.all([migrate(db), migrate(other), migrate(db), migrate(other)]);
    expect(results.flat()).toHaveLength(MIGRATIONS.length);
    expect(await tables(other)).toEqual(TABLES);
    expect(await appliedCount(db)).toBe(MIGRATIONS.length);
  });

  it.runIf(target.name === 'postgres')('waits for the advisory lock held by another process', async () => {
    await dropEverything(db);
    const other = await target.open();
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    // Another "process" holds node-pg-migrate's lock on its own session until we release it.
    const holder = other.session(async (s) => {
      await s.query(`SELECT pg_advisory_lock(${LOCK_ID})`);
      locked();
      await released;
      await s.query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
    });
    try {
      await isLocked;
      const waiting = migrate(db);
      let waiters = 0;
      for (let i = 0; i < 100 && waiters === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const { rows } = await other.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
           WHERE locktype = 'advisory' AND NOT granted
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        waiters = rows[0]?.n ?? 0;
      }
      expect(waiters).toBe(1);
      expect(await tables(other)).toEqual([]);
      release();
      await holder;
      expect(await waiting).toHaveLength(MIGRATIONS.length);
    } finally {
      release();
    }
    expect(await tables(db)).toEqual(TABLES);
  });
});
