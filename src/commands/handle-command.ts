/**
 * Use cases behind `/saa`, shared by Slack and the console: a parsed command in, a reply out.
 * Replies are data; each adapter renders them (Block Kit in src/slack/views, text in src/console).
 */

import type { Answer } from '../answer/answer-types.ts';
import type { Answerer } from '../answer/answerer.ts';
import { type AnswerersByTeam, answererOf } from '../answer/team-answerers.ts';
import { disableSchedule, enableSchedule, showSchedule } from '../daily-quiz/channel-schedule.ts';
import { practiceToShow } from '../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../daily-quiz/quiz-context.ts';
import type { LifecycleContext } from '../data-lifecycle/lifecycle-context.ts';
import { DatabaseUnavailableError } from '../database-unavailable.ts';
import { clearExamDate, setExamDate, showExamDate } from '../exam-readiness/exam-date-command.ts';
import type { BotMetrics } from '../observability/metrics.ts';
import type { Question } from '../quiz/question.ts';
import { type Leaderboard, leaderboard } from '../scores/leaderboard.ts';
import { type PersonalStats, personalStats } from '../scores/personal-stats.ts';
import type { ScoreContext } from '../scores/score-context.ts';
import { nextReview, type ReviewStep } from '../spaced-repetition/next-review.ts';
import { minuteOfDay } from '../spaced-repetition/reminder-due.ts';
import { disableReminder, enableReminder, showReminder } from '../spaced-repetition/reminder-settings.ts';
import {
  BANK_EMPTY,
  QUIZ_NEEDS_DATABASE,
  SCORES_READ_UNAVAILABLE,
  SETTINGS_UNAVAILABLE,
} from '../user-messages.ts';
import type { Command } from './parse-command.ts';

/** Who is asking and where (Slack ids; the console uses fixed local ids). */
export interface CommandContext {
  teamId: string;
  channelId: string;
  userId: string;
}

/** What a command produces. `visibility` says whether the channel sees it or only the asker. */
export type Reply =
  | { kind: 'help' }
  | { kind: 'answer'; answer: Answer }
  | { kind: 'practice'; question: Question; cardReps?: number }
  /** `/saa review`: the person's next card, or why there is none (only they see it). */
  | { kind: 'review'; step: ReviewStep }
  | { kind: 'leaderboard'; board: Leaderboard; visibility: 'ephemeral' | 'in_channel' }
  | { kind: 'stats'; stats: PersonalStats }
  /** `/saa forget me`: the confirmation, with the button that deletes (only the asker sees it). */
  | { kind: 'forget-confirm'; userId: string }
  | { kind: 'text'; text: string; visibility: 'ephemeral' | 'in_channel' };

/** The services commands use. The quiz is optional so the answer engine runs alone. */
export interface CommandServices {
  /** The answerer over NOTES_DIR: every workspace's, unless `answerers` gives a workspace its own. */
  answerer: Answerer;
  /** Workspaces with their own notes folder (`saa workspace --notes`); absent: `answerer` for all. */
  answerers?: AnswerersByTeam;
  quiz?: () => QuizContext;
  scores?: () => ScoreContext;
  /** Deleting a person's data (`/saa forget me`); absent: the command says it is not available. */
  lifecycle?: LifecycleContext;
  /** Counts answers and their latency (GET /metrics); absent: nothing is counted. */
  metrics?: BotMetrics;
  /** A question from the notes, for the Messages tab's suggested prompts (undefined: none). */
  exampleQuestion?: () => string | undefined;
}

const ephemeral = (text: string): Reply => ({ kind: 'text', text, visibility: 'ephemeral' });

/**
 * Runs one command. A database that is down becomes a reply that says so and what to do.
 * @throws any other error (a bug, a Slack failure): the adapter logs it and apologises.
 */
