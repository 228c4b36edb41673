/**
 * No double daily post when Slack accepted a post whose ts was not stored (issue 9, item 2), in
 * the three ways the red team found, each with two pollers ticking afterwards:
 * 1. the poster is killed (SIGKILL) after Slack accepted the post: the real `saa quiz post` CLI in
 *    a child process, without SLACK_SIGNING_SECRET (item 12), killed while Slack's answer is on
 *    its way;
 * 2. the database goes away while the ts is being stored (Postgres behind a TCP proxy): the
 *    poster reports the post and never fails; a short outage is bridged by retrying the store
 *    (the CLI then exits 0), a long one is repaired by the takeover;
 * 3. Slack answers 503, having posted or not: the question is never retried blindly.
 * In each case the takeover first looks for the earlier message (its metadata names the quiz).
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuizPost } from '../../src/cli/quiz-commands.ts';
import { loadConfig } from '../../src/config.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import { localTime } from '../../src/quiz/daily-schedule.ts';
import type { Question } from '../../src/quiz/question.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { embeddedDataDir } from '../../src/storage/open-database.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { STALE_CLAIM_MS } from '../../src/timeouts.ts';
import { testDatabases, withDatabase } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import {
  loadRealBank,
  quizContext,
  recordingLog,
  standInMessenger,
  TestClock,
} from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { type FaultProxy, startFaultProxy } from '../helpers/tcp-fault-proxy.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const url = process.env.DATABASE_URL;
const MINUTE = 60_000;
const quiet = { warn: () => undefined, error: () => undefined };

/** Top-level questions in `channel` as Slack has them, and the row's stored ts. */
async function state(db: Database, standIn: SlackStandIn, team: string, channel: string) {
  const { rows } = await db.query<{ message_ts: string | null }>(
    'SELECT message_ts FROM quiz_posts WHERE team_id = $1 AND channel_id = $2',
    [team, channel],
  );
  return { messages: standIn.messages(channel).map((m) => m.ts), stored: rows.map((r) => r.message_ts) };
}

