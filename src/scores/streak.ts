/**
 * Streaks (pure): how many quiz days in a row, up to now, the person answered the daily question
 * correctly. Days are the person's own local dates (Slack profile time zone), not UTC, and only
 * days on which a quiz was posted count, so a weekday-only schedule's weekends never break a
 * streak. Today's quiz (the latest quiz day, even past the person's local midnight), while still
 * open and unanswered, neither counts nor breaks it.
 */

import { localTime } from '../quiz/daily-schedule.ts';
import type { QuizDay } from './ports.ts';

/** Current streak in quiz days (0 when the latest closed quiz day was missed or wrong). */
export function currentStreak(days: readonly QuizDay[], timeZone: string, now: Date): number {
  const byDate = new Map<string, { correct: boolean; open: boolean }>();
  for (const d of days) {
    const date = localTime(d.postedAt, timeZone).date;
    const day = byDate.get(date) ?? { correct: false, open: false };
    if (d.correct) day.correct = true;
    if (d.correct === null && !d.revealed) day.open = true;
    byDate.set(date, day);
  }
  const today = localTime(now, timeZone).date;
  const dates = [...byDate.keys()].sort().reverse();
  let streak = 0;
  let newest = true;
  for (const date of dates) {
    const day = byDate.get(date);
    if (!day) continue;
    // The latest quiz can still be answered after the person's local midnight (it closes at the
    // reveal, hours after posting), so an open newest day is skipped even when it is not `today`.
    const pending = day.open && (date === today || newest);
    newest = false;
    if (day.correct) streak += 1;
    else if (pending) continue;
    else break;
  }
  return streak;
}
