/**
 * personalStats over the in-memory repositories: points (week, all time), rank, daily and overall
 * accuracy, streak in the person's own time zone, per-topic accuracy from daily and practice
 * answers, and the three weakest topics with the note sections to read.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsLines } from '../../src/scores/format-scores.ts';
import { personalStats } from '../../src/scores/personal-stats.ts';
import { uniqueId } from '../helpers/ids.ts';
import { memoryQuizStores } from '../helpers/quiz-stores.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { ScoreSeeder, type StandInProfile, scoreContext, standInProfiles } from './score-harness.ts';
import { STATS_BANK, src } from './stats-bank.ts';

let standIn: SlackStandIn;
const profiles = new Map<string, StandInProfile>();
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(() => standIn.close());

// The rules, on the in-memory repositories (their contract tests hold them to SQL's behaviour).
describe('personalStats on memory', () => {
  const stores = memoryQuizStores();
  const seed = new ScoreSeeder(stores);

  const context = (clock: TestClock) =>
    scoreContext(stores, { now: clock.now, bank: STATS_BANK, fetcher: standInProfiles(standIn, profiles) });

  /**
   * Weekday quizzes at 09:00Z from Mon 3 to Wed 12 Mar 2025 (Wed still open) in one UTC channel:
   * `ana` answers 7 (4 right, the last three quiz days right), `top` 5 right, `low` 1 right.
   */
  async function scenario() {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const [ana, top, low] = [uniqueId('U'), uniqueId('U'), uniqueId('U')];
    profiles.set(ana, { display_name: 'Ana', tz: 'UTC' });
    const days = [
      ['2025-03-03', 'ec2-types', false],
      ['2025-03-04', 'ec2-spot', false],
      ['2025-03-05', 's3-classes', true],
      ['2025-03-06', 'lambda-limits', false],
      ['2025-03-07', 'ddb-dax', true],
      ['2025-03-10', 'ec2-placement', true],
      ['2025-03-11', 's3-lock', true],
    ] as const;
    for (const [i, [date, questionId, correct]] of days.entries()) {
      const quizId = await seed.quiz({ teamId, channelId, postedAt: `${date}T09:00:00Z`, questionId });
      await seed.daily({ quizId, teamId, userId: ana, correct, at: `${date}T09:05:00Z` });
      if (i < 5) await seed.daily({ quizId, teamId, userId: top, correct: true, at: `${date}T09:01:00Z` });
      if (i === 5) await seed.daily({ quizId, teamId, userId: low, correct: true, at: `${date}T10:00:00Z` });
    }
    await seed.quiz({
      teamId,
      channelId,
      postedAt: '2025-03-12T09:00:00Z',
      questionId: 'vpc-endpoints',
      revealedAt: null,
    });
    const practice = [
      ['lambda-limits', true],
      ['ec2-types', false],
      ['ddb-dax', false],
      ['ddb-dax', false],
      ['vpc-endpoints', false],
      ['vpc-endpoints', false],
      ['vpc-endpoints', true],
      ['not-in-the-bank-anymore', false],
    ] as const;
    for (const [i, [questionId, correct]] of practice.entries()) {
      await seed.practice({ teamId, userId: ana, questionId, correct, at: `2025-03-08T1${i}:00:00Z` });
    }
    return { teamId, channelId, ana, top, low };
  }

  it('computes points, rank, accuracy, streak and topics from daily and practice answers', async () => {
    const { teamId, channelId, ana } = await scenario();
    const clock = new TestClock('2025-03-12T12:00:00Z');
    const stats = await personalStats(context(clock), { teamId, userId: ana, channelId });
    expect(stats).toMatchObject({
      userId: ana,
      displayName: 'Ana',
      pointsAllTime: 40,
      pointsThisWeek: 20,
      rank: 2,
      players: 3,
      dailyAnswered: 7,
      dailyCorrect: 4,
      streak: 3,
    });
    // 7 daily (4 right) + 7 practice on bank questions (2 right); the unknown question is ignored.
    expect(stats.accuracy).toBeCloseTo(6 / 14);
    expect(stats.topics.map((t) => [t.topic, t.correct, t.answered])).toEqual([
      ['Amazon EC2', 1, 4],
      ['Amazon DynamoDB', 1, 3],
      ['Amazon VPC', 1, 3],
      ['AWS Lambda', 1, 2],
      ['Amazon S3', 2, 2],
    ]);
  });

  it('names the three weakest topics with the sections of the questions answered wrongly', async () => {
    const { teamId, ana } = await scenario();
    const stats = await personalStats(context(new TestClock('2025-03-12T12:00:00Z')), {
      teamId,
      userId: ana,
    });
    expect(stats.weakest.map((t) => [t.topic, t.read])).toEqual([
      ['Amazon EC2', [src('ec2.md', 'EC2 > Instance types'), src('ec2.md', 'EC2 > Spot')]],
      ['Amazon DynamoDB', [src('dynamodb.md', 'DynamoDB > DAX')]],
      ['Amazon VPC', [src('vpc.md', 'VPC > Endpoints')]],
    ]);
    const text = statsLines(stats, false).join('\n');
    expect(text).toContain('Points: 20 this week, 40 all time · rank 2 of 3');
    expect(text).toContain('Daily: 4/7 correct · accuracy (daily + practice) 43 % · streak 3 quiz days');
    expect(text).toContain('Amazon EC2 (25 %): ec2.md › Instance types; ec2.md › Spot');
    expect(text).toContain('Amazon VPC (33 %): vpc.md › Endpoints');
    expect(text).not.toMatch(/AWS Lambda \(50 %\):/);
  });

  it('drops the streak to 0 once the latest quiz closes unanswered', async () => {
    const { teamId, channelId, ana } = await scenario();
    const clock = new TestClock('2025-03-13T08:00:00Z');
    const ctx = context(clock);
    // Thursday's quiz, posted and revealed while Ana did not answer.
    await seed.quiz({ teamId, channelId, postedAt: '2025-03-13T09:00:00Z', questionId: 'ec2-spot' });
    clock.set('2025-03-13T18:00:00Z');
    expect((await personalStats(ctx, { teamId, userId: ana })).streak).toBe(0);
  });

  it('counts the streak on local dates in a zone east of UTC (quizzes at 23:30 UTC)', async () => {
    const teamId = uniqueId('T');
    const channelId = uniqueId('C');
    const kenji = uniqueId('U');
    profiles.set(kenji, { display_name: 'Kenji', tz: 'Asia/Tokyo' });
    // 08:30 Tokyo = 23:30Z the day before: Mon 3 … Thu 6 Mar JST; Thursday's is still open.
    const posted = ['2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'];
    for (const [i, date] of posted.entries()) {
      const open = i === posted.length - 1;
      const quizId = await seed.quiz({
        teamId,
        channelId,
        postedAt: `${date}T23:30:00Z`,
        localDate: date,
        questionId: 'lambda-limits',
        revealedAt: open ? null : undefined,
      });
      if (!open) await seed.daily({ quizId, teamId, userId: kenji, correct: true, at: `${date}T23:40:00Z` });
    }
    // A second channel's quiz on Tue 4 Mar JST (10:00Z), also right: the same local day, once.
    const other = uniqueId('C');
    const quizId = await seed.quiz({ teamId, channelId: other, postedAt: '2025-03-04T10:00:00Z' });
    await seed.daily({ quizId, teamId, userId: kenji, correct: true, at: '2025-03-04T10:05:00Z' });
    const stats = await personalStats(context(new TestClock('2025-03-05T23:45:00Z')), {
      teamId,
      userId: kenji,
    });
    expect(stats.displayName).toBe('Kenji');
    expect(stats.streak).toBe(3);
    expect(stats.dailyAnswered).toBe(4);
  });

  it('counts "this week" in the channel schedule time zone', async () => {
    const teamId = uniqueId('T');
    const la = uniqueId('C');
    const utc = uniqueId('C');
    await seed.schedule(teamId, la, 'America/Los_Angeles');
    const zoe = uniqueId('U');
    const quizId = await seed.quiz({ teamId, channelId: la, postedAt: '2025-11-09T17:00:00Z' });
    // Sunday 9 Nov 23:30 PST = Monday 10 Nov 07:30Z.
    await seed.daily({ quizId, teamId, userId: zoe, correct: true, at: '2025-11-10T07:30:00Z' });
    const ctx = context(new TestClock('2025-11-10T18:00:00Z'));
    expect((await personalStats(ctx, { teamId, userId: zoe, channelId: la })).pointsThisWeek).toBe(0);
    expect((await personalStats(ctx, { teamId, userId: zoe, channelId: utc })).pointsThisWeek).toBe(10);
    expect((await personalStats(ctx, { teamId, userId: zoe, channelId: la })).pointsAllTime).toBe(10);
  });

  it('says so for someone who never answered', async () => {
    const { teamId } = await scenario();
    const nobody = uniqueId('U');
    const stats = await personalStats(context(new TestClock('2025-03-12T12:00:00Z')), {
      teamId,
      userId: nobody,
    });
    expect(stats).toMatchObject({
      pointsAllTime: 0,
      pointsThisWeek: 0,
      rank: null,
      players: 3,
      accuracy: null,
      streak: 0,
      topics: [],
      weakest: [],
    });
    expect(statsLines(stats, false).join('\n')).toContain('no daily answers yet');
  });
});
