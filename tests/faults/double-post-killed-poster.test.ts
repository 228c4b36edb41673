/**
 * No double daily post when the poster is killed after Slack accepted the post (issue 9, item 2):
 * the real `saa quiz post` CLI in a child process, without SLACK_SIGNING_SECRET (item 12), gets
 * SIGKILL while Slack's answer is on its way; then two pollers tick past the stale window. The
 * takeover finds the message in the channel and stores its ts instead of posting. On Postgres
 * with DATABASE_URL, else on PGlite in a data directory (the child's lock is left behind by the
 * kill and taken over).
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import { localTime } from '../../src/quiz/daily-schedule.ts';
import type { Question } from '../../src/quiz/question.ts';
import type { Database } from '../../src/storage/db.ts';
import { embeddedDataDir } from '../../src/storage/open-database.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { STALE_CLAIM_MS } from '../../src/timeouts.ts';
import { withDatabase } from '../helpers/databases.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';
import { enable, state, twoPollers } from '../helpers/pollers.ts';
import { loadRealBank, quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { TestClock } from '../helpers/test-clock.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const url = process.env.DATABASE_URL;
const MINUTE = 60_000;
const quiet = { warn: () => undefined, error: () => undefined };

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
    if (!url) await seedEmbeddedDataDir(dataDir);
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
