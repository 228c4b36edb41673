/**
 * `/saa remind`, `/saa remind on [HH:MM]`, `/saa remind off`: read and change a person's review
 * reminder (issue 12, item 3). The time is local to `timeZone`, the person's Slack time zone
 * (the caller looks it up: users.info `tz`, through the profile cache). Turning reminders on
 * after today's time has passed sends today's at the next sweep when cards are due.
 * Replies are Slack mrkdwn, as channel-schedule.ts's.
 */

import type { QuizContext } from '../daily-quiz/quiz-context.ts';
import { clockTime } from './reminder-due.ts';

/** Reminder time when `/saa remind on` names none: 09:00 local. */
export const DEFAULT_REMINDER_MINUTE = 9 * 60;

type Ctx = Pick<QuizContext, 'reminders' | 'clock' | 'ready'>;

/** Who asks, and their time zone (IANA). */
export interface ReminderAsker {
  teamId: string;
  userId: string;
  timeZone: string;
}

const OFF_TEXT =
  'Review reminders are off. `/saa remind on [HH:MM]` sends you a DM at that time (default 09:00, your Slack time zone) on days you have cards due.';

/** The person's setting, in words; null when this bot keeps no reminders. @throws DatabaseUnavailableError */
export async function showReminder(ctx: Ctx, who: ReminderAsker): Promise<string | null> {
  if (!ctx.reminders) return null;
  await ctx.ready();
  const s = await ctx.reminders.get(who.teamId, who.userId);
  if (!s?.enabled) return OFF_TEXT;
  return `Review reminders are on: a DM at ${clockTime(s.minuteOfDay)} (${s.timeZone}) on days you have cards due. \`/saa remind off\` stops them.`;
}

/**
 * Turns reminders on at `minute` (minutes after midnight, local; default the stored time, else
 * {@link DEFAULT_REMINDER_MINUTE}). @throws DatabaseUnavailableError
 */
export async function enableReminder(
  ctx: Ctx,
  who: ReminderAsker & { minute?: number },
): Promise<string | null> {
  if (!ctx.reminders) return null;
  await ctx.ready();
  const current = await ctx.reminders.get(who.teamId, who.userId);
  const minuteOfDay = who.minute ?? current?.minuteOfDay ?? DEFAULT_REMINDER_MINUTE;
  await ctx.reminders.save({
    teamId: who.teamId,
    userId: who.userId,
    enabled: true,
    minuteOfDay,
    timeZone: who.timeZone,
    updatedAt: ctx.clock(),
  });
  return `Review reminders on: a DM at ${clockTime(minuteOfDay)} (${who.timeZone}, your Slack time zone) on days you have cards due, at most one a day. \`/saa remind off\` stops them.`;
}

/** Turns reminders off (the time is kept for the next "on"). @throws DatabaseUnavailableError */
export async function disableReminder(ctx: Ctx, who: ReminderAsker): Promise<string | null> {
  if (!ctx.reminders) return null;
  await ctx.ready();
  const current = await ctx.reminders.get(who.teamId, who.userId);
  if (!current?.enabled) return 'Review reminders were already off.';
  await ctx.reminders.save({ ...current, enabled: false, updatedAt: ctx.clock() });
  return 'Review reminders off. `/saa remind on` brings them back.';
}
