/**
 * `Database` over embedded PGlite: Postgres compiled to WebAssembly, in this process. Persisted in
 * a data directory (guarded by a lock file, see `data-dir-lock.ts`), or in memory when no
 * directory is given (tests). PGlite is one session: every call here is queued behind the one
 * before it, so a transaction or a session never sees another caller's statements.
 * Creating a fresh instance runs initdb and takes seconds; reopening an existing directory is fast.
 */

import { PGlite, type Results } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database, QueryResult, Session } from './db.ts';

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
   * Opens (creating if needed) the database in `dataDir`, or an in-memory one.
   * @throws DataDirLockedError when another process (or another open in this one) holds `dataDir`.
   */
  static async open(options: PgliteDatabaseOptions = {}): Promise<PgliteDatabase> {
    const lock = options.dataDir === undefined ? undefined : await acquireDataDirLock(options.dataDir);
    try {
      const pglite = await PGlite.create(lock ? { dataDir: lock.dir } : {});
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

function toResult<R>(result: Results<R> | undefined): QueryResult<R> {
  const rows = result?.rows ?? [];
  return { rows, rowCount: result?.rowCount ?? Math.max(rows.length, result?.affectedRows ?? 0) };
}
