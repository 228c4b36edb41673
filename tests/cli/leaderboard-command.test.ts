/**
 * `saa leaderboard` (runLeaderboard) on each engine the CLI can open: PGlite under DATA_DIR (a
 * temp dir) and Postgres through DATABASE_URL (a fresh database, when DATABASE_URL is set). The
 * data is seeded through the real repositories on the same database, which is then closed: PGlite
 * admits one holder at a time, and the CLI opens it itself.
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLeaderboard } from '../../src/cli/quiz-commands.ts';
import { loadConfig } from '../../src/config.ts';
import { periodRange } from '../../src/quiz/periods.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { embeddedDataDir } from '../../src/storage/open-database.ts';
import { PgDatabase } from '../../src/storage/pg-database.ts';
import { PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { withDatabase } from '../helpers/databases.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { MINUTE, ScoreSeeder } from '../scores/score-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Collects what the command writes. */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** One engine as the CLI sees it: the env to run with, and a way to open the same database. */
interface CliEngine {
  name: string;
  setup(dataDir: string): Promise<{ env: Record<string, string>; open: () => Promise<Database> }>;
  teardown(): Promise<void>;
}

function engines(): CliEngine[] {
  const list: CliEngine[] = [
    {
      name: 'pglite',
      setup: async (dataDir) => {
        await seedEmbeddedDataDir(dataDir);
        return { env: {}, open: () => PgliteDatabase.open({ dataDir: embeddedDataDir(dataDir) }) };
      },
      teardown: async () => undefined,
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `saa_test_${randomBytes(6).toString('hex')}`;
    const admin = () => PgDatabase.connect(withDatabase(url, 'postgres'), { max: 1 });
    list.push({
      name: 'postgres',
      setup: async () => {
        const db = admin();
        try {
          await db.query(`CREATE DATABASE ${name}`);
        } finally {
          await db.close();
        }
        const own = withDatabase(url, name);
        return { env: { DATABASE_URL: own }, open: async () => PgDatabase.connect(own) };
      },
      teardown: async () => {
        const db = admin();
        try {
          await db
            .query(`DROP DATABASE IF EXISTS ${name}`)
            .catch(() => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        } finally {
          await db.close();
        }
      },
    });
  }
  return list;
}

const PEOPLE = Array.from({ length: 12 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`);

describe.each(engines())('saa leaderboard on $name', (engine) => {
  let dataDir: string;
  let env: Record<string, string>;
  let standIn: SlackStandIn;
  let weekly: string;

  async function run(args: string[], extraEnv: Record<string, string> = {}) {
    const config = loadConfig({
      DATA_DIR: dataDir,
      NOTES_DIR: join(ROOT, 'tests/fixtures/notes/markdown'),
      QUESTIONS_DIR: join(ROOT, 'knowledge/questions'),
      QUIZ_TIMEZONE: 'UTC',
      ...env,
      ...extraEnv,
    });
    const out = new Sink();
    const err = new Sink();
    const code = await runLeaderboard(args, config, { out, err });
    return { code, out: out.text, err: err.text };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saa-cli-leaderboard-'));
    standIn = await startSlackStandIn();
    const target = await engine.setup(dataDir);
    env = target.env;
    const db = await target.open();
    try {
      await migrate(db);
      const seed = new ScoreSeeder(db);
      // T1, channel C1: three closed quizzes (3–5 Mar 2025). UTOP answers all three right
      // (30 points, streak 3); U01…U12 answer the first right, i minutes after the post (10
      // points each, ties broken by delay), then miss two (streak 0); ULOW clicks wrong once.
      const quizIds: number[] = [];
      for (const day of ['03', '04', '05'])
        quizIds.push(
          await seed.quiz({ teamId: 'T1', channelId: 'C1', postedAt: `2025-03-${day}T09:00:00Z` }),
        );
      for (const [d, quizId] of quizIds.entries())
        await seed.daily({
          quizId,
          teamId: 'T1',
          userId: 'UTOP',
          correct: true,
          at: `2025-03-0${3 + d}T09:30:00Z`,
        });
      for (const [i, userId] of PEOPLE.entries())
        await seed.daily({
          quizId: quizIds[0] ?? 0,
          teamId: 'T1',
          userId,
          correct: true,
          at: new Date(Date.parse('2025-03-03T09:00:00Z') + (i + 1) * MINUTE),
        });
      await seed.daily({
        quizId: quizIds[2] ?? 0,
        teamId: 'T1',
        userId: 'ULOW',
        correct: false,
        at: '2025-03-05T09:10:00Z',
      });
      // This week (real clock: the CLI has no other), channel CW…: UWEEK only.
      const now = new Date();
      const since = periodRange('week', now, 'UTC').since ?? now;
      const postedAt = new Date(since.getTime() + (now.getTime() - since.getTime()) / 2);
      weekly = `CW${randomBytes(3).toString('hex')}`;
      const quizId = await seed.quiz({ teamId: 'T1', channelId: weekly, postedAt });
      await seed.daily({
        quizId,
        teamId: 'T1',
        userId: 'UWEEK',
        correct: true,
        // Under a minute after the post: ahead of U01…U12 on the tie at 10 points.
        at: new Date(postedAt.getTime() + Math.min(30_000, (now.getTime() - postedAt.getTime()) / 2)),
      });
      // Another workspace in the same database.
      const other = await seed.quiz({ teamId: 'T2', channelId: 'C1', postedAt: '2025-03-03T09:00:00Z' });
      await seed.daily({
        quizId: other,
        teamId: 'T2',
        userId: 'UOTHER',
        correct: true,
        at: '2025-03-03T09:01:00Z',
      });
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    await standIn?.close();
    await engine.teardown();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('--json prints one array with everyone who answered, highest points first', async () => {
    const { code, out, err } = await run(['--period', 'all', '--team', 'T1', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.user_id)).toEqual(['UTOP', 'UWEEK', ...PEOPLE, 'ULOW']);
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual([
        'answered',
        'correct',
        'display_name',
        'points',
        'rank',
        'streak',
        'user_id',
      ]);
    expect(rows[0]).toEqual({
      user_id: 'UTOP',
      points: 30,
      answered: 3,
      correct: 3,
      rank: 1,
      streak: 3,
      display_name: 'UTOP',
    });
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[2]).toMatchObject({ user_id: 'U01', points: 10, streak: 0 });
    expect(rows.at(-1)).toMatchObject({ user_id: 'ULOW', points: 0, answered: 1, correct: 0 });
    const points = rows.map((r) => Number(r.points));
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('prints a table with rank and streak columns', async () => {
    const { code, out } = await run(['--period', 'all', '--team', 'T1']);
    expect(code).toBe(0);
    const [header, ...lines] = out.trimEnd().split('\n');
    expect(header?.trim().split(/\s+/)).toEqual(['rank', 'name', 'points', 'correct', 'answered', 'streak']);
    expect(lines).toHaveLength(15);
    expect(lines[0]?.trim().split(/\s+/)).toEqual(['1', 'UTOP', '30', '3', '3', '3']);
    expect(lines[14]?.trim().split(/\s+/)).toEqual(['15', 'ULOW', '0', '0', '1', '0']);
  });

  it('filters by period (this week, UTC) and by channel', async () => {
    const week = JSON.parse((await run(['--team', 'T1', '--json'])).out) as Array<{ user_id: string }>;
    expect(week.map((r) => r.user_id)).toEqual(['UWEEK']);
    const channel = await run(['--period', 'all', '--team', 'T1', '--channel', weekly, '--json']);
    expect((JSON.parse(channel.out) as Array<{ user_id: string }>).map((r) => r.user_id)).toEqual(['UWEEK']);
    const other = await run(['--period', 'all', '--team', 'T2', '--json']);
    expect((JSON.parse(other.out) as Array<{ user_id: string }>).map((r) => r.user_id)).toEqual(['UOTHER']);
  });

  it('says "nobody" for an empty period in the table', async () => {
    const { code, out } = await run(['--period', 'all', '--team', 'T-none']);
    expect(code).toBe(0);
    expect(out).toContain('(nobody answered a daily quiz in this period)');
  });

  it('exits 2 with a message for --period year', async () => {
    const { code, out, err } = await run(['--period', 'year']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/--period must be week, month or all \(got "year"\)/);
  });

  it('exits 2 and asks for --team when the database holds several workspaces', async () => {
    const { code, err } = await run(['--period', 'all']);
    expect(code).toBe(2);
    expect(err).toMatch(/Several workspaces in this database \(T1, T2\): pass --team ID/);
  });

  // Last: the profiles it fetches are cached in the database, and the runs above show ids.
  it('takes the workspace and display names from Slack when it has a token', async () => {
    standIn.reply('users.info', (b) => ({
      ok: true,
      user: {
        id: b.user,
        name: 'x',
        real_name: 'X',
        tz: 'UTC',
        profile: { display_name: `Name of ${b.user}` },
      },
    }));
    const { code, out } = await run(['--period', 'all', '--json'], {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: standIn.apiUrl,
    });
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{ user_id: string; display_name: string }>;
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ user_id: 'UTOP', display_name: 'Name of UTOP' });
    expect(standIn.calls.some((c) => c.method === 'auth.test')).toBe(true);
  });
});
