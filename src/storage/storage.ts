/**
 * Lazy, self-healing access to the database for the bot: the connection is opened and migrated
 * on first use (so `npm start` answers questions without waiting for PGlite), a failed migration
 * is retried on the next use (the bot starts while Postgres is down and catches up when it
 * returns), and repositories get a `Database` they can hold from the start.
 */

import type { Database, QueryResult, Session, StorageLogger } from './db.ts';
import { migrate } from './migrate.ts';

/** The bot's database handle. */
export class Storage {
  #db: Promise<Database> | null = null;
  #migrated: Promise<void> | null = null;

  constructor(
    private readonly open: () => Promise<Database>,
    private readonly logger: StorageLogger = console,
    /** The engine `open` opens (DATABASE_URL set: postgres), reported as `db.kind`. */
    kind: Database['kind'] = 'postgres',
  ) {
    this.db = {
      kind,
      query: async <R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>> =>
        (await this.#connection()).query<R>(sql, params),
      transaction: async (fn) => (await this.#connection()).transaction(fn),
      session: async <T>(fn: (s: Session) => Promise<T>) => (await this.#connection()).session(fn),
      close: () => this.close(),
    } as Database;
  }

  /** A `Database` whose calls wait for the connection; `kind` is the engine it opens. */
  readonly db: Database;

  #connection(): Promise<Database> {
    this.#db ??= this.open().catch((err) => {
      this.#db = null;
      throw err;
    });
    return this.#db;
  }

  /**
   * Resolves once the database is open and migrated.
   * @throws DatabaseUnavailableError while it cannot be reached (the next call tries again);
   *   DataDirLockedError when another process holds the embedded database.
   */
  ready(): Promise<void> {
    this.#migrated ??= this.#connection()
      .then((db) =>
        migrate(db, { logger: { info: () => undefined, warn: this.logger.warn, error: this.logger.error } }),
      )
      .then(() => undefined)
      .catch((err) => {
        this.#migrated = null;
        throw err;
      });
    return this.#migrated;
  }

  /** Closes the connection if it was opened. */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = null;
    this.#migrated = null;
    if (db) await (await db.catch(() => null))?.close();
  }
}
