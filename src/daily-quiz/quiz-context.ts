/**
 * What the daily-quiz use cases need: repositories, the question bank, a way to talk to the
 * channel (the messenger port, implemented for Slack in src/slack/slack-quiz-messenger.ts), an
 * injected clock, and settings. Use cases take this context; adapters build it once.
 */

import type { FeedbackRepository } from '../feedback/ports.ts';
import type { QuestionReviewRepository } from '../question-review/ports.ts';
import type { Question } from '../quiz/question.ts';
import type { StudyCardRepository } from '../spaced-repetition/ports.ts';
import type { ReminderMessenger, ReminderRepository } from '../spaced-repetition/reminder-ports.ts';
import type { ReviewLimits } from '../spaced-repetition/review-limits.ts';
import type {
  QuizPost,
  QuizPostRepository,
  QuizStats,
  ResponseRepository,
  ScheduleRepository,
} from './ports.ts';
import type { WorkspaceSettingsRepository } from './workspace-settings-ports.ts';

/**
 * What a search for a quiz's earlier message found: `found` its ts, or null when there is none;
 * `unchecked` when this app cannot read the channel (the reason, e.g. `missing_scope`).
 */
export type EarlierPost = { found: string | null } | { unchecked: string };

/** How the quiz reaches a channel. Errors thrown here are Slack errors; callers log and retry later. */
export interface QuizMessenger {
  /**
   * Posts the question with one button per option, once (no automatic retry: a retry of a post
   * the channel did get would show it twice); resolves with the message ts. The message names
   * `post.id`, so {@link QuizMessenger.findQuestion} can find it.
   */
  postQuestion(post: QuizPost, question: Question): Promise<string>;
  /**
   * Looks in the channel's recent messages for the question of `post` posted earlier (by a
   * process that died or lost its database before storing the ts).
   * @throws on failures that may pass (timeouts, 5xx, rate limits): the caller tries again later.
   */
  findQuestion(post: QuizPost): Promise<EarlierPost>;
  /** Rewrites the posted question: the answer count, or the revealed answer with stats. */
  updateQuestion(
    post: QuizPost,
    question: Question,
    state: { stats: QuizStats; revealed: boolean },
  ): Promise<void>;
  /** Replies in the post's thread with how the team did and the explanation. */
  postReveal(post: QuizPost, question: Question, stats: QuizStats): Promise<void>;
}

/** Settings and ports shared by the quiz use cases. Times in ms. */
export interface QuizContext {
  bank: () => readonly Question[];
  schedules: ScheduleRepository;
  posts: QuizPostRepository;
  responses: ResponseRepository;
  messenger: QuizMessenger;
  clock: () => Date;
  /** Names this process in claims (`host:pid`), for logs. */
  instanceId: string;
  /** An unposted claim older than this is taken over (a process died between claim and post). */
  staleClaimMs: number;
  /**
   * Waits (ms) between attempts to store a posted question's ts while the database is
   * unavailable (default STORE_TS_RETRY_DELAYS_MS in timeouts.ts; tests shorten them).
   */
  storeRetryDelaysMs?: readonly number[];
  /** Reveal the answer this long after posting (QUIZ_REVEAL_AFTER). */
  revealAfterMs: number;
  /**
   * Schedule used when a channel turns the quiz on without saying when (QUIZ_SCHEDULE,
   * QUIZ_TIMEZONE), unless its workspace has its own (`workspaceSettings`; workspace-defaults.ts).
   */
  defaults: { cron: string; timeZone: string };
  /** Per-workspace defaults of the schedule and time zone. Absent: `defaults` for every workspace. */
  workspaceSettings?: WorkspaceSettingsRepository;
  /** Resolves once the database is migrated; rejects with DatabaseUnavailableError while it is down. */
  ready: () => Promise<void>;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
  /** Called with the outcome of each scheduled daily-quiz post attempt (`failed` when it threw): metrics. */
  onPostOutcome?: (status: string) => void;
  /** Called with the outcome of each quiz click (daily or practice): metrics. */
  onClick?: (kind: 'daily' | 'practice', status: string) => void;
  /** Called after each recorded daily answer (refreshes "N answered" on the post, throttled). */
  onAnswered?: (post: QuizPost) => void;
  /**
   * Team questions and problem reports (src/question-review/). Absent: the bundled bank only,
   * nothing suspended.
   */
  reviews?: QuestionReviewRepository;
  /** 👍/👎 on answers (src/feedback/). Absent: no feedback buttons are handled. */
  feedback?: FeedbackRepository;
  /**
   * Study cards (src/spaced-repetition/): every answer moves the person's FSRS card for that
   * question. Absent: answers move no card and `/saa review` is off.
   */
  cards?: StudyCardRepository;
  /** Daily limits of `/saa review` (REVIEW_NEW_PER_DAY, REVIEW_MAX_PER_DAY); default DEFAULT_REVIEW_LIMITS. */
  reviewLimits?: ReviewLimits;
  /** Review-reminder settings (`/saa remind`). Absent: reminders are off. */
  reminders?: ReminderRepository;
  /** Sends review reminders as DMs (Slack only). Absent: settings are kept, nothing is sent. */
  reminderMessenger?: ReminderMessenger;
}

/**
 * A question by id: the bundled bank's, or a team question in any status (a quiz posted before a
 * reject still grades and reveals).
 * @throws DatabaseUnavailableError when a team question had to be read and the database is down.
 */
export async function questionById(
  ctx: Pick<QuizContext, 'bank' | 'reviews'>,
  id: string,
): Promise<Question | undefined> {
  return ctx.bank().find((q) => q.id === id) ?? (await ctx.reviews?.teamQuestion(id))?.question;
}

/**
 * The questions asked in workspace `teamId`: the bundled bank and that workspace's approved team
 * questions, less those its learners reported until they are reviewed (question-review/ports.ts
 * SUSPEND_AFTER_REPORTS). Sorted by id, so picks do not depend on storage order.
 * @throws DatabaseUnavailableError when the database is down.
 */
export async function questionsInRotation(
  ctx: Pick<QuizContext, 'bank' | 'reviews'>,
  teamId: string,
): Promise<Question[]> {
  if (!ctx.reviews) return [...ctx.bank()];
  const [approved, suspended] = await Promise.all([
    ctx.reviews.approvedFor(teamId),
    ctx.reviews.suspendedIds(teamId),
  ]);
  const bundled = new Set(ctx.bank().map((q) => q.id));
  return [...ctx.bank(), ...approved.filter((q) => !bundled.has(q.id))]
    .filter((q) => !suspended.has(q.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
