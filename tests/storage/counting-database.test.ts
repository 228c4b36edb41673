/**
 * Database errors as a metric: every failed call is reported once, an unreachable server as
 * `unavailable` and a failing statement as `other`, and the caller still gets the error.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { countingDatabase } from '../../src/storage/counting-database.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { openTestPglite } from '../helpers/pglite-template.ts';

describe('countingDatabase', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('reports a failing statement as other and passes results and errors through', async () => {
    const pglite = await openTestPglite();
    closers.push(() => pglite.close());
    const seen: string[] = [];
    const db = countingDatabase(pglite, (kind) => seen.push(kind));
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await expect(db.query('SELEC nonsense')).rejects.toThrow(/syntax error/);
    await expect(db.transaction((tx) => tx.query('SELECT * FROM no_such_table'))).rejects.toThrow(
      /no_such_table/,
    );
    expect(seen).toEqual(['other', 'other']);
  });

  it('reports an unreachable server as unavailable', async () => {
    const pg = PgDatabase.connect('postgres://postgres@127.0.0.1:1/none', { queryTimeoutMs: 500 });
    closers.push(() => pg.close());
    const seen: string[] = [];
    const db = countingDatabase(pg, (kind) => seen.push(kind));
    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(seen).toEqual(['unavailable']);
  });
});
