/**
 * Tells a "the database cannot be reached" error from a query error (bad SQL, constraint
 * violation). Input: anything thrown by `pg`. Output: true for connection failures, which
 * `pg-database.ts` turns into `DatabaseUnavailableError`. Sources: Node `net`/`dns` error codes;
 * Postgres SQLSTATE class 08 (connection exception) and 57P01–57P03 (operator intervention:
 * admin_shutdown, crash_shutdown, cannot_connect_now), https://www.postgresql.org/docs/current/errcodes-appendix.html;
 * message texts thrown by pg 8 / pg-pool 3 (`lib/client.js`, `index.js`).
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const SHUTDOWN_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** Lower-cased fragments of the messages pg and pg-pool throw when a connection dies or never opens. */
const MESSAGES = [
  'connection terminated',
  'timeout exceeded when trying to connect',
  'client has encountered a connection error',
  'connection ended unexpectedly',
];

/** True when `error` (or an error it wraps, e.g. Node's AggregateError for dual-stack connects) means the server is unreachable. */
export function isConnectionFailure(error: unknown): boolean {
  return check(error, 0);
}

function check(error: unknown, depth: number): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  const { code, message, errors, cause } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SHUTDOWN_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string') {
    const lower = message.toLowerCase();
    if (MESSAGES.some((m) => lower.includes(m))) return true;
  }
  if (Array.isArray(errors) && errors.some((e) => check(e, depth + 1))) return true;
  return cause !== undefined && check(cause, depth + 1);
}

/**
 * True when `error` says a statement ran out of time: pg's own deadline ("Query read timeout",
 * `query_timeout`: the server did not answer, e.g. a silent network) or the server's
 * (SQLSTATE 57014 with "statement timeout", `statement_timeout`). Both mean "try again later",
 * so `pg-database.ts` reports them as `DatabaseUnavailableError` too; other 57014 cancellations
 * (a user's `pg_cancel_backend`) are not deadlines.
 */
export function isDeadlineExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.toLowerCase() : '';
  if (text.includes('query read timeout')) return true;
  return code === '57014' && text.includes('statement timeout');
}
