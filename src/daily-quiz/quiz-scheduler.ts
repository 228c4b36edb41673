/**
 * The clock of the daily quiz: node-cron runs `tick` every minute; a tick posts every enabled
 * channel's quiz that is due (see daily-schedule.ts for why "due" is decided per local day) and
 * reveals quizzes older than QUIZ_REVEAL_AFTER. Several bot processes may tick at once: the
 * claim row in the database makes each post exactly-once, the revealed_at flip each reveal.
 * Nobody stalls the others (issue 9, item 1): due channels are posted side by side (at most
 * QUIZ_POST_CONCURRENCY at once), a channel still being posted is skipped by later ticks while
 * other channels go on, and ticks never wait for one another, so a hung database or Slack call
 * (each has a deadline anyway, timeouts.ts) delays only its own channel.
 */

import cron, { type ScheduledTask } from 'node-cron';
import pLimit from 'p-limit';
import { dailyQuizDue } from '../quiz/daily-schedule.ts';
import { createReminderSweep } from '../spaced-repetition/reminder-sweep.ts';
import { QUIZ_POST_CONCURRENCY } from '../timeouts.ts';
import { postDailyQuiz } from './post-daily-quiz.ts';
import type { QuizContext } from './quiz-context.ts';
import { revealDueQuizzes } from './reveal-quiz.ts';

/** Options of {@link createTick}. */
export interface TickOptions {
  /** Channels posted at once by this process (default QUIZ_POST_CONCURRENCY). */
  concurrency?: number;
}

/**
 * Builds the tick for one process. It remembers which channels it already saw posted for their
 * local date, so later ticks that day skip them without a database round trip, and which are
 * being posted right now, so an overlapping tick leaves those alone.
 * The tick never throws: a database outage or a Slack error is logged and the next tick retries.
 * Resolves with the channels this tick posted to.
 */
export function createTick(ctx: () => QuizContext, options: TickOptions = {}): () => Promise<string[]> {
  const postedToday = new Map<string, string>();
  const inFlight = new Set<string>();
  const limit = pLimit(options.concurrency ?? QUIZ_POST_CONCURRENCY);
  let revealing = false;
  return async () => {
    const c = ctx();
    const posted: string[] = [];
    try {
      await c.ready();
      const now = c.clock();
      const jobs: Promise<void>[] = [];
      for (const s of await c.schedules.listEnabled()) {
        const key = `${s.teamId}:${s.channelId}`;
        let localDate: string;
        try {
          // Inside the try: one unreadable schedule (bad zone or cron) must not stop the others.
          const due = dailyQuizDue(s.cron, s.timeZone, now);
          if (!due.due) continue;
          localDate = due.localDate;
        } catch (err) {
          c.log.error('daily quiz schedule unreadable; skipped', { channel: s.channelId, err });
          continue;
        }
        if (postedToday.get(key) === localDate || inFlight.has(key)) continue;
        inFlight.add(key);
        jobs.push(
          limit(async () => {
            try {
              const outcome = await postDailyQuiz(c, s.teamId, s.channelId);
              c.onPostOutcome?.(outcome.status);
              if (outcome.status === 'posted') posted.push(s.channelId);
              if (outcome.status !== 'in-progress' && outcome.status !== 'no-questions')
                postedToday.set(key, localDate);
            } catch (err) {
              c.onPostOutcome?.('failed');
              c.log.error('daily quiz post failed; will retry', { channel: s.channelId, err });
            } finally {
              inFlight.delete(key);
            }
          }),
        );
      }
      await Promise.all(jobs);
      if (!revealing) {
        revealing = true;
        try {
          await revealDueQuizzes(c);
        } finally {
          revealing = false;
        }
      }
    } catch (err) {
      c.log.warn('quiz tick skipped', { err: (err as Error).message });
    }
    return posted;
  };
}

/** Options of {@link startQuizScheduler}. */
export interface SchedulerOptions extends TickOptions {
  /** node-cron expression of the tick (default every minute; tests tick every second, `* * * * * *`). */
  expression?: string;
}

/**
 * Starts the tick with node-cron, and beside it the review-reminder sweep
 * (spaced-repetition/reminder-sweep.ts; it does nothing without a reminder messenger), and runs
 * both once right away: a quiz that fell due while the bot was down or restarting is posted at
 * start, not a minute later (the tick's claims keep that exactly-once). Stop it with `task.stop()`. Without `noOverlap`: a tick still waiting for a slow channel must not block
 * the next minute's tick (the tick itself keeps overlapping ticks off the channels still in
 * flight; a sweep still running makes the next one a no-op).
 */
export function startQuizScheduler(ctx: () => QuizContext, options: SchedulerOptions = {}): ScheduledTask {
  const tick = createTick(ctx, options);
  const sweep = createReminderSweep(ctx);
  // Both catch and log their own failures; this only keeps a surprise from going unhandled.
  setImmediate(() => void Promise.all([tick(), sweep()]).catch(() => undefined));
  return cron.schedule(options.expression ?? '* * * * *', () => Promise.all([tick(), sweep()]), {
    name: 'saa-daily-quiz',
  });
}
