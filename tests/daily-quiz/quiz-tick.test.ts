/**
 * The minute tick (createTick) against stored schedules: which days and times post, the DST days
 * of Europe/Paris (2026-03-29: 02:00–03:00 does not exist; 2026-10-25: 02:00–03:00 happens twice),
 * restarts, several processes ticking together, and one broken schedule among good ones.
 */

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSchedule } from '../../src/daily-quiz/ports.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  memoryQuizRepositories,
  questionPosts,
  quizContextOver,
  recordingLog,
  standInMessenger,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const MINUTE = 60_000;
const bank = makeBank(6);

// Scheduling rules, on the in-memory repositories (their contract tests hold them to SQL's behaviour;
// the claims that keep several processes to one post are raced on the databases in quiz-post.test.ts).
describe('quiz tick on memory', () => {
  const repositories = memoryQuizRepositories();
  let standIn: SlackStandIn;
  /** Schedules enabled by the running test; turned off after it, since every tick reads all of them. */
  let enabled: ChannelSchedule[] = [];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterEach(async () => {
    const ctx = context(new TestClock('2026-01-01T00:00:00Z'));
    for (const s of enabled) await ctx.schedules.upsert({ ...s, enabled: false });
    enabled = [];
  });
  afterAll(async () => {
    await standIn?.close();
  });

  function context(clock: TestClock, instanceId = 'test:1', log = recordingLog().log): QuizContext {
    return quizContextOver(repositories, {
      bank,
      clock,
      messenger: standInMessenger(standIn),
      instanceId,
      log,
    });
  }

  async function schedule(cron: string, timeZone: string, ids: { team?: string; channel?: string } = {}) {
    const s: ChannelSchedule = {
      teamId: ids.team ?? uniqueId('T'),
      channelId: ids.channel ?? uniqueId('C'),
      cron,
      timeZone,
      enabled: true,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    await context(new TestClock(s.updatedAt)).schedules.upsert(s);
    enabled.push(s);
    return s;
  }

  it('a weekday-only schedule skips Saturday and posts on Monday at the scheduled time, not before', async () => {
    const s = await schedule('0 9 * * 1-5', 'Europe/Paris');
    const clock = new TestClock('2026-03-28T08:00:00Z'); // Saturday 09:00 in Paris
    const rec = recordingLog();
    const tick = createTick(() => context(clock, 'test:1', rec.log));

    expect(await tick()).not.toContain(s.channelId);
    clock.set('2026-03-28T21:00:00Z');
    expect(await tick()).not.toContain(s.channelId);
    clock.set('2026-03-30T06:59:00Z'); // Monday 08:59 CEST
    expect(await tick()).not.toContain(s.channelId);
    expect(questionPosts(standIn, s.channelId)).toHaveLength(0);

    clock.set('2026-03-30T07:00:00Z'); // Monday 09:00 CEST
    expect(await tick()).toContain(s.channelId);
    for (const minutes of [1, 2, 60, 600]) {
      clock.set(new Date(Date.parse('2026-03-30T07:00:00Z') + minutes * MINUTE));
      expect(await tick()).not.toContain(s.channelId);
    }
    expect(questionPosts(standIn, s.channelId)).toHaveLength(1);
    expect(rec.errors()).toEqual([]);
  });

  it('a process started after the scheduled time catches up that day; a restart does not post twice', async () => {
    const s = await schedule('0 9 * * 1-5', 'Europe/Paris');
    const clock = new TestClock('2026-03-31T13:00:00Z'); // Tuesday 15:00 CEST: started late
    expect(await createTick(() => context(clock, 'host-a:1'))()).toContain(s.channelId);

    clock.advance(5 * MINUTE); // the process restarts: a new tick with an empty memory
    const restarted = createTick(() => context(clock, 'host-a:2'));
    expect(await restarted()).not.toContain(s.channelId);
    clock.advance(MINUTE);
    expect(await restarted()).not.toContain(s.channelId);
    expect(questionPosts(standIn, s.channelId)).toHaveLength(1);

    clock.set('2026-04-01T07:00:00Z'); // the next day the restarted process posts
    expect(await restarted()).toContain(s.channelId);
    expect(questionPosts(standIn, s.channelId)).toHaveLength(2);
  });

  it('spring forward: a 02:30 schedule on 2026-03-29 (no 02:30 in Paris) posts at the first tick after the gap, once', async () => {
    const s = await schedule('30 2 * * *', 'Europe/Paris');
    const clock = new TestClock('2026-03-29T00:20:00Z'); // 01:20 CET
    const tick = createTick(() => context(clock));
    const postedAt: string[] = [];
    while (clock.now() < new Date('2026-03-29T01:30:00Z')) {
      if ((await tick()).includes(s.channelId)) postedAt.push(clock.now().toISOString());
      clock.advance(MINUTE);
    }
    // 00:59Z is 01:59 CET; 01:00Z is 03:00 CEST, the first local minute after 02:30.
    expect(postedAt).toEqual(['2026-03-29T01:00:00.000Z']);
    const posts = questionPosts(standIn, s.channelId);
    expect(posts).toHaveLength(1);
  });

  it('fall back: a 02:30 schedule on 2026-10-25 (02:30 happens twice in Paris) posts once, at the first', async () => {
    const s = await schedule('30 2 * * *', 'Europe/Paris');
    const clock = new TestClock('2026-10-25T00:00:00Z'); // 02:00 CEST
    // Two processes tick every minute, and a third starts fresh at the second 02:30.
    const a = createTick(() => context(clock, 'host-a:1'));
    const b = createTick(() => context(clock, 'host-b:1'));
    const postedAt: string[] = [];
    while (clock.now() < new Date('2026-10-25T02:00:00Z')) {
      if (clock.now().toISOString() === '2026-10-25T01:30:00.000Z') {
        expect(await createTick(() => context(clock, 'host-c:1'))()).not.toContain(s.channelId);
      }
      const [fromA, fromB] = await Promise.all([a(), b()]);
      if (fromA.includes(s.channelId) || fromB.includes(s.channelId))
        postedAt.push(clock.now().toISOString());
      clock.advance(MINUTE);
    }
    expect(postedAt).toEqual(['2026-10-25T00:30:00.000Z']); // 02:30 CEST, not 02:30 CET (01:30Z)
    expect(questionPosts(standIn, s.channelId)).toHaveLength(1);
  });

  it("one channel's unreadable schedule does not stop the other channels' quizzes", async () => {
    // The repository stores what it is given; a row written by an older version or by hand may be bad.
    // listEnabled orders by team then channel: the broken row comes first.
    const team = uniqueId('T');
    const broken = await schedule('0 9 * * *', 'Mars/Olympus_Mons', { team, channel: `CA${uniqueId('')}` });
    const good = await schedule('0 9 * * *', 'UTC', { team, channel: `CB${uniqueId('')}` });
    const clock = new TestClock('2026-05-04T09:00:00Z');
    const rec = recordingLog();
    const posted = await createTick(() => context(clock, 'test:1', rec.log))();
    expect(posted).toContain(good.channelId);
    expect(posted).not.toContain(broken.channelId);
    expect(questionPosts(standIn, good.channelId)).toHaveLength(1);
    expect(JSON.stringify(rec.lines)).toContain(broken.channelId);
  });
});
