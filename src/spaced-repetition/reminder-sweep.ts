/**
 * The review-reminder sweep (issue 12, item 3), run every minute by the scheduler
 * (daily-quiz/quiz-scheduler.ts). For each person who opted in and whose local reminder time has
 * passed today (reminder-due.ts): count the cards due now, capped by what today's review limit
 * still allows (REVIEW_MAX_PER_DAY, counted in QUIZ_TIMEZONE's day as `/saa review` does); none
 * due, no DM (checked again next minute, so cards that fall due later that day still bring one).
 * Else claim the local date in the database, then send one DM ("7 cards due, ~4 min"), paced
 * (send-pace.ts, REMINDER_INTERVAL_MS and REMINDER_CONCURRENCY in timeouts.ts).
 * At most once per local day: the claim comes before the DM. A DM Slack certainly refused (an
 * error answer, a rate limit) gives the claim back for the next sweep; a DM whose fate is unknown
 * (timeout, 5xx) keeps it: a missed reminder is better than two.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { QuizContext } from '../daily-quiz/quiz-context.ts';
import { REMINDER_CONCURRENCY, REMINDER_INTERVAL_MS } from '../timeouts.ts';
import { reminderDue } from './reminder-due.ts';
import { type DueReminder, ReminderNotSentError, type ReminderSetting } from './reminder-ports.ts';
import { DEFAULT_REVIEW_LIMITS, reviewAllowance, startOfLocalDay } from './review-limits.ts';
import { reviewMinutes } from './review-time-estimate.ts';
import { createPace, type Sleep } from './send-pace.ts';

/** The part of the quiz context a sweep uses; without `cards`, `reminders` or `reminderMessenger` it does nothing. */
export type ReminderContext = Pick<
  QuizContext,
  'cards' | 'reminders' | 'reminderMessenger' | 'clock' | 'ready' | 'log' | 'reviewLimits' | 'defaults'
>;

/** Pace of a sweep; defaults from timeouts.ts and a real sleep. */
export interface SweepOptions {
  intervalMs?: number;
  concurrency?: number;
  sleep?: Sleep;
}

/** What one sweep did: the reminders it sent (`skipped`: a previous sweep was still running). */
export interface SweepReport {
  sent: DueReminder[];
  skipped: boolean;
}

/**
 * Builds the sweep for one process. Never throws (a database outage or Slack error is logged;
 * the next sweep tries again); a sweep still running makes the next one a no-op.
 */
export function createReminderSweep(
  ctx: () => ReminderContext,
  options: SweepOptions = {},
): () => Promise<SweepReport> {
  let running = false;
  return async () => {
    if (running) return { sent: [], skipped: true };
    running = true;
    try {
      return { sent: await sweep(ctx(), options), skipped: false };
    } catch (err) {
      ctx().log.warn('reminder sweep skipped', { err: (err as Error).message });
      return { sent: [], skipped: false };
    } finally {
      running = false;
    }
  };
}

async function sweep(c: ReminderContext, options: SweepOptions): Promise<DueReminder[]> {
  const { cards, reminders, reminderMessenger: messenger } = c;
  if (!cards || !reminders || !messenger) return [];
  await c.ready();
  const now = c.clock();
  const pace = createPace(options.intervalMs ?? REMINDER_INTERVAL_MS, options.sleep ?? ((ms) => sleep(ms)));
  const limit = pLimit(options.concurrency ?? REMINDER_CONCURRENCY);
  const sent: DueReminder[] = [];
  const one = async (s: ReminderSetting) => {
    try {
      const timing = reminderDue(s, now);
      if (!timing.due) return;
      const due = await cards.dueCount(s.teamId, s.userId, now);
      if (due === 0) return;
      const done = await cards.reviewCounts(s.teamId, s.userId, startOfLocalDay(now, c.defaults.timeZone));
      const { reviewsLeft } = reviewAllowance(done, c.reviewLimits ?? DEFAULT_REVIEW_LIMITS);
      const n = Math.min(due, reviewsLeft);
      if (n === 0) return;
      if (!(await reminders.claim(s.teamId, s.userId, timing.localDate, now))) return;
      const reminder: DueReminder = {
        teamId: s.teamId,
        userId: s.userId,
        cards: n,
        minutes: reviewMinutes(n),
        localDate: timing.localDate,
      };
      await pace();
      try {
        const { channelId } = await messenger.sendReminder(reminder, s.dmChannelId);
        sent.push(reminder);
        if (channelId !== s.dmChannelId) await reminders.saveDmChannel(s.teamId, s.userId, channelId);
      } catch (err) {
        if (!(err instanceof ReminderNotSentError)) throw err;
        await reminders.release(s.teamId, s.userId, timing.localDate);
        c.log.warn('review reminder not sent; retrying next sweep', { user: s.userId, err: err.message });
      }
    } catch (err) {
      c.log.error('review reminder failed', { team: s.teamId, user: s.userId, err });
    }
  };
  await Promise.all((await reminders.listEnabled()).map((s) => limit(() => one(s))));
  return sent;
}
