import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { isConnectionFailure, isDeadlineExceeded } from '../../src/storage/connection-failure.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';

const url = process.env.DATABASE_URL;

/** A logger that remembers warnings instead of printing them. */
function quietLogger() {
  const warnings: string[] = [];
  return {
    warnings,
    logger: { warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) },
  };
}

const open: PgDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

function connect(target: string, options: Parameters<typeof PgDatabase.connect>[1] = {}) {
  const db = PgDatabase.connect(target, { logger: quietLogger().logger, ...options });
  open.push(db);
  return db;
}

describe('isConnectionFailure', () => {
  const errorWith = (fields: Record<string, unknown>) =>
    Object.assign(new Error(String(fields.message ?? 'x')), fields);
  it.each([
    ['ECONNREFUSED', true, errorWith({ code: 'ECONNREFUSED' })],
    ['ECONNRESET', true, errorWith({ code: 'ECONNRESET' })],
    ['ETIMEDOUT', true, errorWith({ code: 'ETIMEDOUT' })],
    ['ENOTFOUND', true, errorWith({ code: 'ENOTFOUND' })],
    ['57P01 admin_shutdown', true, errorWith({ code: '57P01' })],
    ['57P03 cannot_connect_now', true, errorWith({ code: '57P03' })],
    ['08006 connection_failure', true, errorWith({ code: '08006' })],
    ['08P01 protocol_violation', true, errorWith({ code: '08P01' })],
    [
      'pg: Connection terminated unexpectedly',
      true,
      errorWith({ message: 'Connection terminated unexpectedly' }),
    ],
    ['pg-pool timeout', true, errorWith({ message: 'timeout exceeded when trying to connect' })],
    ['AggregateError of refusals', true, new AggregateError([errorWith({ code: 'ECONNREFUSED' })])],
    ['wrapped cause', true, new Error('outer', { cause: errorWith({ code: 'ECONNRESET' }) })],
    ['23505 unique_violation', false, errorWith({ code: '23505' })],
    ['42P01 undefined_table', false, errorWith({ code: '42P01' })],
    ['57014 query_canceled', false, errorWith({ code: '57014' })],
    ['plain error', false, new Error('boom')],
    ['not an error', false, 'ECONNREFUSED'],
  ])('%s → %s', (_name, expected, error) => {
    expect(isConnectionFailure(error)).toBe(expected);
  });
});

describe('isDeadlineExceeded', () => {
  const errorWith = (fields: Record<string, unknown>) =>
    Object.assign(new Error(String(fields.message ?? 'x')), fields);
  it.each([
    ['pg query_timeout', true, errorWith({ message: 'Query read timeout' })],
    [
      '57014 from statement_timeout',
      true,
      errorWith({ code: '57014', message: 'canceling statement due to statement timeout' }),
    ],
    [
      '57014 from pg_cancel_backend',
      false,
      errorWith({ code: '57014', message: 'canceling statement due to user request' }),
    ],
    ['23505 unique_violation', false, errorWith({ code: '23505' })],
    ['not an error', false, 'Query read timeout'],
  ])('%s → %s', (_name, expected, error) => {
    expect(isDeadlineExceeded(error)).toBe(expected);
  });
});

describe('PgDatabase when the server is unreachable', () => {
  it('fails fast with DatabaseUnavailableError on a closed port (query, transaction, session)', async () => {
    const db = connect('postgres://postgres@127.0.0.1:1/none');
    const started = Date.now();
    await expect(db.query('SELECT 1')).rejects.toThrow(DatabaseUnavailableError);
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow(DatabaseUnavailableError);
    await expect(db.session((s) => s.query('SELECT 1'))).rejects.toThrow(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up after connectionTimeoutMillis when the server accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    const port = await listen(silent, 0);
    try {
      const db = connect(`postgres://postgres@127.0.0.1:${port}/none`, { connectionTimeoutMillis: 300 });
      const started = Date.now();
      const error = await db.query('SELECT 1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});

describe.runIf(url)('PgDatabase recovering from a lost server (DATABASE_URL)', () => {
  it('a statement past its deadline is cancelled by the server and reported as unavailable; the next one runs', async () => {
    const db = connect(url ?? '', { max: 1, queryTimeoutMs: 200 });
    const started = Date.now();
    const error = await db.query('SELECT pg_sleep(5)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(String(error)).toMatch(/did not answer in time/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    // Sessions (migrations) get the longer deadline, and leave the connection as they found it.
    expect(
      await db.session(
        async (s) => (await s.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0],
      ),
    ).toEqual({ statement_timeout: '1min' });
    expect((await db.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '200ms' }]);
  });

  it('maps a terminated backend (57P01) and serves the next query on a new connection', async () => {
    const db = connect(url ?? '', { max: 1 });
    const error = await db.query('SELECT pg_terminate_backend(pg_backend_pid())').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
  });

  it('reports DatabaseUnavailableError while the server is gone, logs the dropped idle connection, and recovers', async () => {
    const target = new URL(url ?? '');
    const proxy = tcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start(0);
    const via = new URL(target);
    via.port = String(port);
    const { warnings, logger } = quietLogger();
    const db = connect(via.toString(), { logger });
    try {
      expect((await db.query('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
      await proxy.stop(); // the server "goes down": the idle pooled connection dies
      await expect(db.query('SELECT 1')).rejects.toThrow(DatabaseUnavailableError);
      expect(warnings.join('\n')).toMatch(/idle connection failed/);
      await proxy.start(port); // back up on the same address
      expect((await db.query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }]);
    } finally {
      await proxy.stop();
    }
  });
});

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A TCP relay to the real server that can be cut (all connections dropped) and restored. */
function tcpProxy(host: string, targetPort: number) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  return {
    start: (port: number) => {
      server = createServer((client) => {
        const upstream = connectTcp(targetPort, host);
        track(client);
        track(upstream);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      return listen(server, port);
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      const closing = server;
      server = undefined;
      if (closing) await new Promise((r) => closing.close(r));
      // Let the pool's sockets see the close before the test goes on.
      await new Promise((r) => setTimeout(r, 50));
    },
  };
}
