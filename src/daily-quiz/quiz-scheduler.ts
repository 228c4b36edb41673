/**
 * The clock of the daily quiz: node-cron runs `tick` every minute; a tick posts every enabled
 * channel's quiz that is due (see daily-schedule.ts for why "due" is decided per local day) and
 * reveals quizzes older than QUIZ_REVEAL_AFTER. Several bot processes may tick at once: the
 * claim row in the database makes each post exactly-once, the revealed_at flip each reveal.
 */

import cron, { type ScheduledTask } from 'node-cron';
import { dailyQuizDue } from '../quiz/daily-schedule.ts';
import { postDailyQuiz } from './post-daily-quiz.ts';
import type { QuizContext } from './quiz-context.ts';
import { revealDueQuizzes } from './reveal-quiz.ts';

/**
 * Builds the tick for one process. It remembers which channels it already saw posted for their
 * local date, so later ticks that day skip them without a database round trip.
 * The tick never throws: a database outage or a Slack error is logged and the next tick retries.
 * Resolves with the channels this tick posted to.
 */
export function createTick(ctx: () => QuizContext): () => Promise<string[]> {
  const postedToday = new Map<string, string>();
  return async () => {
    const c = ctx();
    const posted: string[] = [];
    try {
      await c.ready();
      const now = c.clock();
      for (const s of await c.schedules.listEnabled()) {
        const key = `${s.teamId}:${s.channelId}`;
        try {
          // Inside the try: one unreadable schedule (bad zone or cron) must not stop the others.
          const { due, localDate } = dailyQuizDue(s.cron, s.timezone, now);
          if (!due || postedToday.get(key) === localDate) continue;
          const outcome = await postDailyQuiz(c, s.teamId, s.channelId);
          if (outcome.status === 'posted') posted.push(s.channelId);
          if (outcome.status === 'posted' || outcome.status === 'already-posted')
            postedToday.set(key, localDate);
        } catch (err) {
          c.log.error('daily quiz post failed; will retry', { channel: s.channelId, err });
        }
      }
      await revealDueQuizzes(c);
    } catch (err) {
      c.log.warn('quiz tick skipped', { err: (err as Error).message });
    }
    return posted;
  };
}

/** Starts the minute tick with node-cron. Stop it with `task.stop()`. */
export function startQuizScheduler(ctx: () => QuizContext): ScheduledTask {
  const tick = createTick(ctx);
  return cron.schedule('* * * * *', () => tick(), { name: 'saa-daily-quiz', noOverlap: true });
}
