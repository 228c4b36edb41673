/**
 * The exam-date port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * a date reads back as the same calendar date whatever the server's or process's time zone,
 * setting again replaces it, clearing says whether there was one, and people and workspaces are
 * kept apart.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryExamDateRepository } from '../../src/exam-readiness/memory-exam-dates.ts';
import type { ExamDateRepository } from '../../src/exam-readiness/ports.ts';
import { SqlExamDateRepository } from '../../src/storage/exam-date-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const AT = new Date('2026-11-29T23:30:00Z');

const targets: Array<{ name: string; open: () => Promise<ExamDateRepository>; close: () => Promise<void> }> =
  [
    { name: 'memory', open: async () => new MemoryExamDateRepository(), close: async () => {} },
    ...testDatabases().map((t) => ({
      name: t.name,
      open: async () => {
        const db = await t.open();
        await migrate(db);
        return new SqlExamDateRepository(db);
      },
      close: () => t.close(),
    })),
  ];

describe.each(targets)('ExamDateRepository on $name', (target) => {
  let repo: ExamDateRepository;
  beforeAll(async () => {
    repo = await target.open();
  });
  afterAll(() => target.close());

  it('stores, replaces and clears one date per person and workspace', async () => {
    const team = uniqueId('T');
    expect(await repo.get(team, 'U1')).toBeNull();
    await repo.set(team, 'U1', '2026-12-31', AT);
    await repo.set(team, 'U2', '2027-01-01', AT);
    await repo.set(uniqueId('T'), 'U1', '2027-02-02', AT);
    expect(await repo.get(team, 'U1')).toBe('2026-12-31');
    await repo.set(team, 'U1', '2027-03-01', AT);
    expect(await repo.get(team, 'U1')).toBe('2027-03-01');
    expect(await repo.clear(team, 'U1')).toBe(true);
    expect(await repo.clear(team, 'U1')).toBe(false);
    expect(await repo.get(team, 'U1')).toBeNull();
    expect(await repo.get(team, 'U2')).toBe('2027-01-01');
  });
});
