/**
 * `Database` over embedded PGlite: Postgres compiled to WebAssembly, in this process. Persisted in
 * a data directory (guarded by a lock file, see `data-dir-lock.ts`), or in memory when no
 * directory is given (tests). PGlite is one session: every call here is queued behind the one
 * before it, so a transaction or a session never sees another caller's statements.
 * Creating a fresh instance runs initdb and takes seconds; reopening an existing directory is fast.
 * Memory (issue 9, item 13; measured by `npm run bench -- memory`): PGlite runs initdb in a
 * second WebAssembly instance whose memory the process keeps (a worker thread does not give it
 * back either), so a new data directory is created, and migrated, by a short-lived child process; and
 * Postgres' 128 MB default `shared_buffers` are cut to {@link PGLITE_SHARED_BUFFERS} (the bot's
 * tables are small: a quiz post a day per channel).
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Results } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database, QueryResult, Session } from './db.ts';

/**
 * Postgres `shared_buffers` in PGlite: its page cache, inside the WebAssembly memory, which never
 * shrinks. 16 MB holds 2,048 pages of 8 kB, far more than the bot's working set.
 */
export const PGLITE_SHARED_BUFFERS = '8MB';

/** Start parameters: PGlite's defaults plus {@link PGLITE_SHARED_BUFFERS}. */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
];

/** Options for `PgliteDatabase.open`. */
export interface PgliteDatabaseOptions {
  /** Directory of the database files; omitted: in memory, gone on close. */
  dataDir?: string;
}

/** Embedded Postgres. Create with `PgliteDatabase.open()`. */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(
    private readonly pglite: PGlite,
    private readonly lock: DataDirLock | undefined,
  ) {}

  /**
   * A Database over an instance opened elsewhere, with no directory lock (the child process that
   * creates a new data directory, while its parent holds the lock).
   */
  static wrap(pglite: PGlite): PgliteDatabase {
    return new PgliteDatabase(pglite, undefined);
  }

  /**
   * Opens (creating if needed) the database in `dataDir`, or an in-memory one.
   * @throws DataDirLockedError when another process (or another open in this one) holds `dataDir`.
   */
  static async open(options: PgliteDatabaseOptions = {}): Promise<PgliteDatabase> {
    const lock = options.dataDir === undefined ? undefined : await acquireDataDirLock(options.dataDir);
    try {
      if (lock && !existsSync(join(lock.dir, 'PG_VERSION'))) await createInChild(lock.dir);
      const pglite = await PGlite.create({
        ...(lock ? { dataDir: lock.dir } : {}),
        startParams: PGLITE_START_PARAMS,
      });
      return new PgliteDatabase(pglite, lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /** The absolute data directory, or undefined in memory. */
  get dataDir(): string | undefined {
    return this.lock?.dir;
  }

  /** Runs one statement (extended protocol: exactly one statement, `$1` params). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
    return this.#exclusive(async () => toResult<R>(await this.pglite.query<R>(sql, params)));
  }

  /** PGlite's own transaction (BEGIN … COMMIT, ROLLBACK on throw). */
  transaction<T>(fn: (tx: Pick<Database, 'query'>) => Promise<T>): Promise<T> {
    return this.#exclusive(() =>
      this.pglite.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params?: unknown[]) => toResult<R>(await tx.query<R>(sql, params)),
        }),
      ),
    );
  }

  /** Runs `fn` with the whole database to itself; statements without params may be multi-statement scripts. */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.#exclusive(() =>
      fn({
        query: async <R>(sql: string, params?: unknown[]) => {
          if (params && params.length > 0) return toResult<R>(await this.pglite.query<R>(sql, params));
          const results = await this.pglite.exec(sql);
          return toResult<R>(results[results.length - 1] as Results<R> | undefined);
        },
      }),
    );
  }

  /** Waits for queued work, closes PGlite (flushing to disk), then releases the directory lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#queue.catch(() => undefined);
      await this.pglite.close();
    } finally {
      await this.lock?.release();
    }
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('The embedded database is closed.'));
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Longest initdb may take in the child (ms); it takes a few seconds. */
export const PGLITE_INITDB_TIMEOUT_MS = 120_000;

/**
 * Runs initdb and the migrations for a new data directory in a child process (pglite-create.ts,
 * under tsx), so the memory they take goes away with the process. The caller holds the
 * directory's lock meanwhile; its own migrate() then finds nothing left to run.
 * @throws Error when the child fails or takes longer than {@link PGLITE_INITDB_TIMEOUT_MS}.
 */
function createInChild(dataDir: string): Promise<void> {
  const script = fileURLToPath(new URL('./pglite-create.ts', import.meta.url));
  const tsx = import.meta.resolve('tsx');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', tsx, script, dataDir],
      { timeout: PGLITE_INITDB_TIMEOUT_MS },
      (error, _out, stderr) =>
        error
          ? reject(
              new Error(
                `creating the embedded database in ${dataDir} failed: ${stderr.trim() || error.message}`,
              ),
            )
          : resolve(),
    );
  });
}

function toResult<R>(result: Results<R> | undefined): QueryResult<R> {
  const rows = result?.rows ?? [];
  return { rows, rowCount: result?.rowCount ?? Math.max(rows.length, result?.affectedRows ?? 0) };
}
