/**
 * ProfileDirectory with the real Slack fetcher (users.info on the stand-in) and the in-memory
 * profile cache (tests/storage/user-repository.test.ts holds it to SQL's behaviour): display_name,
 * then real_name, then name; cached for a day per workspace; a failing lookup falls back to the
 * cache, then to the id.
 */

import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackProfileFetcher } from '../../src/bootstrap.ts';
import { MemoryUserRepository } from '../../src/scores/memory-users.ts';
import { PROFILE_TTL_MS, ProfileDirectory } from '../../src/scores/profile-directory.ts';
import { singleWorkspaceClients } from '../../src/slack/team-clients.ts';
import { uniqueId } from '../helpers/ids.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { type StandInProfile, standInProfiles } from './score-harness.ts';

let standIn: SlackStandIn;
const profiles = new Map<string, StandInProfile>();
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(() => standIn.close());

const lookups = (userId: string) =>
  standIn.calls.filter((c) => c.method === 'users.info' && c.body.user === userId).length;

// The rules, on the in-memory cache (its contract test holds it to SQL's behaviour).
describe('ProfileDirectory on memory', () => {
  const users = new MemoryUserRepository();

  const directory = (clock: TestClock) =>
    new ProfileDirectory(users, standInProfiles(standIn, profiles), 'Europe/Paris', clock.now);

  it.each<[string, StandInProfile, string]>([
    ['display_name', { display_name: 'Ana', real_name: 'Ana Lima', name: 'ana.lima' }, 'Ana'],
    [
      'real_name when display_name is empty',
      { display_name: '', real_name: 'Ana Lima', name: 'ana.lima' },
      'Ana Lima',
    ],
    ['name when both are empty', { display_name: '', real_name: '', name: 'ana.lima' }, 'ana.lima'],
  ])('shows %s', async (_what, profile, expected) => {
    const teamId = uniqueId('T');
    const userId = uniqueId('U');
    profiles.set(userId, { ...profile, tz: 'America/New_York' });
    const got = await directory(new TestClock('2025-03-05T12:00:00Z')).get(teamId, [userId]);
    expect(got.get(userId)).toEqual({ displayName: expected, timeZone: 'America/New_York' });
  });

  it('caches a profile for a day, then refreshes it', async () => {
    const teamId = uniqueId('T');
    const userId = uniqueId('U');
    profiles.set(userId, { display_name: 'Old name', tz: 'UTC' });
    const clock = new TestClock('2025-03-05T12:00:00Z');
    const dir = directory(clock);
    expect((await dir.get(teamId, [userId])).get(userId)?.displayName).toBe('Old name');
    profiles.set(userId, { display_name: 'New name', tz: 'Asia/Tokyo' });
    clock.set(new Date(Date.parse('2025-03-05T12:00:00Z') + PROFILE_TTL_MS - 60_000));
    expect((await dir.get(teamId, [userId])).get(userId)?.displayName).toBe('Old name');
    expect(lookups(userId)).toBe(1);
    clock.set(new Date(Date.parse('2025-03-05T12:00:00Z') + PROFILE_TTL_MS + 60_000));
    expect((await dir.get(teamId, [userId])).get(userId)).toEqual({
      displayName: 'New name',
      timeZone: 'Asia/Tokyo',
    });
    expect(lookups(userId)).toBe(2);
    // The refreshed profile is in the cache for the next process too.
    expect((await users.get(teamId, [userId]))[0]).toMatchObject({
      displayName: 'New name',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('keeps a stale cached profile when Slack fails, and falls back to the id without one', async () => {
    const teamId = uniqueId('T');
    const [cached, unknown] = [uniqueId('U'), uniqueId('U')];
    await users.upsert({
      teamId,
      userId: cached,
      displayName: 'Cached Ana',
      timeZone: 'Asia/Kolkata',
      fetchedAt: new Date('2025-01-01T00:00:00Z'),
    });
    const warnings: string[] = [];
    const failing = new ProfileDirectory(
      users,
      slackProfileFetcher(
        singleWorkspaceClients(new WebClient('xoxb-test', { slackApiUrl: `${standIn.apiUrl}broken/` })),
      ),
      'Europe/Paris',
      new TestClock('2025-03-05T12:00:00Z').now,
      { warn: (message: string) => warnings.push(message) },
    );
    standIn.reply('broken/users.info', () => ({ ok: false, error: 'user_not_found' }));
    const got = await failing.get(teamId, [cached, unknown]);
    expect(got.get(cached)).toEqual({ displayName: 'Cached Ana', timeZone: 'Asia/Kolkata' });
    expect(got.get(unknown)).toEqual({ displayName: unknown, timeZone: 'Europe/Paris' });
    // The failure is said (a missing users:read scope would otherwise hide forever), once.
    await failing.get(teamId, [cached, unknown]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/users\.info failed \(.*user_not_found.*\)/);
  });

  it('keeps profiles per workspace', async () => {
    const [teamA, teamB] = [uniqueId('T'), uniqueId('T')];
    const userId = uniqueId('U');
    const at = new Date('2025-03-05T11:00:00Z');
    await users.upsert({ teamId: teamA, userId, displayName: 'In A', timeZone: 'UTC', fetchedAt: at });
    await users.upsert({ teamId: teamB, userId, displayName: 'In B', timeZone: 'Asia/Tokyo', fetchedAt: at });
    const dir = directory(new TestClock('2025-03-05T12:00:00Z'));
    expect((await dir.get(teamA, [userId])).get(userId)).toEqual({ displayName: 'In A', timeZone: 'UTC' });
    expect((await dir.get(teamB, [userId])).get(userId)).toEqual({
      displayName: 'In B',
      timeZone: 'Asia/Tokyo',
    });
    expect(lookups(userId)).toBe(0);
  });
});
