/**
 * `/saa daily …` through the real Bolt HTTP receiver and the real schedule repository: turning a
 * channel's quiz on (at a time, in a zone), off, showing it, refusing a zone that does not exist,
 * a workspace's own defaults (schedule and zone) used where the command says none, and the tick
 * posting at the time that was set.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import { changeWorkspaceDefaults } from '../../src/daily-quiz/workspace-defaults.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { questionPosts, quizContext, standInMessenger } from '../helpers/quiz-harness.ts';
import { postSigned, slashCommandForm } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useNotesKnowledge, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SECRET = 'quiz-daily-secret';
const DEFAULTS = { cron: '0 9 * * 1-5', timeZone: 'UTC' };

describe.each(testDatabases())('/saa daily on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  const clock = new TestClock('2026-06-03T10:00:00Z');
  let n = 0;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();
  const notes = useNotesKnowledge();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    ctx = quizContext(db, {
      bank: makeBank(3),
      clock,
      messenger: standInMessenger(standIn),
      defaults: DEFAULTS,
    });
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

  function channel() {
    return { team: uniqueId('T'), channel: uniqueId('C'), user: uniqueId('U') };
  }

  async function saa(text: string, ids: { team: string; channel: string; user: string }) {
    const id = `cmd-${++n}`;
    const res = await postSigned(events, slashCommandForm(text, standIn.responseUrl(id), ids), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    // Quick replies (usage errors) ride in the ack; the rest come through response_url.
    const acked = await res.text();
    const body = acked
      ? (JSON.parse(acked) as Record<string, unknown>)
      : (await standIn.waitFor((c) => c.method === `response_url:${id}`)).body;
    return { text: String(body.text), visibility: body.response_type };
  }

  it('on 07:15 Europe/Paris stores that time on the default days, in that zone', async () => {
    const ids = channel();
    expect(await saa('daily on 07:15 Europe/Paris', ids)).toEqual({
      text: 'Daily quiz on: 07:15 Europe/Paris, Mon–Fri.',
      visibility: 'in_channel',
    });
    expect(await ctx.schedules.get(ids.team, ids.channel)).toEqual({
      teamId: ids.team,
      channelId: ids.channel,
      cron: '15 7 * * 1-5',
      timeZone: 'Europe/Paris',
      enabled: true,
      updatedAt: clock.now(),
    });
    expect(await saa('daily', ids)).toEqual({
      text: 'The daily quiz runs here at 07:15 Europe/Paris, Mon–Fri.',
      visibility: 'ephemeral',
    });
  });

  it.each([
    ['daily on', '0 9 * * 1-5', 'UTC', '09:00 UTC, Mon–Fri'],
    ['daily on 9h30', '30 9 * * 1-5', 'UTC', '09:30 UTC, Mon–Fri'],
    ['daily on America/New_York', '0 9 * * 1-5', 'America/New_York', '09:00 America/New_York, Mon–Fri'],
    ['daily on Asia/Kolkata 18:05', '5 18 * * 1-5', 'Asia/Kolkata', '18:05 Asia/Kolkata, Mon–Fri'],
  ])('/saa %s stores cron "%s" in %s', async (text, cron, timeZone, described) => {
    const ids = channel();
    expect((await saa(text, ids)).text).toBe(`Daily quiz on: ${described}.`);
    expect(await ctx.schedules.get(ids.team, ids.channel)).toMatchObject({ cron, timeZone, enabled: true });
  });

  it('off turns it off and keeps the time for the next "on"; daily shows either state', async () => {
    const ids = channel();
    expect((await saa('daily', ids)).text).toBe(
      'The daily quiz is off in this channel. Turn it on with `/saa daily on` (default 09:00 UTC, Mon–Fri) or `/saa daily on 09:30 Europe/Paris`.',
    );
    await saa('daily on 07:15 Europe/Paris', ids);
    clock.advance(60_000);
    expect(await saa('daily off', ids)).toEqual({
      text: 'Daily quiz off for this channel. `/saa daily on` brings it back.',
      visibility: 'in_channel',
    });
    expect(await ctx.schedules.get(ids.team, ids.channel)).toMatchObject({
      cron: '15 7 * * 1-5',
      timeZone: 'Europe/Paris',
      enabled: false,
      updatedAt: clock.now(),
    });
    expect((await saa('daily', ids)).text).toMatch(/^The daily quiz is off in this channel\./);
    expect((await saa('daily off', ids)).text).toBe('The daily quiz was already off in this channel.');
    expect((await saa('daily on', ids)).text).toBe('Daily quiz on: 07:15 Europe/Paris, Mon–Fri.');
    await saa('daily off', ids);
  });

  it('a workspace with its own defaults: "daily" shows them, "daily on" takes each unsaid value from them', async () => {
    const ids = channel();
    const other = { ...channel(), team: ids.team };
    await changeWorkspaceDefaults(ctx, {
      teamId: ids.team,
      schedule: '30 8 * * 1-4',
      timeZone: 'Asia/Tokyo',
    });
    expect((await saa('daily', ids)).text).toContain('(default 08:30 Asia/Tokyo, Mon–Thu)');
    expect((await saa('daily on', ids)).text).toBe('Daily quiz on: 08:30 Asia/Tokyo, Mon–Thu.');
    expect((await saa('daily on 17:00', other)).text).toBe('Daily quiz on: 17:00 Asia/Tokyo, Mon–Thu.');
    // Another workspace keeps QUIZ_SCHEDULE and QUIZ_TIMEZONE.
    expect((await saa('daily on', channel())).text).toBe('Daily quiz on: 09:00 UTC, Mon–Fri.');
  });

  it('refuses a time zone that does not exist, saying what to use, and stores nothing', async () => {
    const ids = channel();
    const reply = await saa('daily on 07:15 Mars/Olympus_Mons', ids);
    expect(reply.text).toBe(
      '"Mars/Olympus_Mons" is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.',
    );
    expect(await ctx.schedules.get(ids.team, ids.channel)).toBeNull();
    const bad = await saa('daily on 25:00', ids);
    expect(bad).toMatchObject({ visibility: 'ephemeral' });
    expect(bad.text).toContain('I couldn\'t read "25:00"');
  });

  // BUG (src/commands/handle-command.ts, case 'daily-on'): every reply to `/saa daily on …` is sent
  // with visibility 'in_channel', including enableSchedule's refusal of an unknown zone, so one
  // person's typo is announced to the whole channel. The refusal (schedule: null) should be ephemeral.
  it('shows the unknown-zone refusal only to the person who typed it', async () => {
    const reply = await saa('daily on 07:15 Europe/Pariss', channel());
    expect(reply.visibility).toBe('ephemeral');
  });

  it('the tick posts at the time set with /saa daily on', async () => {
    const ids = channel();
    await saa('daily on 07:15 Europe/Paris', ids);
    const tick = createTick(() => ctx);
    clock.set('2026-06-04T05:14:00Z'); // Thursday 07:14 CEST
    expect(await tick()).not.toContain(ids.channel);
    clock.set('2026-06-04T05:15:00Z');
    expect(await tick()).toContain(ids.channel);
    expect(questionPosts(standIn, ids.channel)).toHaveLength(1);
    await saa('daily off', ids);
  });
});
