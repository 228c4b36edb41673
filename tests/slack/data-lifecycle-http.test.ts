/**
 * The data lifecycle through Slack (signed requests into the real Bolt receiver, PGlite):
 * `/saa forget me` shows what goes and a danger button behind a confirmation; the person's click
 * deletes their data and says so, someone else's click deletes nothing; `app_uninstalled`
 * schedules the workspace's erasure and a later request from it (a reinstall) cancels it.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { answerPractice } from '../../src/daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import type { LifecycleContext } from '../../src/data-lifecycle/lifecycle-context.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { SqlDataLifecycleRepository } from '../../src/storage/data-lifecycle-repository.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import {
  buttonClickForm,
  eventCallback,
  postSigned,
  postSignedEvent,
  slashCommandForm,
} from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'lifecycle-secret';

describe('data lifecycle over Slack', () => {
  const target = testDatabases()[0];
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  let n = 0;
  const bank = makeBank(2);

  beforeAll(async () => {
    if (!target) throw new Error('no test database');
    db = await target.open();
    await migrate(db);
    standIn = await startSlackStandIn();
    const clock = new TestClock('2026-12-01T09:00:00Z');
    ctx = quizContext(db, { bank, clock, messenger: standInMessenger(standIn) });
    const lifecycle: LifecycleContext = {
      repo: new SqlDataLifecycleRepository(db),
      clock: clock.now,
      ready: () => Promise.resolve(),
      graceMs: 30 * 86_400_000,
      log: recordingLog().log,
    };
    const index = new SearchIndex(buildIndex([]), []);
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => index),
      quiz: () => ctx,
      lifecycle,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
  });
  afterAll(async () => {
    await slack?.stop();
    await standIn?.close();
    await target?.close();
  });

  async function command(text: string, team: string, user: string) {
    const id = `lc-${++n}`;
    const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id), { team, user }), {
      secret: SECRET,
    });
    const body = await res.text();
    return body
      ? (JSON.parse(body) as Record<string, unknown>)
      : (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  async function click(value: string, team: string, user: string) {
    const id = `lc-click-${++n}`;
    await postSigned(
      events,
      buttonClickForm({ actionId: 'forget_me', value, responseUrl: standIn.responseUrl(id), team, user }),
      {
        secret: SECRET,
      },
    );
    return String((await standIn.waitFor((c) => c.method === `response_url:${id}`)).body.text);
  }

  const practiceRows = async (team: string, user: string) =>
    Number(
      (
        await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM practice_answers WHERE team_id = $1 AND user_id = $2',
          [team, user],
        )
      ).rows[0]?.n,
    );

  it('asks first, then deletes the person’s own data, and only at their own click', async () => {
    const team = uniqueId('T');
    await answerPractice(ctx, { teamId: team, userId: 'U1', questionId: bank[0]?.id ?? '', choice: 'A' });
    await answerPractice(ctx, { teamId: team, userId: 'U2', questionId: bank[0]?.id ?? '', choice: 'A' });
    const confirm = await command('forget me', team, 'U1');
    const blocks = JSON.stringify(confirm.blocks);
    expect(blocks).toContain('"action_id":"forget_me"');
    expect(blocks).toContain('"style":"danger"');
    expect(blocks).toContain('"confirm"');
    expect(await practiceRows(team, 'U1')).toBe(1);

    expect(await click('U1', team, 'U2')).toMatch(/not yours/);
    expect(await practiceRows(team, 'U1')).toBe(1);

    expect(await click('U1', team, 'U1')).toMatch(/^Done: deleted \d+ records about you/);
    expect(await practiceRows(team, 'U1')).toBe(0);
    expect(await practiceRows(team, 'U2')).toBe(1);
  });

  it('schedules the erasure on app_uninstalled and cancels it when the workspace comes back', async () => {
    const team = uniqueId('T');
    await postSignedEvent(events, eventCallback({ type: 'app_uninstalled' }, team), SECRET);
    const pending = async () => (await new SqlDataLifecycleRepository(db).pendingErasures()).has(team);
    for (let i = 0; i < 50 && !(await pending()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await pending()).toBe(true);

    await command('help', team, 'U1');
    for (let i = 0; i < 50 && (await pending()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await pending()).toBe(false);
  });
});
