/**
 * Button payloads that our views never produce (issue 9, item 10), signed as Slack would sign them
 * (whoever holds the signing secret can forge one) and sent into the real Bolt receiver over a
 * real database: a value is parsed with a schema, so `{"q":true}` is not quiz 1, an id that is
 * not a quiz gets "I can't find that quiz any more" instead of "Scores are unavailable" and an
 * error, and a payload without a `user` is acked (200), not a 500.
 */

import type { Logger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizPost } from '../../src/daily-quiz/ports.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useNotesKnowledge, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'forged-payloads-secret';
const CANT_FIND = 'I can’t find that quiz any more.';

/** A Bolt logger that keeps error and warn lines. */
function boltLog() {
  const errors: unknown[][] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) => void errors.push(args),
    setLevel: () => undefined,
    getLevel: () => 'error' as never,
    setName: () => undefined,
  };
  return { errors, logger };
}

describe.each(testDatabases())('forged button payloads on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  let quiz: QuizPost;
  const bank = makeBank(3);
  const clock = new TestClock('2026-06-01T09:00:00Z');
  const bolt = boltLog();
  const rec = recordingLog();
  let n = 0;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();
  const notes = useNotesKnowledge();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    ctx = quizContext(db, { bank, clock, messenger: standInMessenger(standIn), log: rec.log });
    const outcome = await postDailyQuiz(ctx, uniqueId('T'), uniqueId('C'));
    if (outcome.status !== 'posted') throw new Error(`expected a post, got ${outcome.status}`);
    quiz = outcome.post;
    const knowledge = notes.knowledge;
    slack = createSlackApp(
      { ...slackAppOptions(standIn, SECRET), logger: bolt.logger },
      { answerer: new ExtractiveAnswerer(() => knowledge.index), quiz: () => ctx },
    );
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
  });

  /** Sends a click; resolves with the HTTP status and the response_url reply (null: none expected). */
  async function click(
    actionId: string,
    value: string,
    edit: (payload: Record<string, unknown>) => void = () => undefined,
    expectReply = true,
  ) {
    const id = `forged-${++n}`;
    const form = buttonClickForm({
      actionId,
      value,
      responseUrl: standIn.responseUrl(id),
      team: quiz.teamId,
      channel: quiz.channelId,
    });
    const payload = JSON.parse(form.payload) as Record<string, unknown>;
    edit(payload);
    const res = await postSigned(events, { payload: JSON.stringify(payload) }, { secret: SECRET });
    const reply = expectReply
      ? (await standIn.waitFor((c) => c.method === `response_url:${id}`, 3000)).body
      : null;
    return { status: res.status, reply };
  }

  it.each([
    ['{"q":true} (true is not quiz 1)', () => '{"q":true,"c":"B"}'],
    ['the id as a string', () => `{"q":"${quiz.id}","c":"B"}`],
    ['an id past bigint', () => '{"q":1e30,"c":"B"}'],
    ['a negative id', () => '{"q":-1,"c":"B"}'],
    ['a fractional id', () => '{"q":1.5,"c":"B"}'],
    ['no id', () => '{"c":"B"}'],
    ['no choice', () => `{"q":${quiz.id}}`],
    ['a choice that is no option', () => `{"q":${quiz.id},"c":"ZZ"}`],
    ['an array', () => `[${quiz.id},"B"]`],
    ['not JSON', () => `q=${quiz.id}`],
    ['a quiz id nobody posted', () => '{"q":987654321,"c":"B"}'],
  ])(
    'a daily-quiz click with %s: "I can’t find that quiz", nothing counted, no error',
    async (_name, value) => {
      const errorsBefore = bolt.errors.length;
      const { status, reply } = await click('quiz_answer:B', value());
      expect(status).toBe(200);
      expect(reply).toMatchObject({ response_type: 'ephemeral', text: CANT_FIND });
      expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(0);
      expect(bolt.errors.slice(errorsBefore)).toEqual([]);
    },
  );

  it('a click without a user is acked with 200 and records nothing', async () => {
    const { status } = await click(
      'quiz_answer:B',
      `{"q":${quiz.id},"c":"B"}`,
      (p) => {
        delete p.user;
      },
      false,
    );
    expect(status).toBe(200);
    expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(0);
  });

  it('a click whose user has no id is acked with 200 and records nothing', async () => {
    const { status } = await click(
      'quiz_answer:B',
      `{"q":${quiz.id},"c":"B"}`,
      (p) => {
        p.user = { name: 'nobody' };
      },
      false,
    );
    expect(status).toBe(200);
    expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(0);
  });

  it.each([
    ['an id that is a number', '{"id":5,"c":"B"}'],
    ['no choice', '{"id":"q-00"}'],
    ['not JSON', '{'],
  ])('a practice click with %s is told the question is gone', async (_name, value) => {
    const { status, reply } = await click('practice_answer:B', value);
    expect(status).toBe(200);
    expect(String(reply?.text)).toMatch(/^That question is no longer in the bank/);
  });

  it.each([
    ['sources without headings', '{"q":"x","t":"y","s":[{"file":"a.md"}]}'],
    ['text that is not a string', '{"q":"x","t":5,"s":[]}'],
    ['a huge text', JSON.stringify({ q: 'x', t: 'y'.repeat(5000), s: [] })],
  ])('a share with %s is refused to the clicker, nothing is posted in the channel', async (_name, value) => {
    const errorsBefore = bolt.errors.length;
    const { status, reply } = await click('share_answer', value);
    expect(status).toBe(200);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply?.text)).toMatch(/can no longer be shared/);
    expect(bolt.errors.slice(errorsBefore)).toEqual([]);
  });

  it('our own buttons still work: a well-formed click is recorded', async () => {
    const user = uniqueId('U');
    const { reply } = await click('quiz_answer:B', JSON.stringify({ q: quiz.id, c: 'B' }), (p) => {
      p.user = { id: user, username: 'u', name: 'u', team_id: quiz.teamId };
    });
    expect(String(reply?.text)).toMatch(/^✅ Correct: B\./);
    expect((await ctx.responses.quizStats(quiz.id)).answered).toBe(1);
    expect(rec.errors()).toEqual([]);
  });
});
