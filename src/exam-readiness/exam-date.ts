/**
 * Exam dates (pure): reading `YYYY-MM-DD`, the person's local today, days left, and which dates
 * `/saa exam` accepts. A date is a calendar date in the person's own time zone (Slack `tz`):
 * "days left" is the number of local midnights between today and the exam day (0 on the day).
 * Limits: a date in the past is refused; so is one more than {@link MAX_DAYS_AHEAD} days ahead
 * (a typo like 2062 for 2026, and the exam guide changes well before then).
 */

import { TZDate } from '@date-fns/tz';

/** The farthest exam date accepted, in days from today (two years). */
export const MAX_DAYS_AHEAD = 730;

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `text` if it is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not), else null. */
export function parseExamDate(text: string): string | null {
  const m = SHAPE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  return m[0];
}

/** The local calendar date (`YYYY-MM-DD`) of instant `now` in IANA zone `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  const t = new TZDate(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Whole days from calendar date `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Why `/saa exam DATE` refuses a date, or `ok`. `today` is the person's local date. */
export function checkExamDate(examDate: string, today: string): 'ok' | 'past' | 'too-far' {
  const days = daysBetween(today, examDate);
  if (days < 0) return 'past';
  if (days > MAX_DAYS_AHEAD) return 'too-far';
  return 'ok';
}
