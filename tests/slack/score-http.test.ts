/**
 * Leaderboard, stats and App Home end to end, on every test engine: signed HTTP requests into the
 * real Bolt receiver (createSlackApp), scores read by the real repositories, names looked up with
 * users.info on the Slack API stand-in, replies through response_url and views.publish.
 */

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import type { ScoreContext } from '../../src/scores/score-context.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { testIndexCache } from '../helpers/index-cache.ts';
import { postSigned, slackSignature, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { ScoreSeeder, type StandInProfile, scoreContext, standInProfiles } from '../scores/score-harness.ts';
import { STATS_BANK } from '../scores/stats-bank.ts';

const SECRET = 'test-signing-secret';
const HOSTILE_NAME = '<!channel> & <@U123>';

/** POSTs a JSON Events API body, signed over the raw JSON as Slack does. */
function postEvent(url: string, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SECRET, timestamp, raw),
    },
    body: raw,
  });
}

const homeOpened = (user: string, eventId: string) => ({
  type: 'event_callback',
  team_id: 'T1',
  api_app_id: 'A1',
  event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home' },
  event_id: eventId,
  event_time: 1,
});

describe.each(testDatabases())('scores over Slack HTTP on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: ScoreContext;
  let down: ScoreContext;
  let databaseDown = false;
  let n = 0;

  async function command(text: string, user = 'U1') {
    const id = `${target.name}-${++n}`;
    const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id), { user }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    // A reply may ride in the ack itself (Slack shows an ack body as the reply) or come through response_url.
    const acked = await res.text();
    if (acked) return JSON.parse(acked) as Record<string, unknown>;
    return (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
  }

  async function openHome(user: string) {
    const eventId = `Ev${target.name}${++n}`;
    const before = standIn.calls.length;
    const res = await postEvent(events, homeOpened(user, eventId));
    expect(res.status).toBe(200);
    return standIn.waitFor(
      (c) => c.method === 'views.publish' && c.body.user_id === user && standIn.calls.indexOf(c) >= before,
    );
  }

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    const profiles = new Map<string, StandInProfile>([
      ['U1', { display_name: 'Ana', tz: 'UTC' }],
      ['U2', { display_name: HOSTILE_NAME, tz: 'Europe/Paris' }],
      ['U3', { display_name: '', real_name: 'Cy Real', name: 'cy' }],
    ]);
    const fetcher = standInProfiles(standIn, profiles);
    const clock = new TestClock('2025-03-12T12:00:00Z'); // Wednesday
    ctx = scoreContext(db, { now: clock.now, bank: STATS_BANK, fetcher });
    down = {
      ...ctx,
      ready: () => Promise.reject(new DatabaseUnavailableError('connect ECONNREFUSED 127.0.0.1:5432')),
    };

    // Weekday quizzes in C1 (UTC): Mon 3, Fri 7, Mon 10, Tue 11 (closed), Wed 12 (open).
    const seed = new ScoreSeeder(db);
    const quiz = (date: string, questionId: string, open = false) =>
      seed.quiz({
        teamId: 'T1',
        channelId: 'C1',
        postedAt: `${date}T09:00:00Z`,
        questionId,
        revealedAt: open ? null : undefined,
      });
    const q3 = await quiz('2025-03-03', 'ec2-types');
    const q7 = await quiz('2025-03-07', 'ec2-spot');
    const q10 = await quiz('2025-03-10', 's3-classes');
    const q11 = await quiz('2025-03-11', 'lambda-limits');
    const q12 = await quiz('2025-03-12', 'ddb-dax', true);
    const answer = (quizId: number, userId: string, correct: boolean, at: string) =>
      seed.daily({ quizId, teamId: 'T1', userId, correct, at });
    // Ana: 30 all time, 20 this week, missed Friday: streak 2.
    await answer(q3, 'U1', true, '2025-03-03T09:02:00Z');
    await answer(q10, 'U1', true, '2025-03-10T09:02:00Z');
    await answer(q11, 'U1', true, '2025-03-11T09:02:00Z');
    // U2: 40 all time, 30 this week.
    for (const [q, d] of [
      [q7, '07'],
      [q10, '10'],
      [q11, '11'],
      [q12, '12'],
    ] as const)
      await answer(q, 'U2', true, `2025-03-${d}T09:05:00Z`);
    // U3: one wrong click.
    await answer(q10, 'U3', false, '2025-03-10T10:00:00Z');
    await seed.practice({
      teamId: 'T1',
      userId: 'U1',
      questionId: 'ec2-types',
      correct: false,
      at: '2025-03-11T12:00:00Z',
    });
    // Another workspace in the same database, with the same user ids: never shown in T1.
    const other = await seed.quiz({ teamId: 'T2', channelId: 'C1', postedAt: '2025-03-10T09:00:00Z' });
    await seed.daily({
      quizId: other,
      teamId: 'T2',
      userId: 'U9',
      correct: true,
      at: '2025-03-10T09:01:00Z',
    });
    await seed.daily({
      quizId: other,
      teamId: 'T2',
      userId: 'U1',
      correct: true,
      at: '2025-03-10T09:01:00Z',
    });

    const knowledge = await openKnowledge(
      resolve(import.meta.dirname, '../fixtures/notes/markdown'),
      testIndexCache(),
    );
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => knowledge.index),
      scores: () => (databaseDown ? down : ctx),
    });
    const port = await slack.start();
    events = `http://127.0.0.1:${port}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
  });

  it('/saa leaderboard answers only the asker, by name, without pinging anyone', async () => {
    const body = await command('leaderboard');
    expect(body.response_type).toBe('ephemeral');
    const text = String(body.text);
    expect(text.split('\n')).toEqual([
      '1. *&lt;!channel&gt; &amp; &lt;@U123&gt;* — 30 pts · 3/3 correct · 🔥 4',
      '2. *Ana* — 20 pts · 2/2 correct · 🔥 2',
      '3. *Cy Real* — 0 pts · 0/1 correct',
    ]);
    const json = JSON.stringify(body);
    expect(json).not.toContain('<@');
    expect(json).not.toContain('<!');
    expect(json).toContain('This week (since Mon 10 Mar, UTC)');
    expect(json).not.toContain('U9');
  });

  it('/saa leaderboard week public posts to the channel', async () => {
    const body = await command('leaderboard week public');
    expect(body.response_type).toBe('in_channel');
    expect(JSON.stringify(body.blocks)).toContain('*Ana*');
    expect(JSON.stringify(body)).not.toMatch(/<[@!#]/);
  });

  it('/saa leaderboard all counts every period', async () => {
    const body = await command('leaderboard all');
    expect(String(body.text)).toContain('2. *Ana* — 30 pts · 3/3 correct · 🔥 2');
    expect(JSON.stringify(body.blocks)).toContain('All time');
  });

  it('/saa stats answers only the asker with points, rank and streak', async () => {
    const body = await command('stats');
    expect(body.response_type).toBe('ephemeral');
    const text = String(body.text);
    expect(text).toContain('Points: 20 this week, 30 all time · rank 2 of 3');
    expect(text).toContain('Daily: 3/3 correct');
    expect(text).toContain('streak 2 quiz days');
    expect(text).toContain('Amazon EC2 (50 %): ec2.md › Instance types');
    expect(JSON.stringify(body.blocks)).toContain('Your SAA stats');
  });

  it('publishes the App Home (stats and this week’s leaderboard) on app_home_opened', async () => {
    const call = await openHome('U1');
    const view = call.body.view as { type: string; blocks: Array<{ type: string }> };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view);
    expect(json).toContain('Your SAA stats');
    expect(json).toContain('SAA leaderboard');
    expect(json).toContain('rank 2 of 3');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toMatch(/<[@!#]/);
    expect(standIn.calls.filter((c) => c.method === 'views.publish' && c.body.user_id === 'U1')).toHaveLength(
      1,
    );
  });

  it('says scores are unavailable while the database is down, and recovers', async () => {
    databaseDown = true;
    try {
      for (const text of ['leaderboard', 'leaderboard month public', 'stats']) {
        const body = await command(text);
        expect(body.response_type).toBe('ephemeral');
        expect(String(body.text)).toMatch(/unavailable/i);
        expect(String(body.text)).toMatch(/try again/i);
      }
      const home = await openHome('U3');
      expect(JSON.stringify(home.body.view)).toMatch(/Scores are unavailable/);
    } finally {
      databaseDown = false;
    }
    const body = await command('leaderboard');
    expect(String(body.text)).toContain('*Ana*');
    expect(String((await command('help')).text)).toContain('/saa leaderboard');
  });
});