export async function handleCommand(
  command: Command,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const quiz = services.quiz?.();
  try {
    switch (command.kind) {
      case 'help':
        return { kind: 'help' };
      case 'ask':
        return {
          kind: 'answer',
          answer: await (await answererOf(services, ctx.teamId)).answer(command.question),
        };
      case 'invalid':
        return ephemeral(command.message);
      case 'quiz': {
        if (!quiz) break;
        const shown = await practiceToShow(quiz, { teamId: ctx.teamId, userId: ctx.userId });
        return shown ? { kind: 'practice', ...shown } : ephemeral(BANK_EMPTY);
      }
      case 'forget-me':
        if (!services.lifecycle) break;
        return { kind: 'forget-confirm', userId: ctx.userId };
      case 'review': {
        if (!quiz) break;
        const step = await nextReview(quiz, ctx);
        if (step.status === 'off') break;
        return { kind: 'review', step };
      }
      case 'daily-show':
        if (!quiz) break;
        return ephemeral((await showSchedule(quiz, ctx.teamId, ctx.channelId)).text);
      case 'daily-on': {
        if (!quiz) break;
        const result = await enableSchedule(quiz, { ...ctx, time: command.time, timeZone: command.timeZone });
        // The channel sees a schedule change; a refusal (unknown zone) goes to the asker only.
        return { kind: 'text', visibility: result.schedule ? 'in_channel' : 'ephemeral', text: result.text };
      }
      case 'daily-off':
        if (!quiz) break;
        return {
          kind: 'text',
          visibility: 'in_channel',
          text: (await disableSchedule(quiz, ctx.teamId, ctx.channelId)).text,
        };
      case 'remind-show':
      case 'remind-on':
      case 'remind-off': {
        if (!quiz) break;
        // The person's Slack time zone (users.info tz, cached); the quiz default without Slack.
        const profiles = services.scores?.().profiles;
        const timeZone =
          (await profiles?.get(ctx.teamId, [ctx.userId]))?.get(ctx.userId)?.timeZone ??
          quiz.defaults.timeZone;
        const who = { teamId: ctx.teamId, userId: ctx.userId, timeZone };
        const text =
          command.kind === 'remind-show'
            ? await showReminder(quiz, who)
            : command.kind === 'remind-off'
              ? await disableReminder(quiz, who)
              : await enableReminder(quiz, { ...who, minute: minuteOfDay(command.time ?? '') ?? undefined });
        if (text === null) break;
        return ephemeral(text);
      }
      case 'leaderboard': {
        const scores = services.scores?.();
        if (!scores) break;
        const board = await leaderboard(scores, { ...ctx, period: command.period, askerId: ctx.userId });
        return { kind: 'leaderboard', board, visibility: command.public ? 'in_channel' : 'ephemeral' };
      }
      case 'stats': {
        const scores = services.scores?.();
        if (!scores) break;
        return { kind: 'stats', stats: await personalStats(scores, ctx) };
      }
      case 'exam-show':
      case 'exam-set':
      case 'exam-off': {
        const scores = services.scores?.();
        const exams = scores?.readiness?.exams;
        if (!scores || !exams) break;
        await scores.ready();
        const profile = (await scores.profiles.get(ctx.teamId, [ctx.userId])).get(ctx.userId);
        const args = {
          exams,
          teamId: ctx.teamId,
          userId: ctx.userId,
          now: scores.clock(),
          timeZone: profile?.timeZone ?? scores.defaultTimeZone,
        };
        const text =
          command.kind === 'exam-set'
            ? await setExamDate({ ...args, examDate: command.date })
            : command.kind === 'exam-off'
              ? await clearExamDate(args)
              : await showExamDate(args);
        return ephemeral(text);
      }
    }
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      const scores = command.kind === 'leaderboard' || command.kind === 'stats';
      return ephemeral(scores ? SCORES_READ_UNAVAILABLE : SETTINGS_UNAVAILABLE);
    }
    throw err;
  }
  return ephemeral(QUIZ_NEEDS_DATABASE);
}
