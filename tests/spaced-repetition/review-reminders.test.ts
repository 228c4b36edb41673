/**
 * Review reminders (issue 12, item 3) over the real repositories and the real Slack messenger,
 * with Slack's stand-in as the peer and an injected clock: one DM per local day at the person's
 * time in two time zones across their March and October DST changes; none while nothing is due
 * or after `/saa remind off`; two processes sweeping together still send one; the sweep's pace,
 * counted on the stand-in (per workspace, in virtual time); a DM Slack refused is retried, one
 * whose fate is unknown is not.
 */

import { WebClient } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleCommand } from '../../src/commands/handle-command.ts';
import { parseCommand } from '../../src/commands/parse-command.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { localTime } from '../../src/quiz/daily-schedule.ts';
import { singleAttemptOptions, slackClientOptions } from '../../src/slack/slack-client-options.ts';
import { slackReminderMessenger } from '../../src/slack/slack-reminder-messenger.ts';
import { singleWorkspaceClients } from '../../src/slack/team-clients.ts';
import { recordCardAnswer } from '../../src/spaced-repetition/record-card-answer.ts';
import { minuteOfDay } from '../../src/spaced-repetition/reminder-due.ts';
import { createReminderSweep } from '../../src/spaced-repetition/reminder-sweep.ts';
import type { Database } from '../../src/storage/db.ts';
import {
  REMINDER_OPEN_INTERVAL_MS,
  REMINDER_WORKSPACE_INTERVAL_MS,
  REMINDER_WORKSPACE_PER_MINUTE,
} from '../../src/timeouts.ts';
import { busiestWindow } from '../helpers/busiest-window.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { messageText, quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import type { RecordedCall, SlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { VirtualTime } from '../helpers/virtual-time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const noSleep = async () => undefined;

