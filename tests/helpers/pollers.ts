/**
 * Helpers for the double-post fault tests (tests/faults/double-post-*.test.ts): what the channel
 * and the database hold for a quiz, a schedule due all day, and two pollers ticking together.
 */

import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import type { Database } from '../../src/storage/db.ts';
import type { SlackStandIn } from './slack-stand-in.ts';
import type { TestClock } from './test-clock.ts';

const MINUTE = 60_000;

/** Top-level questions in `channel` as Slack has them, and the row's stored ts. */
export async function state(db: Database, standIn: SlackStandIn, team: string, channel: string) {
  const { rows } = await db.query<{ message_ts: string | null }>(
    'SELECT message_ts FROM quiz_posts WHERE team_id = $1 AND channel_id = $2',
    [team, channel],
  );
  return { messages: standIn.messages(channel).map((m) => m.ts), stored: rows.map((r) => r.message_ts) };
}

/** Enables a daily schedule that is due all day (00:00) in `timeZone`. */
export async function enable(ctx: QuizContext, team: string, channel: string, timeZone = 'UTC') {
  await ctx.schedules.upsert({
    teamId: team,
    channelId: channel,
    cron: '0 0 * * *',
    timeZone,
    enabled: true,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

/** Two pollers tick together once a minute for `minutes` minutes from `clock`. */
export async function twoPollers(
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
