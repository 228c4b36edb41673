/**
 * The profile cache's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * one profile per workspace and person, read back as stored, replaced whole, missing ones absent.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile, UserRepository } from '../../src/scores/ports.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizStoreTargets } from '../helpers/quiz-stores.ts';

const T0 = new Date('2025-03-05T11:00:00.000Z');

describe.each(quizStoreTargets())('UserRepository on $name', (target) => {
  let users: UserRepository;
  beforeAll(async () => {
    users = (await target.open()).stores.users;
  });
  afterAll(() => target.close());

  const profile = (overrides: Partial<UserProfile> = {}): UserProfile => ({
    teamId: uniqueId('T'),
    userId: uniqueId('U'),
    displayName: 'Ana',
    timeZone: 'Europe/Paris',
    fetchedAt: T0,
    ...overrides,
  });

  it('reads back the profiles asked for, and leaves out the ones it does not have', async () => {
    const ana = profile();
    const bo = profile({ teamId: ana.teamId, displayName: 'Bo', timeZone: 'Asia/Tokyo' });
    await users.upsert(ana);
    await users.upsert(bo);
    const got = await users.get(ana.teamId, [bo.userId, uniqueId('U'), ana.userId]);
    expect([...got].sort((a, b) => a.displayName.localeCompare(b.displayName))).toEqual([ana, bo]);
    expect(await users.get(ana.teamId, [])).toEqual([]);
  });

  it('replaces a profile whole on a second upsert', async () => {
    const first = profile();
    await users.upsert(first);
    const changed = {
      ...first,
      displayName: 'Ana Lima',
      timeZone: 'America/New_York',
      fetchedAt: new Date(T0.getTime() + 60_000),
    };
    await users.upsert(changed);
    expect(await users.get(first.teamId, [first.userId])).toEqual([changed]);
  });

  it('keeps the same person id apart in two workspaces', async () => {
    const userId = uniqueId('U');
    const a = profile({ userId, displayName: 'In A', timeZone: 'UTC' });
    const b = profile({ userId, displayName: 'In B', timeZone: 'Asia/Tokyo' });
    await users.upsert(a);
    await users.upsert(b);
    expect(await users.get(a.teamId, [userId])).toEqual([a]);
    expect(await users.get(b.teamId, [userId])).toEqual([b]);
  });
});
