/**
 * The storage ports of scores: reads for leaderboards, streaks and personal stats (every query
 * scoped to one Slack team: a workspace never sees another's people), and the cache of Slack
 * profiles. Implemented on SQL (src/storage/score-repository.ts, user-repository.ts; Postgres and
 * PGlite) and in memory (memory-scores.ts, memory-users.ts; for rule tests).
 */

/** One person's standing in a period. `rank` is 1-based; ties share points but not ranks. */
export interface Standing {
  userId: string;
  rank: number;
  points: number;
  answered: number;
  correct: number;
  /** Mean time from post to answer (ms): the tie-breaker, earlier first. */
  meanDelayMs: number;
  /** How many people answered in the period. */
  total: number;
}

/** Which standings to read. Without `limit` every person is returned. */
export interface StandingsQuery {
  teamId: string;
  channelId?: string;
  since?: Date;
  until?: Date;
  /** Return only ranks 1..limit, plus `userId`'s row wherever it ranks. */
  limit?: number;
  userId?: string;
}

/** One daily quiz the person could have answered, with their answer if any. */
export interface QuizDay {
  postedAt: Date;
  /** null: not answered. */
  correct: boolean | null;
  revealed: boolean;
}

/** One answer, daily or practice, for per-topic accuracy. */
export interface AnsweredQuestion {
  questionId: string;
  correct: boolean;
}

/** Score reads (SQL lives here only). */
export interface ScoreRepository {
  /** Everyone who answered a daily quiz in the period, best first (points, then earlier mean answer). */
  standings(q: StandingsQuery): Promise<Standing[]>;
  /** Daily quizzes posted in channels where the person ever answered, oldest first (at most the last 400). */
  quizDays(teamId: string, userId: string): Promise<QuizDay[]>;
  /** Every daily and practice answer of the person. */
  answeredQuestions(teamId: string, userId: string): Promise<AnsweredQuestion[]>;
  /** Teams that have any daily quiz (for the CLI when no team is given). */
  teamIds(): Promise<string[]>;
}

/** A person as the leaderboard shows them. `timeZone` is an IANA zone (Slack users.info `tz`; column `tz`). */
export interface UserProfile {
  teamId: string;
  userId: string;
  displayName: string;
  timeZone: string;
  fetchedAt: Date;
}

/** Profile cache. */
export interface UserRepository {
  /** Cached profiles of the given users (missing ones are simply absent). */
  get(teamId: string, userIds: readonly string[]): Promise<UserProfile[]>;
  /** Creates or replaces the person's cached profile in its workspace (all fields). */
  upsert(profile: UserProfile): Promise<void>;
}
