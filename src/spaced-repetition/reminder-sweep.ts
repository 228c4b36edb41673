/**
 * The review-reminder sweep (issue 12, item 3), run every minute by the scheduler
 * (daily-quiz/quiz-scheduler.ts). For each person who opted in and whose local reminder time has
 * passed today (reminder-due.ts): count the cards due now, capped by what today's review limit
 * still allows (REVIEW_MAX_PER_DAY, counted in QUIZ_TIMEZONE's day as `/saa review` does); none
 * due, no DM (checked again next minute, so cards that fall due later that day still bring one).
 * Else claim the local date in the database, then send one DM ("7 cards due, ~4 min"), paced per
 * workspace (workspace-pace.ts; REMINDER_WORKSPACE_INTERVAL_MS, REMINDER_OPEN_INTERVAL_MS and
 * REMINDER_WORKSPACE_CONCURRENCY in timeouts.ts): Slack counts its rate limits per workspace, so
 * workspaces go in parallel, each at its own budget, with at most REMINDER_GLOBAL_CONCURRENCY
 * database queries or Slack calls of the whole sweep in flight. A person's first reminder opens
 * their DM channel (its own, slower gate: conversations.open is Tier 3) and stores it at once.
 * A call starts when its gate opens, or later when the process is saturated (never earlier), so
 * a workspace's budget per minute holds with the margin REMINDER_WORKSPACE_INTERVAL_MS leaves.
 * At most once per local day: the claim comes before the DM. A DM Slack certainly refused (an
 * error answer, a rate limit) gives the claim back for the next sweep; a DM whose fate is unknown
 * (timeout, 5xx) keeps it: a missed reminder is better than two.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { QuizContext } from '../daily-quiz/quiz-context.ts';
import {
  REMINDER_GLOBAL_CONCURRENCY,
  REMINDER_OPEN_INTERVAL_MS,
  REMINDER_WORKSPACE_CONCURRENCY,
  REMINDER_WORKSPACE_INTERVAL_MS,
} from '../timeouts.ts';
import { reminderDue } from './reminder-due.ts';
import { type DueReminder, ReminderNotSentError, type ReminderSetting } from './reminder-ports.ts';
import { DEFAULT_REVIEW_LIMITS, reviewAllowance, startOfLocalDay } from './review-limits.ts';
import { reviewMinutes } from './review-time-estimate.ts';
import type { Sleep } from './send-pace.ts';
import { createWorkspaceLanes } from './workspace-pace.ts';

/** The part of the quiz context a sweep uses; without `cards`, `reminders` or `reminderMessenger` it does nothing. */
export type ReminderContext = Pick<
  QuizContext,
  'cards' | 'reminders' | 'reminderMessenger' | 'clock' | 'ready' | 'log' | 'reviewLimits' | 'defaults'
>;

/** Pace of a sweep; defaults from timeouts.ts and a real sleep. Intervals in ms. */
export interface SweepOptions {
  /** Per workspace: DMs start at least this far apart (REMINDER_WORKSPACE_INTERVAL_MS). */
  intervalMs?: number;
  /** Per workspace: conversations.open calls start at least this far apart (REMINDER_OPEN_INTERVAL_MS). */
  openIntervalMs?: number;
  /** Per workspace: reminders between claim and Slack's answer at once (REMINDER_WORKSPACE_CONCURRENCY). */
  concurrency?: number;
  /** Whole sweep: database queries and Slack calls in flight at once (REMINDER_GLOBAL_CONCURRENCY). */
  globalConcurrency?: number;
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
  const lane = createWorkspaceLanes({
    postIntervalMs: options.intervalMs ?? REMINDER_WORKSPACE_INTERVAL_MS,
    openIntervalMs: options.openIntervalMs ?? REMINDER_OPEN_INTERVAL_MS,
    concurrency: options.concurrency ?? REMINDER_WORKSPACE_CONCURRENCY,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
  });
  // Only I/O holds a global slot: a reminder waiting for its workspace's pace must not keep
  // other workspaces from going.
  const io = pLimit(options.globalConcurrency ?? REMINDER_GLOBAL_CONCURRENCY);
  const sent: DueReminder[] = [];
  const one = async (s: ReminderSetting) => {
    try {
      const timing = reminderDue(s, now);
      if (!timing.due) return;
      const claimed = await io(async () => {
        const due = await cards.dueCount(s.teamId, s.userId, now);
        if (due === 0) return 0;
        const done = await cards.reviewCounts(s.teamId, s.userId, startOfLocalDay(now, c.defaults.timeZone));
        const { reviewsLeft } = reviewAllowance(done, c.reviewLimits ?? DEFAULT_REVIEW_LIMITS);
        const n = Math.min(due, reviewsLeft);
        if (n === 0) return 0;
        return (await reminders.claim(s.teamId, s.userId, timing.localDate, now)) ? n : 0;
      });
      if (claimed === 0) return;
      const n = claimed;
      const reminder: DueReminder = {
        teamId: s.teamId,
        userId: s.userId,
        cards: n,
        minutes: reviewMinutes(n),
        localDate: timing.localDate,
      };
      const gates = lane(s.teamId);
      try {
        let channelId = s.dmChannelId;
        if (channelId === null) {
          await gates.open();
          const opened = await io(() => messenger.openDm(s.teamId, s.userId));
          await io(() => reminders.saveDmChannel(s.teamId, s.userId, opened));
          channelId = opened;
        }
        await gates.post();
        const to = channelId;
        await io(() => messenger.sendReminder(reminder, to));
        sent.push(reminder);
      } catch (err) {
        if (!(err instanceof ReminderNotSentError)) throw err;
        await io(() => reminders.release(s.teamId, s.userId, timing.localDate));
        c.log.warn('review reminder not sent; retrying next sweep', { user: s.userId, err: err.message });
      }
    } catch (err) {
      c.log.error('review reminder failed', { team: s.teamId, user: s.userId, err });
    }
  };
  await Promise.all((await reminders.listEnabled()).map((s) => lane(s.teamId).limit(() => one(s))));
  return sent;
}
