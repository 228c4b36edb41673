/**
 * The storage ports of the daily quiz: quiz posts (one per team, channel and local day, claimed
 * before posting so the post is exactly-once), the clicks on them and on practice questions, and
 * each channel's schedule. Implemented on SQL (src/storage/quiz-post-repository.ts,
 * response-repository.ts, schedule-repository.ts; Postgres and PGlite) and in memory
 * (memory-quiz-posts.ts, memory-responses.ts, memory-schedules.ts over memory-quiz-records.ts;
 * for rule tests).
 */

import type { QuestionResult } from '../quiz/team-domain-weights.ts';

/** One daily quiz in one channel. `localDate` is YYYY-MM-DD in the channel schedule's time zone. */
export interface QuizPost {
  id: number;
  teamId: string;
  channelId: string;
  localDate: string;
  questionId: string;
  claimedAt: Date;
  /** Who claimed it, e.g. `hostname:pid`, for logs. */
  claimedBy: string;
  /** Slack message ts once posted; null while only claimed. */
  messageTs: string | null;
  postedAt: Date | null;
  revealedAt: Date | null;
}

/** Input of `claim`. `staleAfterMs`: how old an unposted claim must be before another process may take it over. */
export interface ClaimRequest {
  teamId: string;
  channelId: string;
  localDate: string;
  questionId: string;
  claimedBy: string;
  now: Date;
  staleAfterMs: number;
}

/**
 * `claimed`: the caller owns the post and must post it, with `post.questionId` (a takeover keeps
 * the question first picked; `tookOver` says so). `taken`: someone else has it; do nothing.
 */
export type ClaimResult =
  | { status: 'claimed'; post: QuizPost; tookOver: boolean }
  | { status: 'taken'; post: QuizPost };

/** Stored daily quiz posts. */
export interface QuizPostRepository {
  /** Claims the day's post for a channel; of many concurrent callers exactly one gets `claimed`. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Records the Slack message; false when the post already had one (another poster won). */
  markPosted(id: number, messageTs: string, now: Date): Promise<boolean>;
  /** The post with this id, or null. */
  get(id: number): Promise<QuizPost | null>;
  /** Question ids posted in the channel, oldest first, repeats included (the picker's history). */
  usedQuestionIds(teamId: string, channelId: string): Promise<string[]>;
  /** Changes an unposted claim's question (its question left the bank); false once it is posted. */
  replaceQuestion(id: number, questionId: string): Promise<boolean>;
  /** Posted, unrevealed posts with `postedAt < postedBefore`, all teams, oldest first. */
  dueForReveal(postedBefore: Date): Promise<QuizPost[]>;
  /** Posted, unrevealed posts in the channel from days before `beforeLocalDate` (YYYY-MM-DD), oldest first. */
  previousUnrevealed(teamId: string, channelId: string, beforeLocalDate: string): Promise<QuizPost[]>;
  /** Marks the post revealed; true only for the one caller that flipped it. */
  markRevealed(id: number, now: Date): Promise<boolean>;
}

/** A response: one person's click on a daily quiz option. `points` as graded by quiz/; `answeredAt` from the caller's clock. */
export interface QuizResponse {
  quizId: number;
  teamId: string;
  userId: string;
  choice: string;
  correct: boolean;
  points: number;
  answeredAt: Date;
}

/** `recorded`: this call counted. `duplicate`: the person had responded; `existing` is the response that counted. */
export type RecordResult =
  | { status: 'recorded' }
  | { status: 'duplicate'; existing: { choice: string; correct: boolean } };

/** Response counts for one daily quiz; `byChoice` maps choice (e.g. "B") to responses, absent choices omitted. */
export interface QuizStats {
  answered: number;
  correct: number;
  byChoice: Record<string, number>;
}

/** A practice-mode response (from `/saa quiz` and the like): kept for the person's history, never scored. */
export interface PracticeResponse {
  teamId: string;
  userId: string;
  questionId: string;
  choice: string;
  correct: boolean;
  answeredAt: Date;
}

/** Stored responses, daily and practice. */
export interface ResponseRepository {
  /**
   * Records a daily response once per (quiz, user); later calls get `duplicate` with the first
   * response. The delay after the post (or the claim, while unposted) is kept for leaderboards.
   * @throws Error when quiz `quizId` does not exist (nothing is recorded).
   */
  recordDaily(response: QuizResponse): Promise<RecordResult>;
  /** Counts for one quiz (for the reveal message); zeros for a quiz nobody answered. */
  quizStats(quizId: number): Promise<QuizStats>;
  /** Appends a practice response; the same person may answer the same question any number of times. */
  recordPractice(response: PracticeResponse): Promise<void>;
  /** Question ids this person practised most recently, newest first (at most `limit`). */
  recentPracticeIds(teamId: string, userId: string, limit: number): Promise<string[]>;
  /**
   * The team's responses per question, daily (every person's counted response) and practice
   * (every response), answered at or after `since` and before `until`; ordered by question id.
   * What the adaptive daily pick weighs domains by (quiz/team-domain-weights.ts).
   */
  questionResults(teamId: string, since: Date, until: Date): Promise<QuestionResult[]>;
}

/** One channel's quiz schedule. `cron`: five fields as node-cron reads them; `timeZone`: IANA name (column `timezone`). */
export interface ChannelSchedule {
  teamId: string;
  channelId: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** When the schedule was last changed (the caller's clock). */
  updatedAt: Date;
}

/** Stored channel schedules. */
export interface ScheduleRepository {
  /** The channel's schedule, or null when it never had one. */
  get(teamId: string, channelId: string): Promise<ChannelSchedule | null>;
  /** Creates or replaces the channel's schedule (all fields, including `updatedAt`). */
  upsert(schedule: ChannelSchedule): Promise<void>;
  /**
   * Every enabled schedule, all teams, ordered by team then channel; not those of a workspace
   * whose erasure is pending (it uninstalled the app: no token to post with).
   */
  listEnabled(): Promise<ChannelSchedule[]>;
}
