/**
 * The adaptive daily question (issue 12, item 5), end to end over the repositories: a team
 * that misses every cost question, day after day, sees cost questions come up more often than
 * the cost domain's exam weight (20 %), while every other domain still comes up; no question
 * repeats; a team with too few answers gets the plain pick; and the day's question does not move
 * when answers arrive later that day.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDailyQuiz } from '../../src/daily-quiz/answer-daily-quiz.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { EXAM_DOMAINS } from '../../src/quiz/exam-guide.ts';
import { pickQuestion } from '../../src/quiz/pick-question.ts';
import type { Question } from '../../src/quiz/question.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  loadRealSingleChoiceBank,
  memoryQuizRepositories,
  quizContextOver,
  recordingLog,
  standInMessenger,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';

const DAY = 86_400_000;
const DAYS = 60;
const COST_EXAM_WEIGHT = EXAM_DOMAINS.find((d) => d.domain === 'cost')?.weight ?? 0;

// Rules of the pick, on the in-memory repositories (their contract tests hold them to SQL's behaviour).
describe('adaptive daily pick on memory', () => {
  const repositories = memoryQuizRepositories();
  let standIn: SlackStandIn;
  let bank: Question[];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    bank = await loadRealSingleChoiceBank();
  });
  afterAll(async () => {
    await standIn?.close();
  });

  /** The team's days: post at 09:00 UTC, then each person answers (wrong on `missed` domains). */
  async function simulate(ctx: QuizContext, clock: TestClock, team: string, channel: string, missed: string) {
    const asked: Question[] = [];
    for (let day = 0; day < DAYS; day++) {
      clock.set(new Date(Date.parse('2026-02-02T09:00:00Z') + day * DAY));
      const outcome = await postDailyQuiz(ctx, team, channel);
      if (outcome.status !== 'posted') throw new Error(`day ${day}: ${outcome.status}`);
      const question = bank.find((q) => q.id === outcome.post.questionId) as Question;
      asked.push(question);
      const right = question.correctKeys[0] as string;
      const wrong = question.options.find((o) => o.key !== right)?.key as string;
      for (const user of ['U1', 'U2', 'U3']) {
        clock.advance(60_000);
        await answerDailyQuiz(ctx, {
          teamId: team,
          userId: user,
          quizId: outcome.post.id,
          choice: question.domain === missed ? wrong : right,
        });
      }
    }
    return asked;
  }

  it('a team that misses every cost question gets cost questions more often than their exam weight, and still every domain', async () => {
    const clock = new TestClock('2026-02-02T09:00:00Z');
    const rec = recordingLog();
    const ctx = quizContextOver(repositories, {
      bank,
      clock,
      messenger: standInMessenger(standIn),
      log: rec.log,
    });
    // Fixed ids: the picks are a pure function of them (seeded), so the test is exact, not a dice roll.
    const asked = await simulate(ctx, clock, 'T-misses-cost', 'C-daily', 'cost');

    const share = (domain: string) => asked.filter((q) => q.domain === domain).length / asked.length;
    // Bank share of cost questions is about the exam weight; the plain pick would give about that.
    expect(share('cost')).toBeGreaterThan(COST_EXAM_WEIGHT * 1.5);
    for (const d of ['secure', 'resilient', 'performance']) expect(share(d)).toBeGreaterThan(0);
    expect(new Set(asked.map((q) => q.id)).size).toBe(asked.length); // no repeats
    expect(rec.errors()).toEqual([]);
  });

  it('a team that gets everything right keeps the mix of the exam guide: no domain is favoured', async () => {
    const clock = new TestClock('2026-02-02T09:00:00Z');
    const ctx = quizContextOver(repositories, { bank, clock, messenger: standInMessenger(standIn) });
    const asked = await simulate(ctx, clock, 'T-all-right', 'C-daily', 'none');
    const cost = asked.filter((q) => q.domain === 'cost').length / asked.length;
    expect(cost).toBeLessThan(COST_EXAM_WEIGHT * 1.5);
  });

  it('before the team has answered enough, the plain pick; answers later in the day do not move the day’s question', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-02-02T09:00:00Z');
    const ctx = quizContextOver(repositories, { bank, clock, messenger: standInMessenger(standIn) });
    const first = await postDailyQuiz(ctx, team, channel);
    if (first.status !== 'posted') throw new Error(first.status);
    expect(first.post.questionId).toBe(pickQuestion(bank, [], `${team}:${channel}:2026-02-02`)?.id);

    // Another channel of the same team, same day, after many wrong answers today: still the plain pick.
    for (let i = 0; i < 12; i++) {
      await ctx.responses.recordPractice({
        teamId: team,
        userId: `U${i}`,
        questionId: first.post.questionId,
        choice: 'Z',
        correct: false,
        answeredAt: clock.now(),
      });
    }
    const other = uniqueId('C');
    const second = await postDailyQuiz(ctx, team, other);
    if (second.status !== 'posted') throw new Error(second.status);
    expect(second.post.questionId).toBe(pickQuestion(bank, [], `${team}:${other}:2026-02-02`)?.id);
  });
});
