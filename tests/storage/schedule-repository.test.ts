/**
 * The schedule port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * one schedule per team and channel, stored and read back as given, replaced whole, and the
 * enabled ones listed across teams in team then channel order.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSchedule, ScheduleRepository } from '../../src/daily-quiz/ports.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizStoreTargets } from '../helpers/quiz-stores.ts';

const T0 = new Date('2025-03-03T08:00:00.000Z');

function schedule(overrides: Partial<ChannelSchedule> = {}): ChannelSchedule {
  return {
    teamId: uniqueId('T'),
    channelId: uniqueId('C'),
    cron: '0 9 * * 1-5',
    timeZone: 'Europe/Paris',
    enabled: true,
    updatedAt: T0,
    ...overrides,
  };
}

describe.each(quizStoreTargets())('ScheduleRepository on $name', (target) => {
  let repo: ScheduleRepository;
  beforeAll(async () => {
    repo = (await target.open()).stores.schedules;
  });
  afterAll(() => target.close());

  it('returns null for a channel without a schedule', async () => {
    expect(await repo.get(uniqueId('T'), uniqueId('C'))).toBeNull();
  });

  it('stores a schedule and reads it back unchanged', async () => {
    const s = schedule();
    await repo.upsert(s);
    expect(await repo.get(s.teamId, s.channelId)).toEqual(s);
  });

  it('replaces every field on a second upsert', async () => {
    const s = schedule();
    await repo.upsert(s);
    const changed = {
      ...s,
      cron: '30 7 * * *',
      timeZone: 'Asia/Tokyo',
      enabled: false,
      updatedAt: new Date(T0.getTime() + 60_000),
    };
    await repo.upsert(changed);
    expect(await repo.get(s.teamId, s.channelId)).toEqual(changed);
  });

  it('keeps the same channel id apart in two teams', async () => {
    const channelId = uniqueId('C');
    const a = schedule({ channelId, cron: '0 9 * * *' });
    const b = schedule({ channelId, cron: '0 17 * * *' });
    await repo.upsert(a);
    await repo.upsert(b);
    expect((await repo.get(a.teamId, channelId))?.cron).toBe('0 9 * * *');
    expect((await repo.get(b.teamId, channelId))?.cron).toBe('0 17 * * *');
  });

  it('lists only enabled schedules, across teams, ordered by team then channel', async () => {
    const teamA = `A${uniqueId('T')}`;
    const teamB = `B${uniqueId('T')}`;
    const mine = [
      schedule({ teamId: teamB, channelId: 'C1' }),
      schedule({ teamId: teamA, channelId: 'C2' }),
      schedule({ teamId: teamA, channelId: 'C1' }),
      schedule({ teamId: teamA, channelId: 'C3', enabled: false }),
    ];
    for (const s of mine) await repo.upsert(s);
    const listed = (await repo.listEnabled()).filter((s) => s.teamId === teamA || s.teamId === teamB);
    expect(listed.map((s) => `${s.teamId === teamA ? 'A' : 'B'}/${s.channelId}`)).toEqual([
      'A/C1',
      'A/C2',
      'B/C1',
    ]);
    expect(listed.every((s) => s.enabled)).toBe(true);
  });
});
