/**
 * "Report a problem" end to end: every quiz reply carries the button, a click opens the report
 * modal (views.open on the Slack stand-in), a signed view_submission records the report and
 * thanks the reporter, two people's reports take the question out of that workspace's daily
 * rotation until `approve` closes them, and with the database down the modal keeps what was
 * typed and says why. Real Bolt receiver, PGlite.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, standInMessenger } from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned, viewSubmissionForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'report-problem-secret';
const BANK = makeBank(2);

describe('Report a problem', () => {
  const target = testDatabases()[0];
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  let databaseDown = false;
  let n = 0;

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    db = await target.open();
    await migrate(db);
    standIn = await startSlackStandIn();
    ctx = quizContext(db, {
      bank: BANK,
      clock: new TestClock('2026-06-01T09:00:00Z'),
      messenger: standInMessenger(standIn),
      ready: () => (databaseDown ? Promise.reject(new DatabaseUnavailableError('down')) : Promise.resolve()),
    });
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

  async function submitReport(
    team: string,
    user: string,
    questionId: string,
    reason?: string,
    comment?: string,
  ) {
    const values: Record<string, Record<string, Record<string, unknown>>> = {
      reason: { reason: { type: 'radio_buttons', selected_option: reason ? { value: reason } : null } },
      comment: { comment: { type: 'plain_text_input', value: comment ?? null } },
    };
    const res = await postSigned(
      events,
      viewSubmissionForm({
        callbackId: 'report_question_view',
        privateMetadata: JSON.stringify({ id: questionId }),
        values,
        user,
        team,
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  it('puts the button under a daily answer and opens the modal for that question', async () => {
    const team = uniqueId('T');
    const outcome = await postDailyQuiz(ctx, team, uniqueId('C'));
    if (outcome.status !== 'posted') throw new Error(outcome.status);
    const id = `r-${++n}`;
    const question = BANK.find((q) => q.id === outcome.post.questionId);
    await postSigned(
      events,
      buttonClickForm({
        actionId: 'quiz_answer:B',
        value: JSON.stringify({ q: outcome.post.id, c: 'B' }),
        responseUrl: standIn.responseUrl(id),
        team,
        channel: outcome.post.channelId,
      }),
      { secret: SECRET },
    );
    const { body } = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    const report = JSON.stringify(body.blocks);
    expect(report).toContain('"action_id":"report_question"');
    expect(report).toContain(JSON.stringify(JSON.stringify({ questionId: question?.id })).slice(1, -1));

    await postSigned(
      events,
      buttonClickForm({
        actionId: 'report_question',
        value: JSON.stringify({ id: question?.id }),
        responseUrl: standIn.responseUrl(`${id}-report`),
        team,
        triggerId: 'trigger-report-1',
      }),
      { secret: SECRET },
    );
    const open = await standIn.waitFor((c) => c.method === 'views.open');
    expect(open.body.trigger_id).toBe('trigger-report-1');
    const view = (typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view) as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
    };
    expect(view.callback_id).toBe('report_question_view');
    expect(JSON.parse(view.private_metadata)).toEqual({ id: question?.id });
    expect(JSON.stringify(view.blocks)).toContain(question?.question);
  });

  it("thanks the reporter; a second person's report takes the question out of that workspace's rotation", async () => {
    const team = uniqueId('T');
    const [first, second] = BANK;
    if (!first || !second) throw new Error('bank');
    expect(await submitReport(team, 'U1', first.id, 'wrong_answer', 'B is right too')).toMatchObject({
      response_action: 'update',
      view: { title: { text: 'Thanks' } },
    });
    const again = await submitReport(team, 'U2', first.id, 'outdated');
    expect(JSON.stringify(again)).toContain('out of the quiz here until someone reviews it');
    expect(await ctx.reviews?.openReports(team)).toEqual([
      expect.objectContaining({ userId: 'U1', reason: 'wrong_answer', comment: 'B is right too' }),
      expect.objectContaining({ userId: 'U2', reason: 'outdated', comment: '' }),
    ]);
    // Every day's pick in this workspace is now the other question; another workspace still gets both.
    for (let day = 0; day < 3; day++) {
      const outcome = await postDailyQuiz(ctx, team, uniqueId('C'));
      expect(outcome.status === 'posted' && outcome.post.questionId).toBe(second.id);
    }
    await ctx.reviews?.resolveReports([first.id], new Date());
    expect(await ctx.reviews?.suspendedIds(team)).toEqual(new Set());
  });

  it('keeps the modal open with a message when no reason is chosen or the database is down', async () => {
    const team = uniqueId('T');
    const [first] = BANK;
    expect(await submitReport(team, 'U1', first?.id ?? '')).toMatchObject({
      response_action: 'errors',
      errors: { reason: expect.stringMatching(/^Choose what is wrong/) },
    });
    databaseDown = true;
    try {
      expect(await submitReport(team, 'U1', first?.id ?? '', 'unclear', 'typed text')).toEqual({
        response_action: 'errors',
        errors: { comment: 'The report could not be saved right now: try again in a minute.' },
      });
    } finally {
      databaseDown = false;
    }
    expect(await ctx.reviews?.openReports(team)).toEqual([]);
  });
});
