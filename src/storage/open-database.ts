/**
 * Picks the database engine: Postgres when a DATABASE_URL is configured (several bot processes can
 * share it), otherwise embedded PGlite persisted under `<dataDir>/pglite` (one process only).
 */

import { join } from 'node:path';
import type { Database, StorageLogger } from './db.ts';
import { PgDatabase } from './pg-database.ts';
import { PgliteDatabase } from './pglite-database.ts';

/** What `openDatabase` needs: the two settings from config.ts. */
export interface OpenDatabaseOptions {
  /** postgres://… (config DATABASE_URL). When set, `dataDir` is not used. */
  databaseUrl?: string;
  /** The bot's data directory (config DATA_DIR, default `.data`); PGlite files go in its `pglite/` subdirectory. */
  dataDir: string;
  /** Where recovered connection problems are reported (default console). */
  logger?: StorageLogger;
  /** Postgres: statement deadline (ms; config DATABASE_QUERY_TIMEOUT_MS, default timeouts.ts). */
  queryTimeoutMs?: number;
}

/**
 * Opens the configured database. Does not migrate: call `migrate(db)` next.
 * A Postgres pool connects lazily, so an unreachable server surfaces as `DatabaseUnavailableError`
 * on the first query, not here.
 * @throws DataDirLockedError when the PGlite directory is in use by another process.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl)
    return PgDatabase.connect(options.databaseUrl, {
      logger: options.logger,
      queryTimeoutMs: options.queryTimeoutMs,
    });
  return PgliteDatabase.open({ dataDir: embeddedDataDir(options.dataDir) });
}

/** Where PGlite keeps its files for a given data directory: `<dataDir>/pglite`. */
export function embeddedDataDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}
