import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';

describe.each(testDatabases())('Database contract on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
    await db.query('CREATE TABLE counters (name text PRIMARY KEY, n int NOT NULL, at timestamptz)');
  });
  afterAll(() => target.close());

  it('round-trips parameters, including Date as timestamptz, and counts affected rows', async () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    await db.query('INSERT INTO counters VALUES ($1, $2, $3)', ['params', 1, at]);
    expect((await db.query('SELECT name, n, at FROM counters WHERE name = $1', ['params'])).rows).toEqual([
      { name: 'params', n: 1, at },
    ]);
    expect((await db.query('UPDATE counters SET n = n + 1 WHERE name = $1', ['params'])).rowCount).toBe(1);
    expect((await db.query('UPDATE counters SET n = n + 1 WHERE name = $1', ['nobody'])).rowCount).toBe(0);
  });

  it('commits a transaction and returns its value', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO counters VALUES ($1, $2)', ['committed', 5]);
      return 'done';
    });
    expect(value).toBe('done');
    expect((await db.query('SELECT n FROM counters WHERE name = $1', ['committed'])).rows).toEqual([
      { n: 5 },
    ]);
  });

  it('rolls back when the function throws, and rethrows the same error', async () => {
    const boom = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO counters VALUES ($1, $2)', ['rolled-back', 1]);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await db.query('SELECT n FROM counters WHERE name = $1', ['rolled-back'])).rows).toEqual([]);
  });

  it('rolls back on a constraint error and stays usable', async () => {
    await db.query('INSERT INTO counters VALUES ($1, $2)', ['unique', 1]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE counters SET n = 100 WHERE name = $1', ['unique']);
        await tx.query('INSERT INTO counters VALUES ($1, $2)', ['unique', 2]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db.query('SELECT n FROM counters WHERE name = $1', ['unique'])).rows).toEqual([{ n: 1 }]);
  });

  it('keeps 10 parallel read-modify-write transactions from losing updates', async () => {
    await db.query('INSERT INTO counters VALUES ($1, 0)', ['parallel']);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>(
            'SELECT n FROM counters WHERE name = $1 FOR UPDATE',
            ['parallel'],
          );
          await tx.query('UPDATE counters SET n = $2 WHERE name = $1', ['parallel', (rows[0]?.n ?? 0) + 1]);
        }),
      ),
    );
    expect((await db.query('SELECT n FROM counters WHERE name = $1', ['parallel'])).rows).toEqual([
      { n: 10 },
    ]);
  });

  it('runs a multi-statement script in a session and returns the last result', async () => {
    const result = await db.session((s) =>
      s.query("INSERT INTO counters VALUES ('script', 7); SELECT n FROM counters WHERE name = 'script'"),
    );
    expect(result.rows).toEqual([{ n: 7 }]);
  });
});
