/**
 * Brings the schema up to date by applying `migrations/` with node-pg-migrate's programmatic
 * runner, on either engine: the runner gets a `dbClient` adapter over one `Database.session`.
 * Safe when several processes start at once on one Postgres: the runner takes a session advisory
 * lock (node-pg-migrate `PG_MIGRATE_LOCK_ID`); we ask it to wait for that lock instead of failing
 * (its default `advisoryLockMode` is 'fail'), and the waiter then finds nothing left to run.
 * Idempotent: applied migrations are recorded in `pgmigrations`. All pending files run in one
 * transaction, so a failing migration leaves the schema as it was.
 */

import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { ClientBase } from 'pg';
import type { Database } from './db.ts';

/** The migrations folder at the project root. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Table where node-pg-migrate records applied migrations. */
export const MIGRATIONS_TABLE = 'pgmigrations';

/** Options for `migrate`. */
export interface MigrateOptions {
  /** Migration files to apply (default `MIGRATIONS_DIR`). */
  dir?: string;
  /** Receives node-pg-migrate's progress lines (default: dropped) and warnings (default: console.warn). */
  logger?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/**
 * Applies every pending migration, direction up.
 * @returns the names of the migrations applied now (empty when already up to date).
 * @throws DatabaseUnavailableError when the database cannot be reached; the runner's Error when a migration fails.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const logger = options.logger ?? {
    info: () => undefined,
    warn: (message: string) => console.warn(message),
    error: (message: string) => console.error(message),
  };
  const applied = await db.session((session) => {
    // The runner only calls `query(text, values)` on an external client and never connects or ends it.
    const dbClient = { query: (text: string, values?: unknown[]) => session.query(text, values) };
    return runner({
      dbClient: dbClient as unknown as ClientBase,
      dir: options.dir ?? MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      singleTransaction: true,
      advisoryLockMode: 'wait',
      logger,
    });
  });
  return applied.map((m) => m.name);
}
