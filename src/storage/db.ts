/**
 * The one query interface every repository uses, whatever the database behind it: `pg` against
 * Postgres (DATABASE_URL) or embedded PGlite (DATA_DIR). Both speak Postgres SQL with `$1`
 * parameters.
 */

/** Rows of one query. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** A query handle bound to one session (see `Database.session`). */
export interface Session {
  /**
   * Runs one statement on the session. Without params it goes over the simple query protocol, so
   * `sql` may hold several statements separated by `;` (migration files do); the result is the last one's.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/** Where storage reports problems it recovers from by itself (a dropped idle connection). */
export type StorageLogger = Pick<Console, 'warn' | 'error'>;

/** A database session pool. Implementations: `pg-database.ts`, `pglite-database.ts`. */
export interface Database {
  /** Runs one parameterized statement. Throws DatabaseUnavailableError (database-unavailable.ts) when the database cannot be reached. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Runs `fn` in a transaction (BEGIN … COMMIT, ROLLBACK on throw). */
  transaction<T>(fn: (tx: Pick<Database, 'query'>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on one dedicated session and no transaction of its own, for work that needs session
   * state across statements: advisory locks, its own BEGIN/COMMIT (the migration runner). Nothing
   * else runs on that session meanwhile (on PGlite, nothing else runs at all). Use only `session`
   * inside `fn`: calling the Database itself there can deadlock on PGlite.
   */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /** Which engine this is, for messages and tests. */
  readonly kind: 'postgres' | 'pglite';
  /** Releases connections (and, for PGlite, the data-directory lock). Idempotent. */
  close(): Promise<void>;
}
