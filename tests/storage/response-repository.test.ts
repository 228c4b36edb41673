import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandingsQuery } from '../../src/scores/ports.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { SqlQuizPostRepository } from '../../src/storage/quiz-post-repository.ts';
import { SqlResponseRepository } from '../../src/storage/response-repository.ts';
import { SqlScoreRepository } from '../../src/storage/score-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';

const T0 = new Date('2025-03-04T09:00:00.000Z');
const SECOND = 1000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testDatabases())('SqlResponseRepository on $name', (target) => {
  let db: Database;
  let answers: SqlResponseRepository;
  let posts: SqlQuizPostRepository;
  let scores: SqlScoreRepository;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    answers = new SqlResponseRepository(db);
    posts = new SqlQuizPostRepository(db);
    scores = new SqlScoreRepository(db);
  });
  afterAll(() => target.close());

  /** A quiz posted at `postedAt` (default T0) in a new channel of `teamId`, or in `channelId`. */
  async function postedQuiz(
    teamId: string,
    options: { postedAt?: Date; channelId?: string; localDate?: string } = {},
  ) {
    const postedAt = options.postedAt ?? T0;
    const { post } = await posts.claim({
      teamId,
      channelId: options.channelId ?? uniqueId('C'),
      localDate: options.localDate ?? postedAt.toISOString().slice(0, 10),
      questionId: 'q1',
      claimedBy: 'test',
      now: postedAt,
      staleAfterMs: DAY,
    });
    await posts.markPosted(post.id, uniqueId('ts'), postedAt);
    return post.id;
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

  /** Leaderboard lines as the retired `leaderboard` read gave them: the standings' counting fields. */
  async function board(q: StandingsQuery) {
    return (await scores.standings(q)).map(({ userId, points, answered, correct }) => ({
      userId,
      points,
      answered,
      correct,
    }));
  }

  it('counts one of 20 parallel clicks by one person, and reports the first choice to the rest', async () => {
    const teamId = uniqueId('T');
    const quizId = await postedQuiz(teamId);
    const choices = ['A', 'B', 'C', 'D'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        answers.recordDaily({
          quizId,
          teamId,
          userId: 'U1',
          choice: choices[i % 4] ?? 'A',
          correct: i % 4 === 1,
          points: i % 4 === 1 ? 10 : 0,
          answeredAt: at(i * SECOND),
        }),
      ),
    );
    const recorded = results.flatMap((r, i) => (r.status === 'recorded' ? [i] : []));
    expect(recorded).toHaveLength(1);
    const first = recorded[0] ?? -1;
    const duplicates = results.filter((r) => r.status === 'duplicate');
    expect(duplicates).toHaveLength(19);
    for (const d of duplicates) {
      expect(d.existing).toEqual({ choice: choices[first % 4], correct: first % 4 === 1 });
    }
    const stats = await answers.quizStats(quizId);
    expect(stats.answered).toBe(1);
    expect(stats.byChoice).toEqual({ [choices[first % 4] ?? '?']: 1 });
  });

  it('sums a quiz by choice', async () => {
    const teamId = uniqueId('T');
    const quizId = await postedQuiz(teamId);
    await daily(quizId, teamId, 'U1', 10, at(SECOND), 'B');
    await daily(quizId, teamId, 'U2', 10, at(SECOND), 'B');
    await daily(quizId, teamId, 'U3', 0, at(SECOND), 'D');
    expect(await answers.quizStats(quizId)).toEqual({ answered: 3, correct: 2, byChoice: { B: 2, D: 1 } });
    expect(await answers.quizStats(-1)).toEqual({ answered: 0, correct: 0, byChoice: {} });
  });

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

  it('questionResults: daily and practice answers per question, one team, inside the window', async () => {
    const teamId = uniqueId('T');
    const quizId = await postedQuiz(teamId); // question q1
    await daily(quizId, teamId, 'U1', 10, at(SECOND));
    await daily(quizId, teamId, 'U2', 0, at(2 * SECOND));
    const practice = (questionId: string, correct: boolean, answeredAt: Date, team = teamId) =>
      answers.recordPractice({ teamId: team, userId: 'U1', questionId, choice: 'A', correct, answeredAt });
    await practice('q1', false, at(3 * SECOND));
    await practice('q2', true, at(4 * SECOND));
    await practice('q2', true, at(-DAY)); // before the window
    await practice('q2', false, at(DAY)); // at its end (exclusive)
    await practice('q2', false, at(5 * SECOND), uniqueId('T')); // another team
    expect(await answers.questionResults(teamId, T0, at(DAY))).toEqual([
      { questionId: 'q1', answered: 3, correct: 1 },
      { questionId: 'q2', answered: 1, correct: 1 },
    ]);
  });
});
