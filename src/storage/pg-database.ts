/**
 * `Database` over a `pg.Pool` (Postgres at DATABASE_URL). Connection failures of any kind become
 * `DatabaseUnavailableError`; the pool drops broken connections and opens fresh ones on the next
 * query, so the bot recovers by itself once the server is back. Idle connections that die (server
 * restart) are logged, never crash the process.
 * Every wait has a deadline (issue 9, item 1; values in timeouts.ts): connecting or waiting for a
 * free connection, each statement on the server (`statement_timeout`) and each answer on the
 * wire (pg `query_timeout`, which also notices a server gone silent: that connection is then
 * destroyed, so a silent network cannot use up the pool), TCP keepalive on idle connections.
 */

import pg from 'pg';
import { DatabaseUnavailableError } from '../database-unavailable.ts';
import {
  DATABASE_CONNECT_TIMEOUT_MS,
  DATABASE_IDLE_IN_TRANSACTION_MS,
  DATABASE_KEEPALIVE_MS,
  DATABASE_QUERY_TIMEOUT_MS,
  DATABASE_READ_GRACE_MS,
  DATABASE_SESSION_TIMEOUT_MS,
} from '../timeouts.ts';
import { isConnectionFailure, isDeadlineExceeded } from './connection-failure.ts';
import type { Database, QueryResult, Session, StorageLogger } from './db.ts';

/** Options for `PgDatabase.connect`. Times in ms; defaults from timeouts.ts. */
export interface PgDatabaseOptions {
  /** Give up opening a connection, or waiting for a free one, after this long (default 2000), so a dead database fails fast. */
  connectionTimeoutMillis?: number;
  /**
   * The server cancels a statement after this long (`statement_timeout`, default 5000); we stop
   * waiting for any answer `DATABASE_READ_GRACE_MS` later.
   */
  queryTimeoutMs?: number;
  /** The same for statements inside `session()` (migrations; default 60000). */
  sessionTimeoutMs?: number;
  /** How much longer than the statement deadline we wait for an answer (default 1000; tests shorten it). */
  readGraceMs?: number;
  /** Pool size (default 10, pg's default). */
  max?: number;
  /** Where dropped idle connections are reported (default console). */
  logger?: StorageLogger;
}

/** Postgres through a connection pool. Create with `PgDatabase.connect(url)`. */
export class PgDatabase implements Database {
  readonly kind = 'postgres' as const;
  #closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly logger: StorageLogger,
    private readonly sessionReadTimeoutMs: number,
    private readonly sessionTimeoutMs: number,
  ) {
    pool.on('error', (error) => {
      logger.warn(`postgres: an idle connection failed and was dropped (${error.message})`);
    });
  }

  /** A pool for `url` (postgres://user@host:port/db). Connects lazily: a down server shows up on the first query. */
  static connect(url: string, options: PgDatabaseOptions = {}): PgDatabase {
    const queryTimeoutMs = options.queryTimeoutMs ?? DATABASE_QUERY_TIMEOUT_MS;
    const graceMs = options.readGraceMs ?? DATABASE_READ_GRACE_MS;
    const sessionTimeoutMs = options.sessionTimeoutMs ?? DATABASE_SESSION_TIMEOUT_MS;
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? DATABASE_CONNECT_TIMEOUT_MS,
      max: options.max ?? 10,
      keepAlive: true,
      keepAliveInitialDelayMillis: DATABASE_KEEPALIVE_MS,
      statement_timeout: queryTimeoutMs,
      query_timeout: queryTimeoutMs + graceMs,
      idle_in_transaction_session_timeout: DATABASE_IDLE_IN_TRANSACTION_MS,
    });
    return new PgDatabase(pool, options.logger ?? console, sessionTimeoutMs + graceMs, sessionTimeoutMs);
  }

  /** @throws DatabaseUnavailableError when the server cannot be reached; pg's DatabaseError for SQL errors. */
  async query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
    try {
      const result = await this.pool.query(sql, params);
      return toResult<R>(result);
    } catch (error) {
      throw translate(error);
    }
  }

  /** BEGIN … COMMIT on one pooled connection; ROLLBACK and rethrow when `fn` throws. */
  async transaction<T>(fn: (tx: Pick<Database, 'query'>) => Promise<T>): Promise<T> {
    return this.#withClient(async (session, state) => {
      await session.query('BEGIN');
      try {
        const value = await fn(session);
        await session.query('COMMIT');
        return value;
      } catch (error) {
        await session.query('ROLLBACK').catch((rollbackError: unknown) => {
          state.dirty = true;
          this.logger.warn(
            `postgres: ROLLBACK failed after an error in a transaction (${String(rollbackError)})`,
          );
        });
        throw error;
      }
    });
  }

  /**
   * Runs `fn` on one pooled connection with the longer session deadline; if `fn` throws, the
   * connection is destroyed (it may hold locks).
   */
  async session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.#withClient(async (session, state) => {
      try {
        await session.query(`SET statement_timeout = ${Math.floor(this.sessionTimeoutMs)}`);
        const value = await fn(session);
        await session.query('RESET statement_timeout');
        return value;
      } catch (error) {
        state.dirty = true;
        throw error;
      }
    }, this.sessionReadTimeoutMs);
  }

  /**
   * Checks out a client; destroys it instead of reusing it when it failed or `state.dirty` was set.
   * `readTimeoutMs` replaces the pool's `query_timeout` for this client's statements.
   */
  async #withClient<T>(
    fn: (session: Session, state: { dirty: boolean }) => Promise<T>,
    readTimeoutMs?: number,
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    // A checked-out client has no error listener in pg-pool; without one a dropped socket crashes node.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
      this.logger.warn(`postgres: a connection in use failed (${error.message})`);
    };
    client.on('error', onError);
    const state = { dirty: false };
    const session: Session = {
      query: async <R>(sql: string, params?: unknown[]) => {
        try {
          const config =
            readTimeoutMs === undefined ? { text: sql } : { text: sql, query_timeout: readTimeoutMs };
          return toResult<R>(await client.query({ ...config, values: params }));
        } catch (error) {
          const translated = translate(error);
          if (translated instanceof DatabaseUnavailableError) broken ??= translated;
          throw translated;
        }
      },
    };
    try {
      return await fn(session, state);
    } finally {
      client.removeListener('error', onError);
      client.release(broken ?? (state.dirty ? true : undefined));
    }
  }

  /** Ends the pool; waits for checked-out connections to be released. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.pool.end();
  }
}

function toResult<R>(result: pg.QueryResult | pg.QueryResult[]): QueryResult<R> {
  // Several statements in one simple query give one result each; callers want the last.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const rows = (last?.rows ?? []) as R[];
  return { rows, rowCount: last?.rowCount ?? rows.length };
}

function translate(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  const detail = error instanceof Error && error.message ? error.message : String(error);
  if (isConnectionFailure(error))
    return new DatabaseUnavailableError(`The database is unavailable: ${detail}`, { cause: error });
  if (isDeadlineExceeded(error))
    return new DatabaseUnavailableError(`The database did not answer in time: ${detail}`, { cause: error });
  return error;
}
