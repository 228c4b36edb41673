/**
 * Who gets a review reminder at a given instant (pure; issue 12, item 3). A person is due once
 * their local date (in their Slack time zone) is later than the date of their last reminder and
 * their local time of day has reached the reminder time. Deciding by local date and time of day,
 * not by exact instants, is what keeps DST from skipping or doubling a day, as for the daily quiz
 * (quiz/daily-schedule.ts): 02:30 on a spring-forward day does not exist, so the reminder goes
 * at the first sweep after the gap; 01:30 on a fall-back day happens twice, and the second finds
 * the local date already claimed. A bot that was down at the reminder time catches up later
 * that local day. Whether cards are due is checked afterwards (reminder-sweep.ts).
 */

import { localTime } from '../quiz/daily-schedule.ts';
import type { ReminderSetting } from './reminder-ports.ts';

/** `due` with the local date the reminder is for, or not due. */
export type ReminderTiming = { due: true; localDate: string } | { due: false };

/**
 * Whether `setting` calls for a reminder at `now`.
 * @throws RangeError for an unknown time zone (the sweep logs and skips that person).
 */
export function reminderDue(setting: ReminderSetting, now: Date): ReminderTiming {
  if (!setting.enabled) return { due: false };
  const t = localTime(now, setting.timeZone);
  if (t.minuteOfDay < setting.minuteOfDay) return { due: false };
  if (setting.lastLocalDate !== null && setting.lastLocalDate >= t.date) return { due: false };
  return { due: true, localDate: t.date };
}

/** "HH:MM" → minutes after midnight; null when not a 24-hour time. */
export function minuteOfDay(time: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes after midnight → "HH:MM". */
export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
