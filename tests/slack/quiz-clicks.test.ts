/**
 * Daily-quiz button clicks end to end: signed block_actions requests into the real Bolt HTTP
 * receiver, the real repositories behind it, ephemeral replies through response_url and the
 * "N answered" refresh through chat.update, both on the local Slack stand-in.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { AnswerCountUpdater } from '../../src/daily-quiz/answer-count-updater.ts';
import type { QuizPost } from '../../src/daily-quiz/ports.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { revealQuiz } from '../../src/daily-quiz/reveal-quiz.ts';
import type { Question } from '../../src/quiz/question.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  buttonsOf,
  loadRealSingleChoiceBank,
  messageText,
  quizContext,
  recordingLog,
  standInMessenger,
} from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useNotesKnowledge, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';

const SECRET = 'quiz-clicks-secret';
const ALREADY = /^You already answered ([A-E]): only your first answer counts\./;

describe.each(testDatabases())('quiz clicks over HTTP on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let bank: Question[];
  let ctx: QuizContext;
  const clock = new TestClock('2026-06-01T09:00:00Z');
  const rec = recordingLog();
  let n = 0;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();
  const notes = useNotesKnowledge();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    bank = await loadRealSingleChoiceBank();
    ctx = quizContext(db, { bank, clock, messenger: standInMessenger(standIn), log: rec.log });
    // The same wiring as bootstrap.ts, with a short delay instead of 3 s.
    const counter = new AnswerCountUpdater(() => ctx, 50);
    ctx.onAnswered = (post) => counter.bump(post);
    const knowledge = notes.knowledge;
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
      quiz: () => ctx,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
  });

  async function postQuiz(team: string, channel: string): Promise<{ post: QuizPost; question: Question }> {
    const outcome = await postDailyQuiz(ctx, team, channel);
    if (outcome.status !== 'posted') throw new Error(`expected a post, got ${outcome.status}`);
    const question = bank.find((q) => q.id === outcome.post.questionId);
    if (!question) throw new Error(`${outcome.post.questionId} is not in the bank`);
    return { post: outcome.post, question };
  }

  /** Clicks option `choice` of `post` as `user`; resolves with the response_url id to wait on. */
  async function click(
    post: QuizPost,
    choice: string,
    user: string,
    opts: { retry?: number; team?: string } = {},
  ) {
    const id = `click-${++n}`;
    const headers: Record<string, string> = opts.retry
      ? { 'X-Slack-Retry-Num': String(opts.retry), 'X-Slack-Retry-Reason': 'http_timeout' }
      : {};
    const res = await postSigned(
      events,
      buttonClickForm({
        actionId: `quiz_answer:${choice}`,
        value: JSON.stringify({ q: post.id, c: choice }),
        responseUrl: standIn.responseUrl(id),
        user,
        team: opts.team ?? post.teamId,
        channel: post.channelId,
        messageTs: post.messageTs ?? '1.1',
      }),
      { secret: SECRET, headers },
    );
    expect(res.status).toBe(200);
    return id;
  }

  async function reply(id: string) {
    const { body } = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    return String(body.text);
  }

  it('20 duplicate clicks from one user, half of them Slack retries, count once', async () => {
    const { post, question } = await postQuiz(uniqueId('T'), uniqueId('C'));
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        click(post, question.correctKeys.join(','), 'U1', { retry: i % 2 ? 1 + (i % 3) : 0 }),
      ),
    );
    const texts = await Promise.all(ids.map(reply));

    expect(await ctx.responses.quizStats(post.id)).toEqual({
      answered: 1,
      correct: 1,
      byChoice: { [question.correctKeys.join(',')]: 1 },
    });
    const graded = texts.filter((t) => t.startsWith('✅'));
    expect(graded).toHaveLength(1);
    expect(graded[0]).toContain(`Correct: ${question.correctKeys.join(',')}.`);
    expect(graded[0]).toContain('+10 points.');
    const duplicates = texts.filter((t) => ALREADY.test(t));
    expect(duplicates).toHaveLength(19);
    for (const t of duplicates) expect(ALREADY.exec(t)?.[1]).toBe(question.correctKeys.join(','));
  });

  it("a wrong answer says why that option is wrong and cites the notes; a second click can't change it", async () => {
    const { post, question } = await postQuiz(uniqueId('T'), uniqueId('C'));
    const wrong = question.options.find(
      (o) => o.key !== question.correctKeys.join(',') && question.whyWrong[o.key],
    );
    if (!wrong) throw new Error(`${question.id} has no why_wrong text`);
    const text = await reply(await click(post, wrong.key, 'U7'));

    expect(
      text.startsWith(
        `❌ Not quite: you chose ${wrong.key}; the answer is ${question.correctKeys.join(',')}.`,
      ),
    ).toBe(true);
    expect(text).toContain(`Why not ${wrong.key}: ${escapeMrkdwn(question.whyWrong[wrong.key] ?? '')}`);
    expect(text).toContain(escapeMrkdwn(question.explanation));
    expect(text).toContain('No points this time.');
    // The citation names the notes file and the last two levels of the heading path.
    const heading = question.source.heading.split(' > ').slice(-2).join(' › ');
    expect(text.split('\n')).toContain(`📄 ${escapeMrkdwn(question.source.file)} › ${escapeMrkdwn(heading)}`);

    const again = await reply(await click(post, question.correctKeys.join(','), 'U7'));
    expect(again).toMatch(ALREADY);
    expect(ALREADY.exec(again)?.[1]).toBe(wrong.key);
    expect(await ctx.responses.quizStats(post.id)).toMatchObject({ answered: 1, correct: 0 });
  });

  it('answers from five people are all counted, and the post shows "5 answered"', async () => {
    const { post, question } = await postQuiz(uniqueId('T'), uniqueId('C'));
    const wrong = question.options.find((o) => o.key !== question.correctKeys.join(','))?.key ?? 'A';
    const choices = [
      question.correctKeys.join(','),
      wrong,
      question.correctKeys.join(','),
      question.correctKeys.join(','),
      wrong,
    ];
    const ids = await Promise.all(choices.map((c, i) => click(post, c, `U${i + 1}`)));
    const texts = await Promise.all(ids.map(reply));
    expect(texts.filter((t) => t.startsWith('✅'))).toHaveLength(3);
    expect(texts.filter((t) => t.startsWith('❌'))).toHaveLength(2);
    expect(await ctx.responses.quizStats(post.id)).toEqual({
      answered: 5,
      correct: 3,
      byChoice: { [question.correctKeys.join(',')]: 3, [wrong]: 2 },
    });

    const update = await standIn.waitFor(
      (c) =>
        c.method === 'chat.update' &&
        c.body.ts === post.messageTs &&
        messageText(c).includes('5 answered · your first answer counts'),
      3000,
    );
    expect(update.body.channel).toBe(post.channelId);
    expect(buttonsOf(update)).toHaveLength(question.options.length); // still open
    expect(rec.errors()).toEqual([]);
  });

  it('a click on a revealed quiz is closed, one from another team finds no quiz; neither counts', async () => {
    const { post, question } = await postQuiz(uniqueId('T'), uniqueId('C'));
    expect(
      await reply(await click(post, question.correctKeys.join(','), 'U1', { team: uniqueId('T') })),
    ).toBe('I can’t find that quiz any more.');
    expect(await revealQuiz(ctx, post)).toBe(true);
    const closed = await reply(await click(post, question.correctKeys.join(','), 'U2'));
    expect(closed).toContain(`This quiz is closed. The answer was ${question.correctKeys.join(',')}:`);
    expect((await ctx.responses.quizStats(post.id)).answered).toBe(0);
  });
});
