/**
 * `saa migrate`, `saa quiz post --channel ID [--team ID]` and
 * `saa leaderboard [--period week|month|all] [--channel ID] [--team ID] [--json]`.
 * `quiz post` goes through the same code path as the schedule (claim first), so it never makes a
 * second post for a channel's day. The embedded database can be opened by one process only: with
 * the bot running, these commands say so (stop the bot, or set DATABASE_URL).
 */

import { parseArgs } from 'node:util';
import { openServices, slackProfileFetcher, slackQuizContext } from '../bootstrap.ts';
import { type Config, oauthConfigured } from '../config.ts';
import { postDailyQuiz } from '../daily-quiz/post-daily-quiz.ts';
import type { Period } from '../quiz/periods.ts';
import { leaderboard } from '../scores/leaderboard.ts';
import { NoTeamTokenError, type TeamClients } from '../slack/team-clients.ts';
import { migrate } from '../storage/migrate.ts';
import { openDatabase } from '../storage/open-database.ts';
import { SqlScoreRepository } from '../storage/score-repository.ts';
import { teamClients, teamOf } from './slack-clients.ts';

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/** Usage lines. */
export const QUIZ_USAGE = [
  'saa migrate',
  'saa quiz post --channel ID [--team ID]',
  'saa leaderboard [--period week|month|all] [--channel ID] [--team ID] [--json]',
];

/** `saa migrate`: applies pending migrations. Exit code 0 or 1. */
export async function runMigrate(config: Config, io: Io): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await migrate(db);
    io.out.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  } finally {
    await db.close();
  }
}

/** `saa quiz post`: posts a channel's quiz for today now. */
export async function runQuizPost(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { channel: { type: 'string' }, team: { type: 'string' } } });
  if (!values.channel) {
    io.err.write(`--channel is required\nUsage: ${QUIZ_USAGE[1]}\n`);
    return 2;
  }
  if (!config.SLACK_BOT_TOKEN && !oauthConfigured(config)) {
    io.err.write('SLACK_BOT_TOKEN (or the OAuth install settings) is required to post to Slack.\n');
    return 1;
  }
  if (!config.SLACK_BOT_TOKEN && !values.team) {
    io.err.write(
      `--team is required with OAuth install (each workspace has its own token)\nUsage: ${QUIZ_USAGE[1]}\n`,
    );
    return 2;
  }
  const services = await openServices(config);
  try {
    const clients = teamClients(config, services.installations) as TeamClients;
    const teamId = (await teamOf(values.team, config, clients)) ?? '';
    try {
      // Before the claim: a workspace without a token must not leave today's claim behind.
      await clients.postClient(teamId);
    } catch (err) {
      if (!(err instanceof NoTeamTokenError)) throw err;
      io.err.write(`${err.message}: install the app there first (/slack/install); nothing posted.\n`);
      return 1;
    }
    const ctx = slackQuizContext(services, clients);
    const outcome = await postDailyQuiz(ctx, teamId, values.channel);
    // Once Slack accepted the post this is a success, stored or not (issue 9, item 2).
    const unstored = 'stored' in outcome && !outcome.stored;
    const messages = {
      posted: unstored
        ? 'Posted today’s quiz. The database did not store it (see the log); the bot will find the message instead of posting again.'
        : 'Posted today’s quiz.',
      recovered:
        'Today’s quiz was already in that channel (posted earlier, its record incomplete); nothing posted.',
      'already-posted': 'Today’s quiz is already in that channel; nothing posted.',
      'in-progress': 'Another process is posting today’s quiz right now; nothing posted.',
      'no-questions': 'The question bank is empty; nothing posted.',
    } as const;
    io.out.write(`${messages[outcome.status]}\n`);
    return outcome.status === 'no-questions' ? 1 : 0;
  } finally {
    await services.close();
  }
}

/** `saa leaderboard`: a table, or with --json one array `[{user_id, points, answered, correct, rank, streak, display_name}]`. */
export async function runLeaderboard(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string', default: 'week' },
      channel: { type: 'string' },
      team: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!['week', 'month', 'all'].includes(values.period ?? '')) {
    io.err.write(`--period must be week, month or all (got "${values.period}")\n`);
    return 2;
  }
  // The leaderboard reads scores, never the question bank: no coverage search to start.
  const services = await openServices(config, console, undefined, { notesCoverage: false });
  try {
    await services.storage.ready();
    const clients = teamClients(config, services.installations);
    let teamId = values.team;
    if (!teamId && clients) teamId = (await teamOf(undefined, config, clients)) ?? undefined;
    if (!teamId) {
      const teams = await new SqlScoreRepository(services.storage.db).teamIds();
      if (teams.length > 1) {
        io.err.write(`Several workspaces in this database (${teams.join(', ')}): pass --team ID.\n`);
        return 2;
      }
      teamId = teams[0] ?? '';
    }
    const board = await leaderboard(services.scoreContext(clients ? slackProfileFetcher(clients) : null), {
      teamId,
      period: values.period as Period,
      channelId: values.channel,
      onlyChannel: Boolean(values.channel),
      limit: Number.MAX_SAFE_INTEGER,
    });
    if (values.json) {
      const rows = board.rows.map((r) => ({
        user_id: r.userId,
        points: r.points,
        answered: r.answered,
        correct: r.correct,
        rank: r.rank,
        streak: r.streak,
        display_name: r.displayName,
      }));
      io.out.write(`${JSON.stringify(rows)}\n`);
      return 0;
    }
    const header = ['rank', 'name', 'points', 'correct', 'answered', 'streak'];
    const table = board.rows.map((r) => [
      String(r.rank),
      r.displayName,
      String(r.points),
      String(r.correct),
      String(r.answered),
      String(r.streak),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
    const fmt = (row: string[]) =>
      row.map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    io.out.write(`${[fmt(header), ...table.map(fmt)].join('\n')}\n`);
    if (table.length === 0) io.out.write('(nobody answered a daily quiz in this period)\n');
    return 0;
  } finally {
    await services.close();
  }
}
