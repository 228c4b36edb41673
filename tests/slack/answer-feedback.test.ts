/**
 * 👍/👎 end to end through the real Bolt receiver (signed requests, Slack stand-in, PGlite): an
 * answer and a shared answer carry Slack's feedback buttons; a 👍 is stored with the question,
 * answer, sources and mode; repeated clicks leave one rating; a 👎 opens the reason form, whose
 * submission adds the reason; with the database down the person is told nothing was saved.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { quizContext, standInMessenger } from '../helpers/quiz-harness.ts';
import {
  buttonClickForm,
  postSigned,
  slashCommandForm,
  viewSubmissionForm,
} from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'feedback-secret';

interface FeedbackElement {
  type: string;
  action_id: string;
  positive_button: { value: string };
  negative_button: { value: string };
}

describe('answer feedback over HTTP', () => {
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
      bank: makeBank(2),
      clock: new TestClock('2026-12-01T09:00:00Z'),
      messenger: standInMessenger(standIn),
      ready: () => (databaseDown ? Promise.reject(new DatabaseUnavailableError('down')) : Promise.resolve()),
    });
    const knowledge = await openKnowledge(
      resolve(import.meta.dirname, '../../knowledge/notes'),
      testIndexCache(),
    );
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
      quiz: () => ctx,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
    await target?.close();
  });

  async function ask(text: string, team: string): Promise<Record<string, unknown>> {
    const id = `ask-${++n}`;
    const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id), { team }), {
      secret: SECRET,
    });
    const body = await res.text();
    if (body) return JSON.parse(body) as Record<string, unknown>;
    return (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  function feedbackElement(blocks: unknown): FeedbackElement {
    const block = (blocks as Array<{ type: string; elements?: FeedbackElement[] }>).find(
      (b) => b.type === 'context_actions',
    );
    const element = block?.elements?.[0];
    if (!element) throw new Error('no feedback buttons');
    return element;
  }

  async function click(value: string, team: string, user: string, triggerId?: string) {
    const id = `fb-${++n}`;
    const res = await postSigned(
      events,
      buttonClickForm({
        actionId: 'answer_feedback',
        elementType: 'feedback_buttons',
        value,
        responseUrl: standIn.responseUrl(id),
        team,
        user,
        ...(triggerId ? { triggerId } : {}),
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    return id;
  }

  const stored = async (team: string) =>
    (await new SqlFeedbackRepository(db).list()).filter((f) => f.teamId === team);

  async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 50; i++) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
    return read();
  }

  it('puts 👍/👎 under an answer; a 👍 is stored once with the question, answer, sources and mode', async () => {
    const team = uniqueId('T');
    const body = await ask('dax vs elasticache', team);
    const element = feedbackElement(body.blocks);
    expect(element.type).toBe('feedback_buttons');
    for (let i = 0; i < 3; i++) await click(element.positive_button.value, team, 'U1');
    const rows = await eventually(
      () => stored(team),
      (r) => r.length > 0,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: 'U1',
      rating: 'up',
      question: 'dax vs elasticache',
      mode: 'extractive',
    });
    expect(rows[0]?.answer).toMatch(/DAX/);
    expect(rows[0]?.sources[0]?.file).toMatch(/dynamodb/);
  });

  it('a 👎 opens the reason form; sending it adds the reason and comment', async () => {
    const team = uniqueId('T');
    const element = feedbackElement((await ask('lambda timeout', team)).blocks);
    await click(element.negative_button.value, team, 'U2', 'trigger-feedback-1');
    const open = await standIn.waitFor(
      (c) => c.method === 'views.open' && c.body.trigger_id === 'trigger-feedback-1',
    );
    const view = (typeof open.body.view === 'string' ? JSON.parse(open.body.view) : open.body.view) as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe('answer_feedback_reason');
    await eventually(
      () => stored(team),
      (r) => r.length > 0,
    );
    const res = await postSigned(
      events,
      viewSubmissionForm({
        callbackId: 'answer_feedback_reason',
        privateMetadata: view.private_metadata,
        values: {
          feedback_reason: {
            feedback_reason: { type: 'radio_buttons', selected_option: { value: 'too_long' } },
          },
          feedback_comment: { feedback_comment: { type: 'plain_text_input', value: 'one line is enough' } },
        },
        user: 'U2',
        team,
      }),
      { secret: SECRET },
    );
    expect(JSON.parse(await res.text())).toMatchObject({ response_action: 'update' });
    const rows = await stored(team);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: 'U2',
      rating: 'down',
      reason: 'too_long',
      comment: 'one line is enough',
    });
  });

  it('puts 👍/👎 under a shared answer too', async () => {
    const team = uniqueId('T');
    const body = await ask('what is pitr', team);
    const share = JSON.stringify(body.blocks).match(
      /"action_id":"share_answer","text":\{[^}]*\},"value":("(?:[^"\\]|\\.)*")/,
    );
    if (!share?.[1]) throw new Error('no share button');
    const id = `share-${++n}`;
    await postSigned(
      events,
      buttonClickForm({
        actionId: 'share_answer',
        value: JSON.parse(share[1]) as string,
        responseUrl: standIn.responseUrl(id),
        team,
      }),
      { secret: SECRET },
    );
    const posted = await standIn.waitFor((c) => c.method === `response_url:${id}`);
    expect(posted.body.response_type).toBe('in_channel');
    expect(feedbackElement(posted.body.blocks).action_id).toBe('answer_feedback');
  });

  it('tells the person when the database is down, and stores nothing', async () => {
    const team = uniqueId('T');
    const element = feedbackElement((await ask('dax vs elasticache', team)).blocks);
    databaseDown = true;
    try {
      const id = await click(element.positive_button.value, team, 'U3');
      const reply = await standIn.waitFor((c) => c.method === `response_url:${id}`);
      expect(String(reply.body.text)).toMatch(/could not be saved right now/);
    } finally {
      databaseDown = false;
    }
    expect(await stored(team)).toEqual([]);
  });
});
