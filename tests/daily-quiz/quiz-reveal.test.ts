/**
 * Revealing a daily quiz exactly once: when the next day's quiz is posted, or once
 * QUIZ_REVEAL_AFTER has passed; the original message gets the answer marked and its buttons
 * removed, and a thread reply gives the team's score and the explanation.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDailyQuiz } from '../../src/daily-quiz/answer-daily-quiz.ts';
import type { QuizPost } from '../../src/daily-quiz/ports.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { revealDueQuizzes, revealQuiz } from '../../src/daily-quiz/reveal-quiz.ts';
import type { Question } from '../../src/quiz/question.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  buttonsOf,
  memoryQuizRepositories,
  messageText,
  questionPosts,
  quizContext,
  quizContextOver,
  recordingLog,
  standInMessenger,
  TEST_REVEAL_AFTER_MS,
  threadReplies,
  updatesOf,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const bank: Question[] = ['ddb-rcu', 'ddb-gsi', 'ddb-ttl'].map((id) =>
  makeQuestion(id, {
    topic: 'Amazon DynamoDB',
    question: `Which statement about ${id} is true?`,
    explanation: `The explanation of ${id}: option B is right.`,
    source: { file: 'dynamodb.md', heading: 'Amazon DynamoDB > Capacity > Read capacity units' },
  }),
);
const CITATION = '📄 dynamodb.md › Capacity › Read capacity units';

async function post(ctx: QuizContext, team: string, channel: string): Promise<QuizPost> {
  const outcome = await postDailyQuiz(ctx, team, channel);
  if (outcome.status !== 'posted') throw new Error(`expected a post, got ${outcome.status}`);
  return outcome.post;
}

async function answer(ctx: QuizContext, post: QuizPost, userId: string, choice: string) {
  return answerDailyQuiz(ctx, { teamId: post.teamId, userId, quizId: post.id, choice });
}

// The rules, on the in-memory repositories (their contract tests hold them to SQL's behaviour).
describe('quiz reveal on memory', () => {
  const repositories = memoryQuizRepositories();
  let standIn: SlackStandIn;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await standIn?.close();
  });

  async function context(clock: TestClock, instanceId = 'test:1') {
    const rec = recordingLog();
    return {
      ctx: quizContextOver(repositories, {
        bank,
        clock,
        messenger: standInMessenger(standIn),
        instanceId,
        log: rec.log,
      }),
      rec,
    };
  }

  it("posting the next day's quiz reveals the previous one first", async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-05-04T08:00:00Z');
    const { ctx, rec } = await context(clock);
    const monday = await post(ctx, team, channel);
    for (const [user, choice] of [
      ['U1', 'B'],
      ['U2', 'B'],
      ['U3', 'A'],
    ] as const) {
      expect((await answer(ctx, monday, user, choice)).status).toBe('recorded');
    }
    const callsBefore = standIn.calls.length;

    clock.set('2026-05-05T07:00:00Z'); // Tuesday, before QUIZ_REVEAL_AFTER would matter
    const tuesday = await post(ctx, team, channel);
    expect(tuesday.localDate).toBe('2026-05-05');
    expect((await ctx.posts.get(monday.id))?.revealedAt).toEqual(clock.now());

    const ts = monday.messageTs ?? '';
    const [update, ...moreUpdates] = updatesOf(standIn, channel, ts);
    expect(moreUpdates).toHaveLength(0);
    if (!update) throw new Error('the previous quiz was not updated');
    const revealed = messageText(update);
    expect(revealed).toContain('*B.* second ✅');
    expect(revealed).not.toContain('*A.* first ✅');
    expect(revealed).toContain('Answer: *B* · 2 of 3 right (67 %)');
    expect(buttonsOf(update)).toEqual([]);

    const replies = threadReplies(standIn, channel);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.thread_ts).toBe(ts);
    const text = String(replies[0]?.body.text);
    expect(text).toContain('*Answer: B. second* 2 of 3 got it right (67 %).');
    expect(text).toContain(`The explanation of ${monday.questionId}: option B is right.`);
    expect(text).toContain(CITATION);

    // Reveal first, then the new question.
    const after = standIn.calls.slice(callsBefore).filter((c) => c.body.channel === channel);
    expect(after.map((c) => `${c.method}${c.body.thread_ts ? ' (thread)' : ''}`)).toEqual([
      'chat.update',
      'chat.postMessage (thread)',
      'chat.postMessage',
    ]);
    expect(questionPosts(standIn, channel)).toHaveLength(2);

    // Monday's quiz is closed now: a late click is not counted.
    expect((await answer(ctx, monday, 'U4', 'B')).status).toBe('closed');
    expect((await ctx.responses.quizStats(monday.id)).answered).toBe(3);
    expect(rec.errors()).toEqual([]);
  });

  it('revealDueQuizzes reveals a quiz once revealAfterMs has passed, and only once', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-05-06T08:00:00Z');
    const { ctx, rec } = await context(clock);
    const quiz = await post(ctx, team, channel);
    const ts = quiz.messageTs ?? '';

    clock.advance(TEST_REVEAL_AFTER_MS); // exactly revealAfterMs: not yet
    await revealDueQuizzes(ctx);
    expect((await ctx.posts.get(quiz.id))?.revealedAt).toBeNull();
    expect(updatesOf(standIn, channel, ts)).toHaveLength(0);

    clock.advance(1);
    const cutoff = new Date(clock.now().getTime() - TEST_REVEAL_AFTER_MS);
    const due = await ctx.posts.dueForReveal(cutoff);
    expect(due.map((p) => p.id)).toContain(quiz.id);
    expect(await revealDueQuizzes(ctx)).toBe(due.length);
    expect((await ctx.posts.get(quiz.id))?.revealedAt).toEqual(clock.now());
    expect(updatesOf(standIn, channel, ts)).toHaveLength(1);
    expect(threadReplies(standIn, channel)).toHaveLength(1);
    expect(String(threadReplies(standIn, channel)[0]?.body.text)).toContain('Nobody answered this one.');

    clock.advance(60_000);
    expect(await revealDueQuizzes(ctx)).toBe(0);
    expect(await revealQuiz(ctx, quiz)).toBe(false);
    expect(updatesOf(standIn, channel, ts)).toHaveLength(1);
    expect(threadReplies(standIn, channel)).toHaveLength(1);
    expect(rec.errors()).toEqual([]);
  });
});

// Processes racing with their own connections: the database's exactly-once flip.
describe.each(testDatabases())('quiz reveal on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
  });

  async function context(clock: TestClock, instanceId = 'test:1') {
    const own = target.name === 'postgres' ? await target.open() : db;
    const rec = recordingLog();
    return {
      ctx: quizContext(own, { bank, clock, messenger: standInMessenger(standIn), instanceId, log: rec.log }),
      rec,
    };
  }

  it('five processes revealing the same quiz at once reveal it once', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const clock = new TestClock('2026-05-07T08:00:00Z');
    const { ctx } = await context(clock);
    const quiz = await post(ctx, team, channel);
    await answer(ctx, quiz, 'U1', 'C');
    clock.advance(TEST_REVEAL_AFTER_MS + 1);
    const others = await Promise.all(Array.from({ length: 5 }, (_, i) => context(clock, `host-${i}:1`)));
    const results = await Promise.all(others.map(({ ctx: c }) => revealQuiz(c, quiz)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(updatesOf(standIn, channel, quiz.messageTs ?? '')).toHaveLength(1);
    expect(threadReplies(standIn, channel)).toHaveLength(1);
    expect(String(threadReplies(standIn, channel)[0]?.body.text)).toContain('0 of 1 got it right (0 %).');
  });
});
