/**
 * A `Database` that reports each failed call (issue 14, item 4: database errors as a metric): a
 * DatabaseUnavailableError counts as `unavailable`, any other error as `other`; the error is
 * rethrown unchanged. Wraps the engine the bot opens (bootstrap.ts).
 */

import { DatabaseUnavailableError } from '../database-unavailable.ts';
import type { Database, Session } from './db.ts';

/** `db` with every failed query, transaction or session reported to `onError`. */
export function countingDatabase(db: Database, onError: (kind: 'unavailable' | 'other') => void): Database {
  const report = (err: unknown): never => {
    onError(err instanceof DatabaseUnavailableError ? 'unavailable' : 'other');
    throw err;
  };
  return {
    get kind() {
      return db.kind;
    },
    query: <R>(sql: string, params?: unknown[]) => db.query<R>(sql, params).catch(report),
    transaction: <T>(fn: (tx: Pick<Database, 'query'>) => Promise<T>) => db.transaction(fn).catch(report),
    session: <T>(fn: (session: Session) => Promise<T>) => db.session(fn).catch(report),
    close: () => db.close(),
  };
}
