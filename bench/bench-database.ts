/**
 * A fresh Postgres database for a benchmark: created on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrated, dropped by `drop()`.
 */

import { randomBytes } from 'node:crypto';
import { migrate } from '../src/storage/migrate.ts';
import { PgDatabase } from '../src/storage/pg-database.ts';
import { withDatabase } from '../tests/helpers/databases.ts';

/** Creates and migrates `saa_bench_<random>` on `server` (a Postgres URL; default as above). */
export async function benchDatabase(
  server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<{ url: string; db: PgDatabase; drop(): Promise<void> }> {
  const name = `saa_bench_${randomBytes(4).toString('hex')}`;
  const admin = PgDatabase.connect(withDatabase(server, 'postgres'), { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  const db = PgDatabase.connect(url, { max: 20 });
  await migrate(db);
  return {
    url,
    db,
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
