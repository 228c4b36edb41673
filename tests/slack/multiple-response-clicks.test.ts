/**
 * Multiple-response questions ("Which TWO…") in Slack: the daily post and a practice question
 * show checkboxes and a Submit button; a Submit with both right boxes ticked scores, one with
 * the wrong number ticked records nothing and says so, a second Submit cannot change the first
 * answer. Signed block_actions into the real Bolt receiver, stand-in Slack, PGlite.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizPost } from '../../src/daily-quiz/ports.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import type { Question } from '../../src/quiz/question.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { practiceQuestionBlocks } from '../../src/slack/views/quiz-blocks.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, standInMessenger } from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const SECRET = 'multiple-response-secret';

const TWO: Question = makeQuestion('sqs-two-facts', {
  question: 'Which TWO statements about Amazon SQS standard queues are true? (Select TWO.)',
  options: [
    { key: 'A', text: 'Messages can be delivered more than once' },
    { key: 'B', text: 'Order is always kept' },
    { key: 'C', text: 'Messages are kept forever' },
    { key: 'D', text: 'Throughput is nearly unlimited' },
    { key: 'E', text: 'Consumers are pushed messages' },
  ],
  correctKeys: ['A', 'D'],
  whyWrong: { B: 'Only FIFO queues keep order.', C: 'At most 14 days.', E: 'Consumers poll.' },
});

describe('multiple-response questions in Slack', () => {
  const target = testDatabases()[0];
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  let n = 0;

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    db = await target.open();
    await migrate(db);
    standIn = await startSlackStandIn();
    const clock = new TestClock('2026-06-01T09:00:00Z');
    ctx = quizContext(db, { bank: [TWO], clock, messenger: standInMessenger(standIn) });
    const index = new SearchIndex(buildIndex([]), []);
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => index),
      quiz: () => ctx,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
    await target?.close();
  });

  async function post(): Promise<QuizPost> {
    const outcome = await postDailyQuiz(ctx, uniqueId('T'), uniqueId('C'));
    if (outcome.status !== 'posted') throw new Error(`expected a post, got ${outcome.status}`);
    return outcome.post;
  }

  /** Sends an action of `post` as `user` with `letters` ticked; resolves with the reply text. */
  async function send(
    quiz: QuizPost,
    user: string,
    actionId: string,
    value: string,
    letters: string[],
  ): Promise<string | undefined> {
    const id = `mr-${++n}`;
    const res = await postSigned(
      events,
      buttonClickForm({
        actionId,
        value,
        responseUrl: standIn.responseUrl(id),
        user,
        team: quiz.teamId,
        channel: quiz.channelId,
        ticked: { pickActionId: actionId.startsWith('practice') ? 'practice_pick' : 'quiz_pick', letters },
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    if (actionId.endsWith('_pick')) return undefined;
    const { body } = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    return String(body.text);
  }

  const submit = (quiz: QuizPost, user: string, letters: string[]) =>
    send(quiz, user, 'quiz_submit', JSON.stringify({ q: quiz.id }), letters);

  it('posts checkboxes for the five options and a Submit button, and says to tick two', async () => {
    const quiz = await post();
    const { body } = await standIn.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === quiz.channelId,
    );
    const elements = (body.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(elements.map((e) => e.type)).toEqual(['checkboxes', 'button']);
    const boxes = (elements[0]?.options ?? []) as Array<{ value: string }>;
    expect(boxes.map((o) => o.value)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(elements[1]).toMatchObject({
      action_id: 'quiz_submit',
      value: JSON.stringify({ quizId: quiz.id }),
    });
    expect(JSON.stringify(body.blocks)).toContain('tick 2, then Submit');
  });

  it('scores a Submit with exactly the two right boxes ticked', async () => {
    const quiz = await post();
    const text = await submit(quiz, 'U1', ['D', 'A']);
    expect(text).toMatch(
      /^✅ Correct: A\. Messages can be delivered more than once; D\. Throughput is nearly unlimited/,
    );
    expect(text).toContain('+10 points.');
    expect(await ctx.responses.quizStats(quiz.id)).toEqual({
      answered: 1,
      correct: 1,
      byChoice: { 'A,D': 1 },
    });
  });

  it('records nothing for a Submit with one box ticked, then takes the first full answer only', async () => {
    const quiz = await post();
    expect(await submit(quiz, 'U2', ['A'])).toBe(
      'Tick exactly 2 options, then press Submit. Nothing was recorded yet.',
    );
    expect(await submit(quiz, 'U2', [])).toBe(
      'Tick exactly 2 options, then press Submit. Nothing was recorded yet.',
    );
    expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(0);
    const wrong = await submit(quiz, 'U2', ['A', 'C']);
    expect(wrong).toMatch(/^❌ Not quite: you chose A, C; the answer is A\. .*; D\. /);
    expect(wrong).toContain('Why not A,C: At most 14 days.');
    expect(await submit(quiz, 'U2', ['A', 'D'])).toMatch(
      /^You already answered A,C: only your first answer counts\./,
    );
    expect(await ctx.responses.quizStats(quiz.id)).toMatchObject({ answered: 1, correct: 0 });
  });

  it('acks a tick without replying or recording', async () => {
    const quiz = await post();
    await send(quiz, 'U3', 'quiz_pick', '', ['B']);
    expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(0);
  });

  it('grades a practice question the same way, without points', async () => {
    const actions = practiceQuestionBlocks(TWO).filter((b) => b.type === 'actions');
    expect(actions.flatMap((b) => b.elements.map((e) => e.type))).toEqual(['checkboxes', 'button']);
    const quiz = await post();
    const value = JSON.stringify({ id: TWO.id });
    expect(await send(quiz, 'U4', 'practice_submit', value, ['E'])).toBe(
      'Tick exactly 2 options, then press Submit. Nothing was recorded yet.',
    );
    const text = await send(quiz, 'U4', 'practice_submit', value, ['A', 'D']);
    expect(text).toMatch(/^✅ Correct: A\. .*; D\. /);
    expect(text).toContain('_Practice: recorded for your stats, no team points._');
  });
});
