/**
 * The leaderboard use case over the in-memory repositories: top 10 by points, ties to the earlier
 * mean answer delay, the asker's own row with their real rank, periods in the channel's schedule
 * time zone, and two workspaces in one store that never mix.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardLines, leaderboardTitle } from '../../src/scores/format-scores.ts';
import { leaderboard } from '../../src/scores/leaderboard.ts';
import type { ProfileFetcher } from '../../src/scores/profile-directory.ts';
import { uniqueId } from '../helpers/ids.ts';
import { memoryQuizStores } from '../helpers/quiz-stores.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { MINUTE, ScoreSeeder, type StandInProfile, scoreContext, standInProfiles } from './score-harness.ts';

let standIn: SlackStandIn;
const profiles = new Map<string, StandInProfile>();
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(() => standIn.close());

// The rules, on the in-memory repositories (their contract tests hold them to SQL's behaviour).
describe('leaderboard on memory', () => {
  const stores = memoryQuizStores();
  const seed = new ScoreSeeder(stores);

  const context = (now: string, fetcher: ProfileFetcher | null = standInProfiles(standIn, profiles)) =>
    scoreContext(stores, { now: new TestClock(now).now, fetcher });

  /** `n` daily quizzes at 09:00Z on consecutive days from 3 Mar 2025 in one channel. */
  async function quizzes(teamId: string, channelId: string, n: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const day = String(3 + i).padStart(2, '0');
      ids.push(await seed.quiz({ teamId, channelId, postedAt: `2025-03-${day}T09:00:00Z` }));
    }
    return ids;
  }

  /** `users[i]` answers the first `i + 1` quizzes right, `delayMin` minutes after each post. */
  async function staircase(teamId: string, quizIds: number[], users: string[], delayMin = 5) {
    for (const [i, userId] of users.entries()) {
      for (const [d, quizId] of quizIds.slice(0, i + 1).entries()) {
        const day = String(3 + d).padStart(2, '0');
        const at = new Date(Date.parse(`2025-03-${day}T09:00:00Z`) + delayMin * MINUTE);
        await seed.daily({ quizId, teamId, userId, correct: true, at });
      }
    }
  }

  it('shows the top 10 by points, ranked, with display names and streaks', async () => {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const users = Array.from({ length: 12 }, () => uniqueId('U'));
    for (const [i, u] of users.entries()) profiles.set(u, { display_name: `Player ${i + 1}` });
    await staircase(teamId, await quizzes(teamId, channelId, 12), users);
    const board = await leaderboard(context('2025-03-15T12:00:00Z'), {
      teamId,
      channelId,
      period: 'all',
      askerId: users[11],
    });
    expect(board.total).toBe(12);
    expect(board.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(board.rows.map((r) => r.points)).toEqual([120, 110, 100, 90, 80, 70, 60, 50, 40, 30]);
    expect(board.rows.map((r) => r.displayName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Player ${12 - i}`),
    );
    expect(board.rows[0]).toMatchObject({ answered: 12, correct: 12, streak: 12 });
    // Player 3 answered the first three quizzes and missed the nine after: streak 0.
    expect(board.rows[9]).toMatchObject({ displayName: 'Player 3', streak: 0 });
    expect(board.asker).toBeNull();
  });

  it("adds the asker's own row, with their real rank, when they are outside the top 10", async () => {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const users = Array.from({ length: 12 }, () => uniqueId('U'));
    await staircase(teamId, await quizzes(teamId, channelId, 12), users);
    const [last, secondLast] = [users[0] ?? '', users[1] ?? ''];
    const ctx = context('2025-03-15T12:00:00Z');
    const board = await leaderboard(ctx, { teamId, channelId, period: 'all', askerId: last });
    expect(board.rows).toHaveLength(10);
    expect(board.rows.some((r) => r.userId === last)).toBe(false);
    expect(board.asker).toMatchObject({ userId: last, rank: 12, points: 10, displayName: `Display ${last}` });
    const lines = leaderboardLines(board, false);
    expect(lines.slice(-2)).toEqual(['…', `12. Display ${last} — 10 pts · 1/1 correct`]);
    const eleventh = await leaderboard(ctx, { teamId, channelId, period: 'all', askerId: secondLast });
    expect(eleventh.asker).toMatchObject({ userId: secondLast, rank: 11, points: 20 });
    // Someone who never answered gets no row.
    const stranger = await leaderboard(ctx, { teamId, channelId, period: 'all', askerId: uniqueId('U') });
    expect(stranger.asker).toBeNull();
    expect(stranger.rows).toHaveLength(10);
  });

  // On SQL 'all' reads the trigger-kept totals and 'month' aggregates the period's responses: both
  // paths are held to the same rows by tests/storage/score-repository.test.ts and score-totals.test.ts.
  it.each(['all', 'month'] as const)(
    'breaks ties on points by the earlier mean answer delay (%s)',
    async (period) => {
      const teamId = uniqueId('T');
      const channelId = uniqueId('C');
      const [q1, q2] = await quizzes(teamId, channelId, 2); // posted 3 and 4 Mar, 09:00Z
      const [early, steady, late] = [`Uc${uniqueId('')}`, `Ub${uniqueId('')}`, `Ua${uniqueId('')}`];
      // `early`: 1 and 9 min (mean 5); `steady`: 4 and 4 min (mean 4); `late`: 30 and 4 min (mean 17).
      // User ids sort the other way round, so only the delay can explain the order.
      await seed.daily({ quizId: q1 ?? 0, teamId, userId: early, correct: true, at: '2025-03-03T09:01:00Z' });
      await seed.daily({ quizId: q2 ?? 0, teamId, userId: early, correct: true, at: '2025-03-04T09:09:00Z' });
      await seed.daily({
        quizId: q1 ?? 0,
        teamId,
        userId: steady,
        correct: true,
        at: '2025-03-03T09:04:00Z',
      });
      await seed.daily({
        quizId: q2 ?? 0,
        teamId,
        userId: steady,
        correct: true,
        at: '2025-03-04T09:04:00Z',
      });
      await seed.daily({ quizId: q1 ?? 0, teamId, userId: late, correct: true, at: '2025-03-03T09:30:00Z' });
      await seed.daily({ quizId: q2 ?? 0, teamId, userId: late, correct: true, at: '2025-03-04T09:04:00Z' });
      const board = await leaderboard(context('2025-03-05T12:00:00Z'), { teamId, period });
      expect(board.rows.map((r) => [r.userId, r.rank, r.points])).toEqual([
        [steady, 1, 20],
        [early, 2, 20],
        [late, 3, 20],
      ]);
      expect(board.rows.map((r) => Math.round(r.meanDelayMs / MINUTE))).toEqual([4, 5, 17]);
    },
  );

  it.each(['all', 'week'] as const)(
    'measures the delay from each quiz post, not from the answer time (%s)',
    async (period) => {
      const teamId = uniqueId('T');
      const channelId = uniqueId('C');
      const [q1, q2] = await quizzes(teamId, channelId, 2);
      const [slowFirstDay, quickSecondDay] = [uniqueId('U'), uniqueId('U')];
      // Answered earlier in absolute time but 30 min after its post, versus 1 min after the next post.
      await seed.daily({
        quizId: q1 ?? 0,
        teamId,
        userId: slowFirstDay,
        correct: true,
        at: '2025-03-03T09:30:00Z',
      });
      await seed.daily({
        quizId: q2 ?? 0,
        teamId,
        userId: quickSecondDay,
        correct: true,
        at: '2025-03-04T09:01:00Z',
      });
      const board = await leaderboard(context('2025-03-05T12:00:00Z'), { teamId, period });
      expect(board.rows.map((r) => r.userId)).toEqual([quickSecondDay, slowFirstDay]);
    },
  );

  it('filters a week in the channel schedule time zone (Sunday 23:30 PST is last week)', async () => {
    const teamId = uniqueId('T');
    const la = uniqueId('C');
    const utc = uniqueId('C');
    await seed.schedule(teamId, la, 'America/Los_Angeles');
    const [sunday, monday, october] = [uniqueId('U'), uniqueId('U'), uniqueId('U')];
    const old = await seed.quiz({ teamId, channelId: la, postedAt: '2025-10-20T16:00:00Z' });
    await seed.daily({ quizId: old, teamId, userId: october, correct: true, at: '2025-10-20T16:10:00Z' });
    // Sunday 9 Nov, 09:00 PST.
    const quizId = await seed.quiz({ teamId, channelId: la, postedAt: '2025-11-09T17:00:00Z' });
    await seed.daily({ quizId, teamId, userId: sunday, correct: true, at: '2025-11-10T07:30:00Z' }); // Sun 23:30 PST
    await seed.daily({ quizId, teamId, userId: monday, correct: true, at: '2025-11-10T08:10:00Z' }); // Mon 00:10 PST
    const ctx = context('2025-11-10T18:00:00Z'); // Monday 10:00 PST
    const ids = async (period: 'week' | 'month' | 'all', channelId: string) =>
      (await leaderboard(ctx, { teamId, channelId, period })).rows.map((r) => r.userId).sort();

    expect(await ids('week', la)).toEqual([monday]);
    // Read from a channel without a schedule (the default zone, UTC), Monday 07:30Z is this week.
    expect(await ids('week', utc)).toEqual([monday, sunday].sort());
    expect(await ids('month', la)).toEqual([monday, sunday].sort());
    expect(await ids('all', la)).toEqual([monday, october, sunday].sort());

    const week = await leaderboard(ctx, { teamId, channelId: la, period: 'week' });
    expect(week.timeZone).toBe('America/Los_Angeles');
    expect(week.since?.toISOString()).toBe('2025-11-10T08:00:00.000Z');
    expect(leaderboardTitle(week)).toBe('This week (since Mon 10 Nov, America/Los_Angeles)');
    expect(leaderboardTitle(await leaderboard(ctx, { teamId, channelId: la, period: 'all' }))).toBe(
      'All time',
    );
  });

  it("counts one channel's quizzes only when asked to", async () => {
    const teamId = uniqueId('T');
    const [a, b] = [uniqueId('C'), uniqueId('C')];
    const user = uniqueId('U');
    const qa = await seed.quiz({ teamId, channelId: a, postedAt: '2025-03-03T09:00:00Z' });
    const qb = await seed.quiz({ teamId, channelId: b, postedAt: '2025-03-03T09:00:00Z' });
    await seed.daily({ quizId: qa, teamId, userId: user, correct: true, at: '2025-03-03T09:01:00Z' });
    await seed.daily({ quizId: qb, teamId, userId: user, correct: true, at: '2025-03-03T09:02:00Z' });
    const ctx = context('2025-03-04T12:00:00Z');
    const whole = await leaderboard(ctx, { teamId, channelId: a, period: 'all' });
    const only = await leaderboard(ctx, { teamId, channelId: a, period: 'all', onlyChannel: true });
    expect(whole.rows[0]?.points).toBe(20);
    expect(only.rows[0]?.points).toBe(10);
  });

  it('keeps two workspaces in one store apart (standings, quiz days, answers, profiles)', async () => {
    const [teamA, teamB] = [uniqueId('T'), uniqueId('T')];
    // Same channel and user ids in both workspaces, on purpose.
    const channelId = uniqueId('C');
    const [u1, u2] = [uniqueId('U'), uniqueId('U')];
    const qa = await quizzes(teamA, channelId, 3);
    const qb = await seed.quiz({
      teamId: teamB,
      channelId,
      postedAt: '2025-03-03T10:00:00Z',
      questionId: 'qb',
    });
    for (const quizId of qa)
      await seed.daily({ quizId, teamId: teamA, userId: u1, correct: true, at: '2025-03-05T10:00:00Z' });
    await seed.daily({
      quizId: qa[0] ?? 0,
      teamId: teamA,
      userId: u2,
      correct: false,
      at: '2025-03-03T09:10:00Z',
    });
    await seed.daily({ quizId: qb, teamId: teamB, userId: u2, correct: true, at: '2025-03-03T10:01:00Z' });
    await seed.practice({
      teamId: teamA,
      userId: u2,
      questionId: 'pa',
      correct: true,
      at: '2025-03-03T11:00:00Z',
    });
    await seed.profile(teamA, u1, 'Ana in A', 'UTC', '2025-03-05T00:00:00Z');
    await seed.profile(teamB, u1, 'Someone else in B', 'Asia/Tokyo', '2025-03-05T00:00:00Z');
    await seed.profile(teamA, u2, 'Bo in A', 'UTC', '2025-03-05T00:00:00Z');
    await seed.profile(teamB, u2, 'Bo in B', 'UTC', '2025-03-05T00:00:00Z');

    const ctx = context('2025-03-05T12:00:00Z', null);
    const boardA = await leaderboard(ctx, { teamId: teamA, period: 'all' });
    const boardB = await leaderboard(ctx, { teamId: teamB, period: 'all' });
    expect(boardA.rows.map((r) => [r.displayName, r.points, r.answered])).toEqual([
      ['Ana in A', 30, 3],
      ['Bo in A', 0, 1],
    ]);
    expect(boardB.rows.map((r) => [r.displayName, r.points, r.answered])).toEqual([['Bo in B', 10, 1]]);
    expect(boardB.total).toBe(1);

    const { scores } = stores;
    expect((await scores.quizDays(teamA, u2)).map((d) => d.correct)).toEqual([false, null, null]);
    expect((await scores.quizDays(teamB, u2)).map((d) => d.correct)).toEqual([true]);
    expect(await scores.quizDays(teamB, u1)).toEqual([]);
    expect((await scores.answeredQuestions(teamA, u2)).map((a) => a.questionId).sort()).toEqual(['pa', 'q1']);
    expect(await scores.answeredQuestions(teamB, u2)).toEqual([{ questionId: 'qb', correct: true }]);
    expect(await scores.standings({ teamId: uniqueId('T') })).toEqual([]);
    expect(await scores.teamIds()).toEqual(expect.arrayContaining([teamA, teamB]));
  });

  it('shows an empty period plainly', async () => {
    const board = await leaderboard(context('2025-03-05T12:00:00Z'), {
      teamId: uniqueId('T'),
      period: 'week',
    });
    expect(board).toMatchObject({ rows: [], asker: null, total: 0 });
    expect(leaderboardLines(board, true)).toEqual([
      'Nobody has answered a daily question in this period yet.',
    ]);
  });
});
