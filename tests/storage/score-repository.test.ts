/**
 * The score port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL):
 * standings by points, then the earlier mean delay after each post, then user id, per team, period
 * (since inclusive, until exclusive) and channel, with ranks, the period's total and the asker's
 * row beyond `limit`; a person's quiz days, answered questions, and the teams with quizzes.
 * (SQL's all-time standings come from trigger-kept totals: tests/storage/score-totals.test.ts.)
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizPostRepository, ResponseRepository } from '../../src/daily-quiz/ports.ts';
import type { ScoreRepository, StandingsQuery } from '../../src/scores/ports.ts';
import { uniqueId } from '../helpers/ids.ts';
import { postedQuiz as postQuiz, quizStoreTargets } from '../helpers/quiz-stores.ts';

const T0 = new Date('2025-03-04T09:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(quizStoreTargets())('ScoreRepository on $name', (target) => {
  let answers: ResponseRepository;
  let posts: QuizPostRepository;
  let scores: ScoreRepository;
  beforeAll(async () => {
    ({ responses: answers, posts, scores } = (await target.open()).stores);
  });
  afterAll(() => target.close());

  /** A quiz posted at `postedAt` (default T0) in a new channel of `teamId`, or in `channelId`. */
  function postedQuiz(
    teamId: string,
    options: { postedAt?: Date; channelId?: string; localDate?: string; questionId?: string } = {},
  ) {
    return postQuiz(posts, teamId, { ...options, postedAt: options.postedAt ?? T0 });
  }

  function daily(
    quizId: number,
    teamId: string,
    userId: string,
    points: number,
    answeredAt: Date,
    choice = 'A',
  ) {
    return answers.recordDaily({ quizId, teamId, userId, choice, correct: points > 0, points, answeredAt });
  }

  /** Standings without rank, delay and total: what a leaderboard line counts. */
  async function board(q: StandingsQuery) {
    return (await scores.standings(q)).map(({ userId, points, answered, correct }) => ({
      userId,
      points,
      answered,
      correct,
    }));
  }

  it('orders by points, then earlier mean answer delay, then user id; practice never counts', async () => {
    const teamId = uniqueId('T');
    const q1 = await postedQuiz(teamId, { postedAt: T0 });
    const q2 = await postedQuiz(teamId, { postedAt: at(DAY) });
    // U-slow and U-fast both have 20 points; U-fast answered sooner on average (15 s vs 60 s).
    await daily(q1, teamId, 'U-slow', 10, at(60 * SECOND));
    await daily(q2, teamId, 'U-slow', 10, at(DAY + 60 * SECOND));
    await daily(q1, teamId, 'U-fast', 10, at(10 * SECOND));
    await daily(q2, teamId, 'U-fast', 10, at(DAY + 20 * SECOND));
    // Same points and same delay: user id decides.
    await daily(q1, teamId, 'U-b', 5, at(30 * SECOND));
    await daily(q1, teamId, 'U-a', 5, at(30 * SECOND));
    await daily(q1, teamId, 'U-wrong', 0, at(SECOND));
    await daily(q2, teamId, 'U-top', 30, at(DAY + 500 * SECOND));
    for (let i = 0; i < 5; i++) {
      await answers.recordPractice({
        teamId,
        userId: 'U-practice',
        questionId: `q${i}`,
        choice: 'A',
        correct: true,
        answeredAt: at(i * SECOND),
      });
    }
    const standings = await board({ teamId });
    expect(standings.map((e) => e.userId)).toEqual(['U-top', 'U-fast', 'U-slow', 'U-a', 'U-b', 'U-wrong']);
    expect(standings[1]).toEqual({ userId: 'U-fast', points: 20, answered: 2, correct: 2 });
    expect(standings[5]).toEqual({ userId: 'U-wrong', points: 0, answered: 1, correct: 0 });
    expect((await board({ teamId, limit: 2 })).map((e) => e.userId)).toEqual(['U-top', 'U-fast']);
  });

  it('never mixes two teams in one database', async () => {
    const teamA = uniqueId('T');
    const teamB = uniqueId('T');
    const channelId = uniqueId('C'); // same channel id in both teams, on purpose
    const qa = await postedQuiz(teamA, { channelId });
    const qb = await postedQuiz(teamB, { channelId });
    await daily(qa, teamA, 'U1', 10, at(SECOND));
    await daily(qb, teamB, 'U1', 30, at(SECOND));
    await daily(qb, teamB, 'U2', 10, at(SECOND));
    expect(await board({ teamId: teamA })).toEqual([{ userId: 'U1', points: 10, answered: 1, correct: 1 }]);
    expect(await board({ teamId: teamA, channelId })).toHaveLength(1);
    expect((await board({ teamId: teamB })).map((e) => [e.userId, e.points])).toEqual([
      ['U1', 30],
      ['U2', 10],
    ]);
  });

  it('filters by period (since inclusive, until exclusive) and by channel', async () => {
    const teamId = uniqueId('T');
    const channelA = uniqueId('C');
    const day1 = await postedQuiz(teamId, { channelId: channelA, postedAt: T0 });
    const day2 = await postedQuiz(teamId, { channelId: channelA, postedAt: at(DAY) });
    const other = await postedQuiz(teamId, { postedAt: at(DAY) });
    await daily(day1, teamId, 'U1', 10, at(SECOND));
    await daily(day2, teamId, 'U1', 20, at(DAY + SECOND));
    await daily(other, teamId, 'U2', 40, at(DAY + SECOND));
    const points = async (q: { since?: Date; until?: Date; channelId?: string }) =>
      (await board({ teamId, ...q })).map((e) => [e.userId, e.points]);
    expect(await points({})).toEqual([
      ['U2', 40],
      ['U1', 30],
    ]);
    expect(await points({ since: at(DAY) })).toEqual([
      ['U2', 40],
      ['U1', 20],
    ]);
    expect(await points({ until: at(DAY) })).toEqual([['U1', 10]]);
    expect(await points({ since: at(SECOND), until: at(SECOND + 1) })).toEqual([['U1', 10]]);
    expect(await points({ since: at(SECOND + 1), until: at(DAY + SECOND) })).toEqual([]);
    expect(await points({ channelId: channelA })).toEqual([['U1', 30]]);
  });

  it('ranks from 1 with the period total, and returns ranks 1..limit plus the asker wherever they rank', async () => {
    const teamId = uniqueId('T');
    const quizId = await postedQuiz(teamId);
    for (const [i, userId] of ['U-1', 'U-2', 'U-3', 'U-4', 'U-5'].entries())
      await daily(quizId, teamId, userId, 50 - 10 * i, at((i + 1) * SECOND));
    const all = await scores.standings({ teamId });
    expect(all.map((s) => [s.userId, s.rank, s.total])).toEqual([
      ['U-1', 1, 5],
      ['U-2', 2, 5],
      ['U-3', 3, 5],
      ['U-4', 4, 5],
      ['U-5', 5, 5],
    ]);
    expect(all[2]?.meanDelayMs).toBe(3 * SECOND);
    const top2 = await scores.standings({ teamId, limit: 2, userId: 'U-4' });
    expect(top2.map((s) => [s.userId, s.rank, s.total])).toEqual([
      ['U-1', 1, 5],
      ['U-2', 2, 5],
      ['U-4', 4, 5],
    ]);
    expect((await scores.standings({ teamId, limit: 0, userId: 'U-3' })).map((s) => s.rank)).toEqual([3]);
    expect(await scores.standings({ teamId, limit: 0, userId: 'U-nobody' })).toEqual([]);
    // The same rows through the all-time path and through a period covering everything.
    expect(await scores.standings({ teamId, since: new Date(0) })).toEqual(all);
  });

  it('counts the delay from the claim when a response lands before the post is stored', async () => {
    const teamId = uniqueId('T');
    const claim = await posts.claim({
      teamId,
      channelId: uniqueId('C'),
      localDate: '2025-03-04',
      questionId: 'q1',
      claimedBy: 'test',
      now: T0,
      staleAfterMs: DAY,
    });
    await daily(claim.post.id, teamId, 'U-early', 10, at(2 * MINUTE));
    await posts.markPosted(claim.post.id, uniqueId('ts'), at(MINUTE));
    await daily(claim.post.id, teamId, 'U-late', 10, at(4 * MINUTE));
    // U-early: 2 min after the claim (the post was not stored yet); U-late: 3 min after the post.
    const standings = await scores.standings({ teamId, since: T0 });
    expect(standings.map((s) => [s.userId, s.meanDelayMs])).toEqual([
      ['U-early', 2 * MINUTE],
      ['U-late', 3 * MINUTE],
    ]);
  });

  it("reads a person's quiz days: posted quizzes in the channels they answered in, oldest first", async () => {
    const teamId = uniqueId('T');
    const [mine, other] = [uniqueId('C'), uniqueId('C')];
    const day = (n: number) => new Date(T0.getTime() + n * DAY);
    const q1 = await postedQuiz(teamId, { channelId: mine, postedAt: day(1) });
    await postedQuiz(teamId, { channelId: mine, postedAt: day(0) });
    const q3 = await postedQuiz(teamId, { channelId: mine, postedAt: day(2) });
    await postedQuiz(teamId, { channelId: other, postedAt: day(1) }); // never answered in this channel
    await posts.claim({
      teamId,
      channelId: mine,
      localDate: day(3).toISOString().slice(0, 10),
      questionId: 'q1',
      claimedBy: 'test',
      now: day(3),
      staleAfterMs: DAY,
    }); // claimed, never posted
    await posts.markRevealed(q1, day(1.5));
    await daily(q1, teamId, 'U1', 10, day(1.1));
    await daily(q3, teamId, 'U1', 0, day(2.1));
    expect(await scores.quizDays(teamId, 'U1')).toEqual([
      { postedAt: day(0), correct: null, revealed: false },
      { postedAt: day(1), correct: true, revealed: true },
      { postedAt: day(2), correct: false, revealed: false },
    ]);
    expect(await scores.quizDays(teamId, 'U-never')).toEqual([]);
    expect(await scores.quizDays(uniqueId('T'), 'U1')).toEqual([]);
  });

  it("reads a person's answered questions, daily (the post's question) and practice", async () => {
    const teamId = uniqueId('T');
    const quizId = await postedQuiz(teamId, { questionId: 'q-daily' });
    await daily(quizId, teamId, 'U1', 10, at(SECOND));
    await daily(quizId, teamId, 'U2', 0, at(SECOND));
    await answers.recordPractice({
      teamId,
      userId: 'U1',
      questionId: 'q-practice',
      choice: 'B',
      correct: false,
      answeredAt: at(2 * SECOND),
    });
    const sorted = (xs: Array<{ questionId: string; correct: boolean }>) =>
      [...xs].sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
    expect(sorted(await scores.answeredQuestions(teamId, 'U1'))).toEqual([
      { questionId: 'q-daily', correct: true },
      { questionId: 'q-practice', correct: false },
    ]);
    expect(await scores.answeredQuestions(teamId, 'U2')).toEqual([{ questionId: 'q-daily', correct: false }]);
    expect(await scores.answeredQuestions(uniqueId('T'), 'U1')).toEqual([]);
  });

  it('lists the teams that have a quiz, claimed or posted, in order', async () => {
    const [a, b] = [`A${uniqueId('T')}`, `B${uniqueId('T')}`];
    await postedQuiz(b);
    await posts.claim({
      teamId: a,
      channelId: uniqueId('C'),
      localDate: '2025-03-04',
      questionId: 'q1',
      claimedBy: 'test',
      now: T0,
      staleAfterMs: DAY,
    });
    const teams = (await scores.teamIds()).filter((t) => t === a || t === b);
    expect(teams).toEqual([a, b]);
  });
});
