/**
 * The engines every storage test runs against: PGlite in memory (always; one instance per test
 * file, empty and unmigrated: the worker's previous one emptied, or one started from the run's
 * template, see pglite-template.ts) and real Postgres when DATABASE_URL is set (a fresh
 * database `saa_test_<random>` per test file, created through the `postgres` maintenance
 * database and dropped by `close()`). Use with `describe.each(testDatabases())('$name', …)`.
 * Tests in one file share the database: give each test its own team or channel ids.
 */

import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/storage/db.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import type { PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { openTestPglite } from './pglite-template.ts';

/** One engine under test. `open()` on PGlite returns the file's single instance; on Postgres a new pool each call. */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
  /** Closes what `open()` made (and drops the Postgres test database). */
  close(): Promise<void>;
}

/** PGlite, plus Postgres when `DATABASE_URL` is set. */
export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteTarget(), postgresTarget(url)] : [pgliteTarget()];
}

function pgliteTarget(): TestDatabase {
  let instance: Promise<PgliteDatabase> | undefined;
  return {
    name: 'pglite',
    open: () => {
      instance ??= openTestPglite();
      return instance;
    },
    close: async () => {
      await (await instance)?.close();
    },
  };
}

function postgresTarget(url: string): TestDatabase {
  const name = `saa_test_${randomBytes(6).toString('hex')}`;
  let created: Promise<void> | undefined;
  const pools: PgDatabase[] = [];
  const admin = () => PgDatabase.connect(withDatabase(url, 'postgres'), { max: 1 });
  return {
    name: 'postgres',
    open: async () => {
      created ??= (async () => {
        const db = admin();
        try {
          await db.query(`CREATE DATABASE ${name}`);
        } finally {
          await db.close();
        }
      })();
      await created;
      const db = PgDatabase.connect(withDatabase(url, name));
      pools.push(db);
      return db;
    },
    close: async () => {
      await Promise.all(pools.map((p) => p.close()));
      if (!created) return;
      const db = admin();
      try {
        // pool.end() does not wait for backends to exit; plain DROP waits up to 5 s for them,
        // FORCE is the fallback for a test that leaked a connection.
        await db
          .query(`DROP DATABASE IF EXISTS ${name}`)
          .catch(() => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      } finally {
        await db.close();
      }
    },
  };
}

/** `url` pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
