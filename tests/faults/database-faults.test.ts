/**
 * Fault injection, database side (issue 9, item 1), on real Postgres (DATABASE_URL) behind a TCP
 * proxy that goes silent, refuses, and heals. The bot as it runs: the real Bolt HTTP receiver
 * (signed clicks), the Storage gate over a PgDatabase with short deadlines, and the node-cron
 * scheduler ticking every second (the production tick, at a test clock).
 * With the database silent across ticks: later ticks still run, every click gets an answer
 * promptly (recorded, or "not recorded: try again"), a channel due after recovery is posted
 * once, and the pool recovers (every click after recovery is recorded).
 */

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { startQuizScheduler } from '../../src/daily-quiz/quiz-scheduler.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { Storage } from '../../src/storage/storage.ts';
import { SCORES_UNAVAILABLE } from '../../src/user-messages.ts';
import { withDatabase } from '../helpers/databases.ts';
import { quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import { buttonClickForm, postSigned } from '../helpers/signed-request.ts';
import { type SlackStandIn, slackAppOptions, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { type FaultProxy, startFaultProxy } from '../helpers/tcp-fault-proxy.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const url = process.env.DATABASE_URL;
const SECRET = 'database-faults-secret';
/** Deadlines of the bot's database in this test (the defaults are 2 s, 5 s + 1 s). */
const DB = { connectionTimeoutMillis: 300, queryTimeoutMs: 300, readGraceMs: 200, sessionTimeoutMs: 2000 };
/** A click must be answered within this (Slack allows 30 min on response_url; we want seconds). */
const CLICK_ANSWER_MS = 3000;
const quiet = { warn: () => undefined, error: () => undefined };

/** Polls `check` every 50 ms until it is true; fails after `timeoutMs`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(url)('the bot with its Postgres silent, refused, healed', () => {
  const name = `saa_test_${randomBytes(6).toString('hex')}`;
  // Lazily: a skipped describe still runs its body (without DATABASE_URL there is no URL).
  const own = () => withDatabase(url ?? 'postgres://unused', name);
  const admin = () => PgDatabase.connect(withDatabase(url ?? 'postgres://unused', 'postgres'), { max: 1 });
  const clock = new TestClock('2026-06-01T09:00:00Z');
  const rec = recordingLog();
  const bank = makeBank(3);
  let direct: PgDatabase;
  let proxy: FaultProxy;
  let storage: Storage;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let events: string;
  let ctx: QuizContext;
  let scheduler: { stop(): unknown };
  let n = 0;

  beforeAll(async () => {
    const a = admin();
    await a.query(`CREATE DATABASE ${name}`);
    await a.close();
    direct = PgDatabase.connect(own(), { logger: quiet });
    await migrate(direct);
    const target = new URL(own());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    storage = new Storage(async () => PgDatabase.connect(proxy.via(own()), { ...DB, logger: quiet }), quiet);
    standIn = await startSlackStandIn();
    ctx = quizContext(storage.db, {
      bank,
      clock,
      messenger: standInMessenger(standIn, 300),
      ready: () => storage.ready(),
      log: rec.log,
      storeRetryDelaysMs: [100, 200],
    });
    slack = createSlackApp(slackAppOptions(standIn, SECRET), {
      answerer: new ExtractiveAnswerer(() => null as never),
      quiz: () => ctx,
    });
    events = `http://127.0.0.1:${await slack.start()}/slack/events`;
    for (const [channel, cron] of [
      ['C-early', '0 9 * * *'],
      ['C-late', '5 9 * * *'],
    ] as const) {
      await ctx.schedules.upsert({
        teamId: 'T1',
        channelId: channel,
        cron,
        timeZone: 'UTC',
        enabled: true,
        updatedAt: clock.now(),
      });
    }
    scheduler = startQuizScheduler(() => ctx, { expression: '* * * * * *' });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await slack?.stop();
    await standIn?.close();
    await storage?.close();
    await proxy?.close();
    await direct?.close();
    const a = admin();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.close();
  });

  /** Clicks option B of `quizId` as `user`; resolves with the reply text and how long it took. */
  async function click(quizId: number, user: string) {
    const id = `click-${++n}`;
    const started = Date.now();
    const res = await postSigned(
      events,
      buttonClickForm({
        actionId: 'quiz_answer:B',
        value: JSON.stringify({ q: quizId, c: 'B' }),
        responseUrl: standIn.responseUrl(id),
        user,
        team: 'T1',
        channel: 'C-early',
      }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const { body } = await standIn.waitFor((c) => c.method === `response_url:${id}`, CLICK_ANSWER_MS + 2000);
    return { text: String(body.text), ms: Date.now() - started };
  }

  /** The early channel's quiz, found as a takeover finds it: by the id in its message's metadata. */
  async function earlyQuiz() {
    const message = standIn.messages('C-early')[0];
    const metadata = message?.metadata as { event_payload?: { quiz_id?: unknown } } | undefined;
    const quiz = await ctx.posts.get(Number(metadata?.event_payload?.quiz_id));
    if (quiz?.channelId !== 'C-early' || quiz.messageTs !== message?.ts)
      throw new Error('the early quiz is not stored');
    return quiz;
  }

  const skippedTicks = () => rec.lines.filter((l) => l.args[0] === 'quiz tick skipped').length;

  it('silent across ticks: ticks go on, clicks are answered, the late channel is posted once after recovery', async () => {
    await eventually('the early channel posted', () => standIn.messages('C-early').length === 1);
    // Slack has the message before the poster stores its ts: wait for that too.
    await eventually('the early quiz stored', async () => {
      try {
        await earlyQuiz();
        return true;
      } catch {
        return false;
      }
    });
    const quiz = await earlyQuiz();

    await proxy.set('silent');
    const skippedBefore = skippedTicks();
    const users = Array.from({ length: 12 }, (_, i) => `U-silent-${i}`);
    const during = await Promise.all(users.map((u) => click(quiz.id, u)));
    for (const reply of during) {
      expect([SCORES_UNAVAILABLE, '✅']).toContain(reply.text.startsWith('✅') ? '✅' : reply.text);
      expect(reply.ms).toBeLessThan(CLICK_ANSWER_MS);
    }
    // The scheduler keeps ticking through the outage (each tick gives up and logs).
    await eventually('two more ticks during the outage', () => skippedTicks() >= skippedBefore + 2);

    await proxy.set('pass');
    clock.set('2026-06-01T09:05:00Z'); // the late channel is due only now, after recovery
    await eventually('the late channel posted', () => standIn.messages('C-late').length === 1);
    const ticksAfter = skippedTicks();
    await new Promise((r) => setTimeout(r, 2200)); // two more ticks
    expect(standIn.messages('C-late')).toHaveLength(1);
    expect(standIn.messages('C-early')).toHaveLength(1);
    expect(skippedTicks()).toBe(ticksAfter);

    // The pool recovered: every click is recorded now (or was already).
    const after = await Promise.all(users.map((u) => click(quiz.id, u)));
    for (const reply of after) expect(reply.text).toMatch(/^(✅|You already answered B)/);
    const { rows } = await direct.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM quiz_answers WHERE quiz_id = $1',
      [quiz.id],
    );
    expect(rows[0]?.n).toBe(users.length);
  });

  it('refused, then healed: clicks are told to try again at once, then recorded', async () => {
    const quiz = await earlyQuiz();
    await proxy.set('refuse');
    const refused = await click(quiz.id, 'U-refused');
    expect(refused.text).toBe(SCORES_UNAVAILABLE);
    expect(refused.ms).toBeLessThan(CLICK_ANSWER_MS);
    await proxy.set('pass');
    expect((await click(quiz.id, 'U-refused')).text).toMatch(/^✅/);
  });
});
