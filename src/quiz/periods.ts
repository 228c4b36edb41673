/**
 * Leaderboard periods in a time zone (pure): "week" starts Monday 00:00 local time (ISO 8601),
 * "month" on the 1st at 00:00 local time, "all" has no start. Boundaries are computed with
 * @date-fns/tz, so a DST change inside the period does not shift them.
 */

import { TZDate } from '@date-fns/tz';
import { startOfMonth, startOfWeek } from 'date-fns';

/** A leaderboard period (its bounds in the channel's quiz time zone); the one `Period` type, `/saa leaderboard` and `saa` use it too. */
export type Period = 'week' | 'month' | 'all';

/** `[since, until)` of the period containing `now`; `since` is undefined for "all". */
export function periodRange(period: Period, now: Date, timeZone: string): { since?: Date; until: Date } {
  if (period === 'all') return { until: now };
  const local = new TZDate(now, timeZone);
  const start = period === 'week' ? startOfWeek(local, { weekStartsOn: 1 }) : startOfMonth(local);
  return { since: new Date(start.getTime()), until: now };
}
