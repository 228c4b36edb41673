/**
 * The response port's contract, in memory and on SQL (PGlite, and Postgres with DATABASE_URL): a
 * person's daily response counts once per quiz however many clicks arrive together (the rest get
 * the first back), counts per quiz by choice, practice responses appended and read newest first,
 * and the team's responses per question inside a window.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizPostRepository, ResponseRepository } from '../../src/daily-quiz/ports.ts';
import { uniqueId } from '../helpers/ids.ts';
import { postedQuiz as postQuiz, quizStoreTargets } from '../helpers/quiz-stores.ts';

const T0 = new Date('2025-03-04T09:00:00.000Z');
const SECOND = 1000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(quizStoreTargets())('ResponseRepository on $name', (target) => {
  let answers: ResponseRepository;
  let posts: QuizPostRepository;
  beforeAll(async () => {
    ({ responses: answers, posts } = (await target.open()).stores);
  });
  afterAll(() => target.close());

  /** A quiz posted at `postedAt` (default T0) in a new channel of `teamId`, or in `channelId`. */
  function postedQuiz(teamId: string, options: { postedAt?: Date; channelId?: string } = {}) {
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

  it('counts each person once per quiz, and the same person again on another quiz', async () => {
    const teamId = uniqueId('T');
    const [q1, q2] = [await postedQuiz(teamId), await postedQuiz(teamId)];
    expect(await daily(q1, teamId, 'U1', 10, at(SECOND), 'B')).toEqual({ status: 'recorded' });
    expect(await daily(q1, teamId, 'U1', 0, at(2 * SECOND), 'C')).toEqual({
      status: 'duplicate',
      existing: { choice: 'B', correct: true },
    });
    expect(await daily(q2, teamId, 'U1', 0, at(3 * SECOND), 'C')).toEqual({ status: 'recorded' });
    expect(await daily(q1, teamId, 'U2', 0, at(4 * SECOND), 'C')).toEqual({ status: 'recorded' });
    expect(await answers.quizStats(q1)).toEqual({ answered: 2, correct: 1, byChoice: { B: 1, C: 1 } });
    expect(await answers.quizStats(q2)).toEqual({ answered: 1, correct: 0, byChoice: { C: 1 } });
  });

  it('refuses a daily response to a quiz that does not exist, and counts nothing', async () => {
    const teamId = uniqueId('T');
    await expect(daily(-42, teamId, 'U1', 10, at(SECOND))).rejects.toThrow();
    expect(await answers.quizStats(-42)).toEqual({ answered: 0, correct: 0, byChoice: {} });
  });

  it('reads practised question ids newest first, repeats included, per person and team, at most `limit`', async () => {
    const teamId = uniqueId('T');
    const practice = (userId: string, questionId: string, answeredAt: Date, team = teamId) =>
      answers.recordPractice({ teamId: team, userId, questionId, choice: 'A', correct: true, answeredAt });
    await practice('U1', 'q-a', at(SECOND));
    await practice('U1', 'q-b', at(3 * SECOND));
    await practice('U1', 'q-a', at(2 * SECOND));
    await practice('U1', 'q-same-time-first', at(4 * SECOND));
    await practice('U1', 'q-same-time-second', at(4 * SECOND));
    await practice('U2', 'q-other-person', at(5 * SECOND));
    await practice('U1', 'q-other-team', at(6 * SECOND), uniqueId('T'));
    expect(await answers.recentPracticeIds(teamId, 'U1', 10)).toEqual([
      'q-same-time-second',
      'q-same-time-first',
      'q-b',
      'q-a',
      'q-a',
    ]);
    expect(await answers.recentPracticeIds(teamId, 'U1', 2)).toEqual([
      'q-same-time-second',
      'q-same-time-first',
    ]);
    expect(await answers.recentPracticeIds(teamId, 'U3', 10)).toEqual([]);
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
