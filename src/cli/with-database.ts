/**
 * The database of a one-shot `saa` command: the configured engine (DATABASE_URL, else the
 * embedded one in DATA_DIR), migrated, handed to `fn`, and closed afterwards whatever happens
 * (the embedded database's lock is released for the bot).
 * @throws DataDirLockedError when the bot holds the embedded database; whatever `fn` throws.
 */

import type { Config } from '../config.ts';
import type { Database } from '../storage/db.ts';
import { migrate } from '../storage/migrate.ts';
import { openDatabase } from '../storage/open-database.ts';

/** Opens the configured database and migrates it (closing it again if that fails); the caller closes it. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  });
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Runs `fn` on the configured database, migrated, and closes it; resolves with `fn`'s result. */
export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