describe.each(testDatabases())('review reminders on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  let standInNow = () => performance.now();

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn({ now: () => standInNow() });

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
  });

  function context(clock: TestClock, log = recordingLog().log): QuizContext {
    const settings = { apiUrl: standIn.apiUrl };
    return quizContext(db, {
      bank: [],
      clock,
      log,
      messenger: standInMessenger(standIn),
      reminderMessenger: slackReminderMessenger(
        singleWorkspaceClients(
          new WebClient('xoxb-test', slackClientOptions(settings)),
          new WebClient('xoxb-test', singleAttemptOptions(settings)),
        ),
      ),
    });
  }

  /** Reminders on for `userId` at `time` in `timeZone`, as `/saa remind on` stores them. */
  async function remindOn(ctx: QuizContext, team: string, userId: string, time: string, timeZone: string) {
    await ctx.reminders?.save({
      teamId: team,
      userId,
      enabled: true,
      minuteOfDay: minuteOfDay(time) ?? 0,
      timeZone,
      updatedAt: ctx.clock(),
    });
  }

  /** `n` cards the person got wrong at `at`: due a minute later, and until they review them. */
  async function dueCards(ctx: QuizContext, team: string, userId: string, n: number, at: Date) {
    for (let i = 0; i < n; i++) {
      const cards = ctx.cards;
      if (!cards) throw new Error('no cards');
      await recordCardAnswer(cards, {
        teamId: team,
        userId,
        questionId: `q-${i}`,
        correct: false,
        source: 'daily',
        at,
      });
    }
  }

  const dms = (userId: string): RecordedCall[] =>
    standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === `D${userId}`);

  /** Turns every reminder of `team` off, so later tests' sweeps do not see them. */
  async function offAll(ctx: QuizContext, team: string, users: string[]) {
    for (const userId of users) {
      const s = await ctx.reminders?.get(team, userId);
      if (s) await ctx.reminders?.save({ ...s, enabled: false, updatedAt: ctx.clock() });
    }
  }

  it.each([
    ['spring', '2026-03-05T00:00:00Z', '2026-04-02T00:00:00Z', ['2026-03-08', '2026-03-29']],
    ['autumn', '2026-10-22T00:00:00Z', '2026-11-04T00:00:00Z', ['2026-10-25', '2026-11-01']],
  ])(
    '%s: one DM per local day at the local time in New York and Berlin, across both DST changes',
    async (_season, start, end, dstDays) => {
      const team = uniqueId('T');
      const clock = new TestClock(start);
      const rec = recordingLog();
      const ctx = context(clock, rec.log);
      const people = [
        { userId: uniqueId('U'), time: '09:00', timeZone: 'America/New_York' },
        { userId: uniqueId('U'), time: '09:00', timeZone: 'Europe/Berlin' },
        // 02:30 Berlin does not exist on 2026-03-29 and happens twice on 2026-10-25.
        { userId: uniqueId('U'), time: '02:30', timeZone: 'Europe/Berlin' },
        // 01:30 New York happens twice on 2026-11-01.
        { userId: uniqueId('U'), time: '01:30', timeZone: 'America/New_York' },
      ];
      for (const p of people) {
        await remindOn(ctx, team, p.userId, p.time, p.timeZone);
        await dueCards(ctx, team, p.userId, 7, new Date(Date.parse(start) - DAY));
      }
      const sweep = createReminderSweep(() => ctx, { sleep: noSleep });
      const sentAt = new Map<string, Date[]>(people.map((p) => [p.userId, []]));
      for (let t = Date.parse(start); t < Date.parse(end); t += 15 * MINUTE) {
        clock.set(new Date(t));
        const before = new Map(people.map((p) => [p.userId, dms(p.userId).length]));
        await sweep();
        for (const p of people) {
          const added = dms(p.userId).length - (before.get(p.userId) ?? 0);
          for (let i = 0; i < added; i++) sentAt.get(p.userId)?.push(new Date(t));
        }
      }
      await offAll(
        ctx,
        team,
        people.map((p) => p.userId),
      );

      for (const p of people) {
        const times = sentAt.get(p.userId) ?? [];
        const dates = times.map((at) => localTime(at, p.timeZone).date);
        // Every local day once: consecutive dates, no repeat, no gap, the DST days included.
        expect(new Set(dates).size).toBe(dates.length);
        for (let i = 1; i < dates.length; i++)
          expect(Date.parse(dates[i] as string) - Date.parse(dates[i - 1] as string)).toBe(DAY);
        for (const d of dstDays) expect(dates).toContain(d);
        // At the local time (the first one may be a catch-up of the day reminders were turned on).
        const wanted = minuteOfDay(p.time) ?? 0;
        for (const at of times.slice(1)) {
          const minute = localTime(at, p.timeZone).minuteOfDay;
          expect(minute).toBeGreaterThanOrEqual(wanted);
          expect(minute).toBeLessThan(wanted + 75); // 02:30 on the spring day: 03:00, after the gap
        }
      }
      const text = messageText(dms(people[0]?.userId ?? '')[0] as RecordedCall);
      expect(text).toContain('7 cards due for review, ~4 min');
      expect(text).toContain('/saa review');
      expect(rec.errors()).toEqual([]);
    },
  );

  it('no DM while nothing is due; one the same day once cards fall due; none after /saa remind off', async () => {
    const team = uniqueId('T');
    const userId = uniqueId('U');
    const clock = new TestClock('2026-06-01T06:00:00Z');
    const ctx = context(clock);
    const sweep = createReminderSweep(() => ctx, { sleep: noSleep });
    const say = (text: string) =>
      handleCommand(
        parseCommand(text),
        { teamId: team, channelId: 'C1', userId },
        {
          answerer: { answer: async () => ({}) as never, immediate: true } as never,
          quiz: () => ctx,
        },
      );

    expect(await say('remind')).toMatchObject({ text: expect.stringContaining('Review reminders are off') });
    expect(await say('remind on 07:30')).toMatchObject({ text: expect.stringContaining('07:30 (UTC') });
    expect(await say('remind')).toMatchObject({ text: expect.stringContaining('on: a DM at 07:30') });
    for (let day = 0; day < 3; day++) {
      for (const hour of [7, 8, 12, 20]) {
        clock.set(new Date(Date.parse('2026-06-01T00:00:00Z') + day * DAY + hour * 3_600_000 + 30 * MINUTE));
        await sweep();
      }
    }
    expect(dms(userId)).toHaveLength(0);

    clock.set('2026-06-04T14:00:00Z'); // after today's 07:30: cards fall due, the next sweep reminds
    await dueCards(ctx, team, userId, 1, clock.now());
    clock.advance(MINUTE);
    await sweep();
    clock.advance(MINUTE);
    await sweep();
    expect(dms(userId)).toHaveLength(1);
    expect(messageText(dms(userId)[0] as RecordedCall)).toContain('1 card due for review, ~1 min');

    expect(await say('remind off')).toMatchObject({ text: expect.stringContaining('Review reminders off') });
    clock.set('2026-06-05T08:00:00Z');
    await sweep();
    expect(dms(userId)).toHaveLength(1);
    expect(await say('remind on 25:00')).toMatchObject({ text: expect.stringContaining('Use `/saa remind') });
  });

  it('two processes sweeping at once send each reminder once', async () => {
    const team = uniqueId('T');
    const clock = new TestClock('2026-06-10T09:00:00Z');
    const ctx = context(clock);
    const users = [uniqueId('U'), uniqueId('U'), uniqueId('U')];
    for (const u of users) {
      await remindOn(ctx, team, u, '09:00', 'UTC');
      await dueCards(ctx, team, u, 2, new Date('2026-06-09T09:00:00Z'));
    }
    const a = createReminderSweep(() => context(clock), { sleep: noSleep });
    const b = createReminderSweep(() => context(clock), { sleep: noSleep });
    await Promise.all([a(), b(), a(), b()]);
    await offAll(ctx, team, users);
    for (const u of users) expect(dms(u)).toHaveLength(1);
  });

  it('keeps a pace: each DM starts one interval after the previous; DMs are opened once per person', async () => {
    const team = uniqueId('T');
    const clock = new TestClock('2026-07-01T09:00:00Z');
    const ctx = context(clock);
    const users = Array.from({ length: 12 }, () => uniqueId('U'));
    for (const u of users) {
      await remindOn(ctx, team, u, '09:00', 'UTC');
      await dueCards(ctx, team, u, 3, new Date('2026-06-30T09:00:00Z'));
    }
    let slept = 0;
    const arrivals: number[] = [];
    standIn.reply('chat.postMessage', (b) => {
      if (String(b.channel).startsWith('D')) arrivals.push(slept);
      return { ok: true, channel: b.channel, ts: `${Date.now()}.${arrivals.length}` };
    });
    const sweep = createReminderSweep(() => ctx, {
      sleep: async (ms) => {
        slept += ms;
      },
    });
    const opens = () =>
      standIn.calls.filter((c) => c.method === 'conversations.open' && users.includes(String(c.body.users)));
    await sweep();
    const secondStart = slept;
    clock.advance(DAY);
    await sweep();
    await offAll(ctx, team, users);

    expect(arrivals).toHaveLength(24);
    // The k-th DM of a sweep cannot reach Slack before k intervals of waiting: ≤ 1 per interval.
    const perSweep = [arrivals.slice(0, 12), arrivals.slice(12).map((s) => s - secondStart)];
    for (const sweepArrivals of perSweep)
      sweepArrivals
        .sort((x, y) => x - y)
        .forEach((s, k) => {
          expect(s).toBeGreaterThanOrEqual(k * REMINDER_WORKSPACE_INTERVAL_MS);
        });
    expect(opens()).toHaveLength(12);
  });

  it('paces each workspace on its own budget: workspaces go in parallel, faster than one global pace', async () => {
    const clock = new TestClock('2026-07-15T09:00:00Z');
    const ctx = context(clock);
    const teams = Array.from({ length: 4 }, () => uniqueId('T'));
    const teamOf = new Map<string, string>();
    for (const team of teams) {
      for (let i = 0; i < 15; i++) {
        const u = uniqueId('U');
        teamOf.set(u, team);
        await remindOn(ctx, team, u, '09:00', 'UTC');
        await dueCards(ctx, team, u, 2, new Date('2026-07-14T09:00:00Z'));
        // Three of each workspace get their first reminder (the DM is opened); the rest have one.
        if (i >= 3) await ctx.reminders?.saveDmChannel(team, u, `D${u}`);
      }
    }
    const virtual = new VirtualTime();
    standInNow = () => virtual.now;
    const sweep = createReminderSweep(() => ctx, { sleep: virtual.sleep });
    const report = await virtual.run(sweep(), { activity: () => standIn.calls.length }).finally(() => {
      standInNow = () => performance.now();
    });
    for (const team of teams)
      await offAll(
        ctx,
        team,
        [...teamOf].filter(([, t]) => t === team).map(([u]) => u),
      );

    const ours = (method: string, user: (c: RecordedCall) => string) =>
      standIn.calls.filter((c) => c.method === method && teamOf.has(user(c)));
    const posts = ours('chat.postMessage', (c) => String(c.body.channel).slice(1));
    const opens = ours('conversations.open', (c) => String(c.body.users));
    expect(report.sent).toHaveLength(60);
    expect(new Set(posts.map((c) => c.body.channel)).size).toBe(60);
    expect(opens).toHaveLength(12);
    for (const team of teams) {
      const at = (calls: RecordedCall[], user: (c: RecordedCall) => string) =>
        calls.filter((c) => teamOf.get(user(c)) === team).map((c) => c.at);
      const postTimes = at(posts, (c) => String(c.body.channel).slice(1));
      const openTimes = at(opens, (c) => String(c.body.users));
      expect(postTimes).toHaveLength(15);
      expect(busiestWindow(postTimes, 60_000)).toBeLessThanOrEqual(REMINDER_WORKSPACE_PER_MINUTE);
      expect(busiestWindow(postTimes, 1_000)).toBeLessThanOrEqual(
        Math.ceil(1_000 / REMINDER_WORKSPACE_INTERVAL_MS),
      );
      expect(busiestWindow(openTimes, 60_000)).toBeLessThanOrEqual(60_000 / REMINDER_OPEN_INTERVAL_MS);
      expect(busiestWindow(openTimes, REMINDER_OPEN_INTERVAL_MS)).toBe(1);
    }
    // Workspaces overlap in time, and the whole sweep ends well before the old single pace of
    // 4 DMs a second for the process (60 DMs: 59 × 250 ms) would have let it.
    const spans = teams.map((team) => {
      const times = posts
        .filter((c) => teamOf.get(String(c.body.channel).slice(1)) === team)
        .map((c) => c.at);
      return [Math.min(...times), Math.max(...times)] as const;
    });
    expect(Math.max(...spans.map((s) => s[0]))).toBeLessThan(Math.min(...spans.map((s) => s[1])));
    expect(virtual.now).toBeLessThan(59 * 250);
  });

  it('a DM Slack refused is retried by the next sweep; one whose fate is unknown is not sent twice', async () => {
    const team = uniqueId('T');
    const [refused, unknown] = [uniqueId('U'), uniqueId('U')];
    const clock = new TestClock('2026-08-03T09:00:00Z');
    const rec = recordingLog();
    const ctx = context(clock, rec.log);
    for (const u of [refused, unknown]) {
      await remindOn(ctx, team, u, '09:00', 'UTC');
      await dueCards(ctx, team, u, 1, new Date('2026-08-02T09:00:00Z'));
    }
    let refusals = 1;
    standIn.reply('chat.postMessage', (b) => {
      if (b.channel === `D${refused}` && refusals-- > 0) return { ok: false, error: 'ratelimited' };
      return { ok: true, channel: b.channel, ts: `${Date.now()}.1` };
    });
    const removeFault = standIn.fault('chat.postMessage', (b) =>
      b.channel === `D${unknown}` ? { kind: 'status', status: 503, accept: true } : null,
    );
    const sweep = createReminderSweep(() => ctx, { sleep: noSleep });
    await sweep();
    removeFault();
    for (let i = 0; i < 3; i++) {
      clock.advance(MINUTE);
      await sweep();
    }
    await offAll(ctx, team, [refused, unknown]);
    expect(dms(refused)).toHaveLength(2); // the refused call, then the reminder
    expect(dms(unknown)).toHaveLength(1); // Slack posted it; no second try that day
    expect(rec.errors()).toHaveLength(1);
  });
});
