/**
 * No double daily post, and no reported failure, when the database goes away while the posted
 * question's ts is stored (issue 9, item 2), on Postgres behind a TCP proxy (DATABASE_URL):
 * a short outage is bridged by retrying the store (`saa quiz post` exits 0; before, it exited 1
 * saying the database was unavailable although the question was posted); a long one leaves the
 * post reported but unrecorded, and two pollers ticking past the stale window find the message
 * instead of posting it again.
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuizPost } from '../../src/cli/quiz-commands.ts';
import { loadConfig } from '../../src/config.ts';
import { createTick } from '../../src/daily-quiz/quiz-scheduler.ts';
import type { Question } from '../../src/quiz/question.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { withDatabase } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { enable, state, twoPollers } from '../helpers/pollers.ts';
import { loadRealBank, quizContext, recordingLog, standInMessenger } from '../helpers/quiz-harness.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { type FaultProxy, startFaultProxy } from '../helpers/tcp-fault-proxy.ts';
import { TestClock } from '../helpers/test-clock.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const url = process.env.DATABASE_URL;
const quiet = { warn: () => undefined, error: () => undefined };

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
