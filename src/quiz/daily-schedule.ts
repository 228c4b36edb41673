/**
 * Daily-quiz schedule rules (pure). A schedule is a five-field cron expression plus an IANA time
 * zone. node-cron wakes the bot every minute; this module decides whether a channel's quiz is due:
 * it is due once the channel's local date is a scheduled day and its local time of day has reached
 * the earliest scheduled time. Deciding by local date and time of day (not by exact cron instants)
 * is what keeps DST from skipping a day (02:30 on a spring-forward day does not exist: the quiz
 * goes out at the first minute after the gap) or doubling one (02:30 happens twice on a fall-back
 * day: the post is claimed per local date, so the second 02:30 finds it taken). It also makes a
 * restarted bot catch up on a post it missed earlier that day.
 */

import { CronExpressionParser } from 'cron-parser';

/** A moment as a channel sees it. `weekday`: 0 = Sunday … 6 = Saturday; `minuteOfDay`: 0–1439. */
export interface LocalTime {
  date: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
  minuteOfDay: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `at` in `timeZone`. @throws RangeError for an unknown time zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** True for a valid IANA time zone name (as Intl knows them). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why `cron` is not a usable daily schedule, or null when it is. */
export function cronProblem(cron: string): string | null {
  try {
    CronExpressionParser.parse(cron);
  } catch (err) {
    return `"${cron}" is not a cron expression (${(err as Error).message})`;
  }
  return cron.trim().split(/\s+/).length === 5
    ? null
    : `"${cron}" must have five fields: minute hour day month weekday`;
}

function fields(cron: string) {
  return CronExpressionParser.parse(cron).fields;
}

/** Earliest scheduled minute of the day (0–1439) of a cron expression. */
export function scheduledMinute(cron: string): number {
  const f = fields(cron);
  return Math.min(...f.hour.values.map(Number)) * 60 + Math.min(...f.minute.values.map(Number));
}

/** True when `cron` schedules anything on the local day `t` (cron's day-of-month/day-of-week OR rule). */
export function runsOn(cron: string, t: LocalTime): boolean {
  const f = fields(cron);
  if (!f.month.values.map(Number).includes(t.month)) return false;
  const dom = f.dayOfMonth.values.map(Number).includes(t.day);
  const dow = f.dayOfWeek.values.map(Number).some((d) => d % 7 === t.weekday);
  const domAny = (f.dayOfMonth as unknown as { isWildcard: boolean }).isWildcard;
  const dowAny = (f.dayOfWeek as unknown as { isWildcard: boolean }).isWildcard;
  if (domAny && dowAny) return true;
  if (domAny) return dow;
  if (dowAny) return dom;
  return dom || dow;
}

/** Whether a channel's quiz is due at `at`, and the local date it would be for. */
export function dailyQuizDue(cron: string, timeZone: string, at: Date): { due: boolean; localDate: string } {
  const t = localTime(at, timeZone);
  return { due: runsOn(cron, t) && t.minuteOfDay >= scheduledMinute(cron), localDate: t.date };
}

/** `baseCron` with its minute and hour replaced by `time` ("HH:MM"), keeping its days. */
export function cronAt(time: string, baseCron: string): string {
  const [hh, mm] = time.split(':').map(Number);
  const parts = baseCron.trim().split(/\s+/);
  return [String(mm ?? 0), String(hh ?? 0), ...parts.slice(2)].join(' ');
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Human wording of a schedule, e.g. "09:30 Europe/Paris, Mon–Fri". */
export function describeSchedule(cron: string, timeZone: string): string {
  const minute = scheduledMinute(cron);
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const f = fields(cron);
  const dowAny = (f.dayOfWeek as unknown as { isWildcard: boolean }).isWildcard;
  const days = [...new Set(f.dayOfWeek.values.map((d) => Number(d) % 7))].sort((a, b) => a - b);
  let when = 'every day';
  if (!dowAny) {
    const contiguous = days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
    when =
      contiguous && days.length > 2
        ? `${DAY_NAMES[days[0] ?? 0]}–${DAY_NAMES[days[days.length - 1] ?? 0]}`
        : days.map((d) => DAY_NAMES[d]).join(', ');
  }
  return `${time} ${timeZone}, ${when}`;
}
