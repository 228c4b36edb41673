/**
 * The leaderboard use case: standings for a period (week starts Monday, month on the 1st, in the
 * channel's quiz time zone), the top N with display names and streaks, and the asker's own row
 * even when outside the top N. Ties on points go to the earlier mean answer time.
 */

import { type Period, periodRange } from '../quiz/periods.ts';
import type { Standing } from './ports.ts';
import { channelTimeZone, type ScoreContext } from './score-context.ts';
import { currentStreak } from './streak.ts';

/** One row as shown. */
export interface LeaderboardRow extends Standing {
  displayName: string;
  /** Current streak in quiz days (see streak.ts). */
  streak: number;
}

/** A rendered-ready leaderboard. */
export interface Leaderboard {
  period: Period;
  timeZone: string;
  since?: Date;
  rows: LeaderboardRow[];
  /** The asker's row when they are not in `rows` (null when they have not answered in the period). */
  asker: LeaderboardRow | null;
  /** How many people answered in the period. */
  total: number;
}

/** Default number of rows. */
export const TOP_N = 10;

/**
 * Builds the leaderboard of `teamId` (optionally one channel's quizzes only).
 * @throws DatabaseUnavailableError when the database is down.
 */
export async function leaderboard(
  ctx: ScoreContext,
  args: {
    teamId: string;
    period: Period;
    channelId?: string;
    onlyChannel?: boolean;
    askerId?: string;
    limit?: number;
  },
): Promise<Leaderboard> {
  await ctx.ready();
  const timeZone = await channelTimeZone(ctx, args.teamId, args.channelId);
  const now = ctx.clock();
  const range = periodRange(args.period, now, timeZone);
  const limit = args.limit ?? TOP_N;
  const standings = await ctx.scores.standings({
    teamId: args.teamId,
    channelId: args.onlyChannel ? args.channelId : undefined,
    since: range.since,
    limit,
    userId: args.askerId,
  });
  const top = standings.filter((s) => s.rank <= limit);
  const askerStanding = standings.find((s) => s.userId === args.askerId && s.rank > limit);
  const shown = askerStanding ? [...top, askerStanding] : top;
  const profiles = await ctx.profiles.get(
    args.teamId,
    shown.map((s) => s.userId),
  );
  const rows = await Promise.all(
    shown.map(async (s): Promise<LeaderboardRow> => {
      const profile = profiles.get(s.userId) ?? { displayName: s.userId, timeZone };
      const streak = currentStreak(await ctx.scores.quizDays(args.teamId, s.userId), profile.timeZone, now);
      return { ...s, displayName: profile.displayName, streak };
    }),
  );
  return {
    period: args.period,
    timeZone,
    since: range.since,
    rows: askerStanding ? rows.slice(0, -1) : rows,
    asker: askerStanding ? (rows[rows.length - 1] ?? null) : null,
    total: standings[0]?.total ?? 0,
  };
}
