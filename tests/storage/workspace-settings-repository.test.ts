/**
 * Per-workspace quiz defaults (issue 14, item 1): the settings port's contract in memory and on
 * SQL (PGlite, and Postgres with DATABASE_URL), and the rules over it: a workspace without
 * settings gets QUIZ_SCHEDULE and QUIZ_TIMEZONE, each stored value replaces only its own, null
 * goes back to the install-wide default, and a bad schedule or zone is refused with nothing stored.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryWorkspaceSettings } from '../../src/daily-quiz/memory-workspace-settings.ts';
import { changeWorkspaceDefaults, quizDefaults } from '../../src/daily-quiz/workspace-defaults.ts';
import type { WorkspaceSettingsRepository } from '../../src/daily-quiz/workspace-settings-ports.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlWorkspaceSettingsRepository } from '../../src/storage/workspace-settings-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { TestClock } from '../helpers/test-clock.ts';

const targets: Array<{
  name: string;
  open: () => Promise<WorkspaceSettingsRepository>;
  close: () => Promise<void>;
}> = [
  { name: 'memory', open: async () => new MemoryWorkspaceSettings(), close: async () => {} },
  ...testDatabases().map((t) => ({
    name: t.name,
    open: async () => {
      const db = await t.open();
      await migrate(db);
      return new SqlWorkspaceSettingsRepository(db);
    },
    close: () => t.close(),
  })),
];

describe.each(targets)('workspace settings on $name', (target) => {
  let repo: WorkspaceSettingsRepository;
  const clock = new TestClock('2026-12-08T10:00:00Z');
  const ctx = () => ({
    workspaceSettings: repo,
    defaults: { cron: '0 9 * * 1-5', timeZone: 'UTC' },
    clock: clock.now,
    ready: () => Promise.resolve(),
  });
  beforeAll(async () => {
    repo = await target.open();
  });
  afterAll(() => target.close());

  it('stores and replaces one row per workspace', async () => {
    const team = uniqueId('T');
    expect(await repo.get(team)).toBeNull();
    await repo.save({
      teamId: team,
      quizSchedule: '30 8 * * *',
      quizTimeZone: null,
      notesDir: '/srv/notes/team-a',
      updatedAt: clock.now(),
    });
    await repo.save({
      teamId: uniqueId('T'),
      quizSchedule: null,
      quizTimeZone: 'Asia/Tokyo',
      notesDir: null,
      updatedAt: clock.now(),
    });
    expect(await repo.get(team)).toEqual({
      teamId: team,
      quizSchedule: '30 8 * * *',
      quizTimeZone: null,
      notesDir: '/srv/notes/team-a',
      updatedAt: clock.now(),
    });
    await repo.save({
      teamId: team,
      quizSchedule: null,
      quizTimeZone: 'Europe/Paris',
      notesDir: null,
      updatedAt: clock.now(),
    });
    expect((await repo.get(team))?.quizSchedule).toBeNull();
    expect((await repo.get(team))?.quizTimeZone).toBe('Europe/Paris');
    expect((await repo.get(team))?.notesDir).toBeNull();
  });

  it('defaults: the workspace’s values, each falling back on its own to QUIZ_SCHEDULE / QUIZ_TIMEZONE', async () => {
    const team = uniqueId('T');
    expect(await quizDefaults(ctx(), team)).toEqual({ cron: '0 9 * * 1-5', timeZone: 'UTC' });
    const zone = await changeWorkspaceDefaults(ctx(), { teamId: team, timeZone: 'America/New_York' });
    expect(zone.ok && zone.defaults).toEqual({ cron: '0 9 * * 1-5', timeZone: 'America/New_York' });
    const both = await changeWorkspaceDefaults(ctx(), { teamId: team, schedule: '15 7 * * 1-5' });
    expect(both.ok && both.defaults).toEqual({ cron: '15 7 * * 1-5', timeZone: 'America/New_York' });
    const back = await changeWorkspaceDefaults(ctx(), { teamId: team, timeZone: null });
    expect(back.ok && back.defaults).toEqual({ cron: '15 7 * * 1-5', timeZone: 'UTC' });
  });

  it('refuses a bad schedule or zone, saying which, and stores nothing', async () => {
    const team = uniqueId('T');
    const result = await changeWorkspaceDefaults(ctx(), {
      teamId: team,
      schedule: '99 99 * * *',
      timeZone: 'Mars/Olympus',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(
      /^schedule: .*99 99.*\ntime zone: "Mars\/Olympus"/,
    );
    expect(await repo.get(team)).toBeNull();
  });
});
