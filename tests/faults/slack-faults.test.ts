/**
 * Fault injection, Slack side (issue 9, items 1 and 2): the Slack stand-in hangs or answers 503
 * while the real tick, repositories and messenger (with the bot's client options, a short
 * per-call deadline) run against a real database.
 * `chat.postMessage` hanging for one channel: the other channels due that minute are posted at
 * once; the hung one is posted once, later. (503s from Slack: double-post.test.ts.)
 */

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSchedule } from '../../src/daily-quiz/ports.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, recordingLog, standInMessenger, TEST_STALE_CLAIM_MS } from '../helpers/quiz-harness.ts';
import type { SlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

/** Per-call Slack deadline in these tests (the bot's default is 10 s). */
const SLACK_TIMEOUT_MS = 300;
const MINUTE = 60_000;
const bank = makeBank(4);

describe.each(testDatabases())('Slack faults on $name', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  const enabled: ChannelSchedule[] = [];
  const removers: Array<() => void> = [];

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
  });
  afterEach(async () => {
    for (const remove of removers.splice(0)) remove();
    const ctx = context(new TestClock('2026-01-01T00:00:00Z'));
    for (const s of enabled.splice(0)) await ctx.schedules.upsert({ ...s, enabled: false });
  });

  function context(clock: TestClock, instanceId = 'test:1', log = recordingLog().log): QuizContext {
    return quizContext(db, {
      bank,
      clock,
      messenger: standInMessenger(standIn, SLACK_TIMEOUT_MS),
      instanceId,
      log,
    });
  }

  async function schedule(team: string, channel: string) {
    const s: ChannelSchedule = {
      teamId: team,
      channelId: channel,
      cron: '0 9 * * *',
      timeZone: 'UTC',
      enabled: true,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    await context(new TestClock(s.updatedAt)).schedules.upsert(s);
    enabled.push(s);
    return s;
  }

  it('chat.postMessage hanging for one channel: the others due that minute are posted at once', async () => {
    const team = uniqueId('T');
    // listEnabled orders by channel: the hanging one comes first.
    const [hung, second, third] = await Promise.all(
      [`CA${uniqueId('')}`, `CB${uniqueId('')}`, `CC${uniqueId('')}`].map((c) => schedule(team, c)),
    );
    if (!hung || !second || !third) throw new Error('three schedules expected');
    removers.push(
      standIn.fault('chat.postMessage', (b) => (b.channel === hung.channelId ? { kind: 'hang' } : null)),
    );
    const clock = new TestClock('2026-05-04T09:00:00Z');
    const rec = recordingLog();
    const tick = createTick(() => context(clock, 'test:1', rec.log));

    const started = Date.now();
    const posted = await tick();
    expect(Date.now() - started).toBeLessThan(3 * SLACK_TIMEOUT_MS + 2000);
    expect(posted.sort()).toEqual([second.channelId, third.channelId].sort());
    expect(standIn.messages(second.channelId)).toHaveLength(1);
    expect(standIn.messages(third.channelId)).toHaveLength(1);
    expect(standIn.messages(hung.channelId)).toHaveLength(0);
    expect(JSON.stringify(rec.errors())).toContain(hung.channelId);

    // Slack recovers; the claim is retried once it is stale, and posted once.
    removers.splice(0).forEach((remove) => void remove());
    clock.advance(MINUTE);
    expect(await tick()).toEqual([]);
    clock.advance(TEST_STALE_CLAIM_MS);
    expect(await tick()).toEqual([hung.channelId]);
    clock.advance(MINUTE);
    expect(await tick()).toEqual([]);
    for (const s of [hung, second, third]) expect(standIn.messages(s.channelId)).toHaveLength(1);
  });
});