/** Enables a daily schedule that is due all day (00:00) in `timeZone`. */
async function enable(ctx: QuizContext, team: string, channel: string, timeZone = 'UTC') {
  await ctx.schedules.upsert({
    teamId: team,
    channelId: channel,
    cron: '0 0 * * *',
    timezone: timeZone,
    enabled: true,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

/** Two pollers tick together once a minute for `minutes` minutes from `clock`. */
async function twoPollers(
  a: () => Promise<string[]>,
  b: () => Promise<string[]>,
  clock: TestClock,
  minutes: number,
) {
  const posted: string[] = [];
  for (let m = 0; m < minutes; m++) {
    posted.push(...(await Promise.all([a(), b()])).flat());
    clock.advance(MINUTE);
  }
  return posted;
}

describe.each(testDatabases())('Slack answers 503 to the daily post, two pollers ($name)', (target) => {
  let db: Database;
  let standIn: SlackStandIn;
  const bank = makeBank(4);

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await standIn?.close();
    await target.close();
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

/** A time zone where it is mid-day now (so the CLI's real clock and the pollers' stay on one local date). */
function midDayZone(now: Date): string {
  for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'Pacific/Honolulu']) {
    const hour = Math.floor(localTime(now, zone).minuteOfDay / 60);
    if (hour >= 1 && hour <= 21) return zone;
  }
  return 'UTC';
}

describe('the poster is killed after Slack accepted the post, two pollers take over', () => {
  const engine = url ? 'postgres' : 'pglite';
  const name = `saa_test_${randomBytes(6).toString('hex')}`;
  let dataDir: string;
  let standIn: SlackStandIn;
  let bank: Question[];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saa-killed-'));
    standIn = await startSlackStandIn();
    bank = await loadRealBank();
    if (url) {
      const admin = PgDatabase.connect(withDatabase(url, 'postgres'), { max: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
    }
  });
  afterAll(async () => {
    await standIn?.close();
    if (url) {
      const admin = PgDatabase.connect(withDatabase(url, 'postgres'), { max: 1 });
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(`saa quiz post killed with SIGKILL mid-post (${engine}): no second post`, async () => {
    const team = 'T-killed';
    const channel = 'C-killed';
    const zone = midDayZone(new Date());
    const remove = standIn.fault('chat.postMessage', (b) =>
      b.channel === channel ? { kind: 'hang', accept: true } : null,
    );
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: standIn.apiUrl,
      DATA_DIR: dataDir,
      QUIZ_TIMEZONE: zone,
      ...(url ? { DATABASE_URL: withDatabase(url, name) } : {}),
    };
    const child = spawn(
      process.execPath,
      ['bin/saa.mjs', 'quiz', 'post', '--channel', channel, '--team', team],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<NodeJS.Signals | number | null>((r) =>
      child.on('exit', (code, sig) => r(sig ?? code)),
    );
    try {
      await standIn.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, 20_000);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`the CLI did not reach chat.postMessage: ${String(err)}\n${output}`);
    } finally {
      remove();
    }
    expect(standIn.messages(channel)).toHaveLength(1);

    const db: Database = url
      ? PgDatabase.connect(withDatabase(url, name), { logger: quiet })
      : await PgliteDatabase.open({ dataDir: embeddedDataDir(dataDir) });
    try {
      const clock = new TestClock(new Date(Date.now() + STALE_CLAIM_MS + MINUTE));
      const rec = recordingLog();
      const ctx = (id: string) =>
        quizContext(db, {
          bank,
          clock,
          messenger: standInMessenger(standIn),
          instanceId: id,
          log: rec.log,
          defaults: { cron: '0 9 * * 1-5', timeZone: zone },
        });
      await enable(ctx('setup'), team, channel, zone);
      const a = createTick(() => ctx('poller-a:1'));
      const b = createTick(() => ctx('poller-b:1'));
      expect(await twoPollers(a, b, clock, 3)).toEqual([]);
      const after = await state(db, standIn, team, channel);
      expect(after.messages).toHaveLength(1);
      expect(after.stored).toEqual(after.messages);
      expect(JSON.stringify(rec.lines)).toContain('already in C-killed');
    } finally {
      await db.close();
    }
  }, 40_000);
});

/** Collects what a CLI command writes. */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe.runIf(url)('the database goes away while the ts is stored (Postgres behind a proxy)', () => {
  const name = `saa_test_${randomBytes(6).toString('hex')}`;
  // Lazily: a skipped describe still runs its body (without DATABASE_URL there is no URL).
  const own = () => withDatabase(url ?? 'postgres://unused', name);
  let direct: PgDatabase;
  let proxy: FaultProxy;
  let standIn: SlackStandIn;
  let dataDir: string;
  let bank: Question[];

  beforeAll(async () => {
    const admin = PgDatabase.connect(withDatabase(url ?? 'postgres://unused', 'postgres'), { max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    direct = PgDatabase.connect(own(), { logger: quiet });
    await migrate(direct);
    const target = new URL(own());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    standIn = await startSlackStandIn();
    dataDir = await mkdtemp(join(tmpdir(), 'saa-store-outage-'));
    bank = await loadRealBank();
  });
  afterAll(async () => {
    await standIn?.close();
    await proxy?.close();
    await direct?.close();
    const admin = PgDatabase.connect(withDatabase(url ?? 'postgres://unused', 'postgres'), { max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /**
   * Takes the database away (`silent`: a partition; `refuse`: down, connections reset) the moment
   * Slack accepts a post in `channel`, and back after `outageMs`.
   */
  function outageOnPost(channel: string, outageMs: number, mode: 'silent' | 'refuse') {
    let healed: Promise<void> = Promise.resolve();
    const remove = standIn.fault('chat.postMessage', (b) => {
      if (b.channel !== channel || b.thread_ts) return null;
      void proxy.set(mode); // its effect is synchronous: before Slack's answer leaves
      healed = new Promise((r) => setTimeout(r, outageMs)).then(() => proxy.set('pass'));
      return null;
    });
    return { remove, healed: () => healed };
  }

  it('an outage longer than the store retries: reported posted, then found by the takeover, not posted again', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const outage = outageOnPost(channel, 2500, 'silent');
    const db = PgDatabase.connect(proxy.via(own()), {
      connectionTimeoutMillis: 300,
      queryTimeoutMs: 300,
      readGraceMs: 200,
      logger: quiet,
    });
    try {
      const clock = new TestClock('2026-05-06T09:00:00Z');
      const rec = recordingLog();
      const ctx = (id: string) =>
        quizContext(db, {
          bank,
          clock,
          messenger: standInMessenger(standIn, 300),
          instanceId: id,
          log: rec.log,
          storeRetryDelaysMs: [100, 200],
        });
      await enable(ctx('setup'), team, channel);
      const a = createTick(() => ctx('poller-a:1'));
      const b = createTick(() => ctx('poller-b:1'));
      // Poller A posts; the database goes silent before the ts is stored. A does not fail.
      expect(await a()).toEqual([channel]);
      expect(JSON.stringify(rec.errors())).toContain('could not be stored');
      await outage.healed();
      expect(await state(direct, standIn, team, channel)).toMatchObject({ stored: [null] });
      await twoPollers(a, b, clock, 10);
      const after = await state(direct, standIn, team, channel);
      expect(after.messages).toHaveLength(1);
      expect(after.stored).toEqual(after.messages);
    } finally {
      outage.remove();
      await db.close();
    }
  });

  it('`saa quiz post` bridges a short outage: the ts is stored and it exits 0', async () => {
    const team = uniqueId('T');
    const channel = uniqueId('C');
    const outage = outageOnPost(channel, 1200, 'refuse');
    const out = new Sink();
    const err = new Sink();
    try {
      const config = loadConfig(
        {
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_API_URL: standIn.apiUrl,
          DATABASE_URL: proxy.via(own()),
          DATABASE_QUERY_TIMEOUT_MS: '300',
          DATA_DIR: dataDir,
          NOTES_DIR: join(ROOT, 'knowledge/notes'),
          QUESTIONS_DIR: join(ROOT, 'knowledge/questions'),
        },
        { purpose: 'cli' },
      );
      const code = await runQuizPost(['--channel', channel, '--team', team], config, { out, err });
      expect({ code, out: out.text }).toEqual({ code: 0, out: 'Posted today’s quiz.\n' });
      await outage.healed();
      const after = await state(direct, standIn, team, channel);
      expect(after.messages).toHaveLength(1);
      expect(after.stored).toEqual(after.messages);
    } finally {
      outage.remove();
    }
  });
});
