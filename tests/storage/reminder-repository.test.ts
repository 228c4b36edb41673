/**
 * The reminder port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * of many claims of one local date exactly one wins, an earlier date never wins after a later
 * one, a released claim can be claimed again, turning off keeps the last date and the DM
 * channel. On SQL, the cached Slack profile's time zone wins over the one stored at opt-in.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryReminderRepository } from '../../src/spaced-repetition/memory-reminders.ts';
import type { ReminderRepository } from '../../src/spaced-repetition/reminder-ports.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlReminderRepository } from '../../src/storage/reminder-repository.ts';
import { SqlUserRepository } from '../../src/storage/user-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const T0 = new Date('2026-06-01T09:00:00Z');

const targets: Array<{
  name: string;
  open: () => Promise<{ repo: ReminderRepository; db?: Database }>;
  close: () => Promise<void>;
}> = [
  { name: 'memory', open: async () => ({ repo: new MemoryReminderRepository() }), close: async () => {} },
  ...testDatabases().map((t) => ({
    name: t.name,
    open: async () => {
      const db = await t.open();
      await migrate(db);
      return { repo: new SqlReminderRepository(db), db };
    },
    close: () => t.close(),
  })),
];

describe.each(targets)('ReminderRepository on $name', (target) => {
  let repo: ReminderRepository;
  let db: Database | undefined;
  beforeAll(async () => {
    ({ repo, db } = await target.open());
  });
  afterAll(() => target.close());

  const on = (teamId: string, userId: string, enabled = true) =>
    repo.save({ teamId, userId, enabled, minuteOfDay: 540, timeZone: 'Europe/Berlin', updatedAt: T0 });

  it('one of 10 concurrent claims of a local date wins; earlier dates never win after it', async () => {
    const team = uniqueId('T');
    await on(team, 'U1');
    const wins = await Promise.all(
      Array.from({ length: 10 }, () => repo.claim(team, 'U1', '2026-06-01', T0)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await repo.claim(team, 'U1', '2026-05-31', T0)).toBe(false);
    expect(await repo.claim(team, 'U1', '2026-06-02', T0)).toBe(true);
    expect(await repo.claim(team, 'U2', '2026-06-02', T0)).toBe(false); // never opted in
  });

  it('a released claim is claimed again; off keeps the date and the DM channel; off claims nothing', async () => {
    const team = uniqueId('T');
    await on(team, 'U1');
    expect(await repo.claim(team, 'U1', '2026-06-01', T0)).toBe(true);
    await repo.release(team, 'U1', '2026-06-01');
    expect(await repo.claim(team, 'U1', '2026-06-01', T0)).toBe(true);
    await repo.saveDmChannel(team, 'U1', 'D1');
    await on(team, 'U1', false);
    expect(await repo.get(team, 'U1')).toMatchObject({
      enabled: false,
      lastLocalDate: '2026-06-01',
      dmChannelId: 'D1',
      minuteOfDay: 540,
    });
    expect(await repo.claim(team, 'U1', '2026-06-02', T0)).toBe(false);
    expect((await repo.listEnabled()).some((s) => s.teamId === team)).toBe(false);
  });

  it('on SQL, the time zone of the cached Slack profile wins over the one stored at opt-in', async () => {
    if (!db) return;
    const team = uniqueId('T');
    await on(team, 'U1');
    await new SqlUserRepository(db).upsert({
      teamId: team,
      userId: 'U1',
      displayName: 'Ada',
      timeZone: 'America/New_York',
      fetchedAt: T0,
    });
    expect((await repo.listEnabled()).find((s) => s.teamId === team)?.timeZone).toBe('America/New_York');
  });
});
