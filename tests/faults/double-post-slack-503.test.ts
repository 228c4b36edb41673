/**
 * No double daily post when Slack answers 503 to the question (issue 9, item 2), whether Slack
 * had posted it or not, with two pollers ticking every minute through the stale window: the
 * question is posted in one attempt (never a blind retry), and the takeover looks for the
 * earlier message (its metadata names the quiz) before posting. Real repositories on each
 * engine, the real messenger against the Slack stand-in.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import type { Database } from '../../src/storage/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { enable, state, twoPollers } from '../helpers/pollers.ts';
import { quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import type { SlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

describe.each(testDatabases())('Slack answers 503 to the daily post, two pollers ($name)', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  const bank = makeBank(4);

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
  });

  it.each([
    ['Slack posted the message and then answered 503', true],
    ['Slack answered 503 without posting', false],
  ])('%s: exactly one question in the channel', async (_name, accept) => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    let failures = 1;
    const remove = standIn.fault('chat.postMessage', (b) => {
      if (b.channel !== channel || b.thread_ts || failures === 0) return null;
      failures -= 1;
      return { kind: 'status', status: 503, accept };
    });
    try {
      const clock = new TestClock('2026-05-05T09:00:00Z');
      const rec = recordingLog();
      const poller = (id: string) =>
        createTick(() =>
          quizContext(db, {
            bank,
            clock,
            messenger: standInMessenger(standIn, 300),
            instanceId: id,
            log: rec.log,
          }),
        );
      const a = poller('poller-a:1');
      const b = poller('poller-b:1');
      await enable(quizContext(db, { bank, clock, messenger: standInMessenger(standIn) }), team, channel);

      expect(await Promise.all([a(), b()])).toEqual([[], []]);
      expect(standIn.messages(channel)).toHaveLength(accept ? 1 : 0);
      // Both keep ticking every minute, through the stale window and past it.
      await twoPollers(a, b, clock, 10);
      const after = await state(db, standIn, team, channel);
      expect(after.messages).toHaveLength(1);
      expect(after.stored).toEqual(after.messages);
      const attempts = standIn.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.body.channel === channel && !c.body.thread_ts,
      );
      expect(attempts).toHaveLength(accept ? 1 : 2); // never a blind retry
    } finally {
      remove();
    }
  });
});
