/**
 * Reads for leaderboards, streaks and personal stats. Every query is scoped to one Slack team:
 * a workspace never sees another's people.
 */

import type { Database } from './db.ts';

/** One person's standing in a period. `rank` is 1-based; ties share points but not ranks. */
export interface Standing {
  userId: string;
  rank: number;
  points: number;
  answered: number;
  correct: number;
  /** Mean time from post to answer (ms): the tie-breaker, earlier first. */
  meanDelayMs: number;
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
  standings(q: { teamId: string; channelId?: string; since?: Date; until?: Date }): Promise<Standing[]>;
  /** Daily quizzes posted in channels where the person ever answered, oldest first (at most the last 400). */
  quizDays(teamId: string, userId: string): Promise<QuizDay[]>;
  /** Every daily and practice answer of the person. */
  answeredQuestions(teamId: string, userId: string): Promise<AnsweredQuestion[]>;
  /** Teams that have any daily quiz (for the CLI when no team is given). */
  teamIds(): Promise<string[]>;
}

/** Postgres-SQL implementation (pg and PGlite). */
export class SqlScoreRepository implements ScoreRepository {
  constructor(private readonly db: Database) {}

  async standings(q: {
    teamId: string;
    channelId?: string;
    since?: Date;
    until?: Date;
  }): Promise<Standing[]> {
    const { rows } = await this.db.query<Standing>(
      `SELECT a.user_id AS "userId",
              (rank() OVER (ORDER BY sum(a.points) DESC,
                                     avg(extract(epoch FROM a.answered_at - coalesce(p.posted_at, p.claimed_at))) ASC,
                                     a.user_id ASC))::int AS rank,
              sum(a.points)::int AS points,
              count(*)::int AS answered,
              count(*) FILTER (WHERE a.correct)::int AS correct,
              (1000 * avg(extract(epoch FROM a.answered_at - coalesce(p.posted_at, p.claimed_at))))::float8 AS "meanDelayMs"
       FROM quiz_answers a
       JOIN quiz_posts p ON p.id = a.quiz_id
       WHERE a.team_id = $1
         AND ($2::text IS NULL OR p.channel_id = $2)
         AND ($3::timestamptz IS NULL OR a.answered_at >= $3)
         AND ($4::timestamptz IS NULL OR a.answered_at < $4)
       GROUP BY a.user_id
       ORDER BY rank`,
      [q.teamId, q.channelId ?? null, q.since ?? null, q.until ?? null],
    );
    return rows.map((r) => ({ ...r, meanDelayMs: Number(r.meanDelayMs) }));
  }

  async quizDays(teamId: string, userId: string): Promise<QuizDay[]> {
    const { rows } = await this.db.query<{
      posted_at: Date | string;
      correct: boolean | null;
      revealed: boolean;
    }>(
      `SELECT * FROM (
         SELECT p.posted_at, a.correct, p.revealed_at IS NOT NULL AS revealed
         FROM quiz_posts p
         LEFT JOIN quiz_answers a ON a.quiz_id = p.id AND a.user_id = $2
         WHERE p.team_id = $1 AND p.posted_at IS NOT NULL
           AND p.channel_id IN (SELECT DISTINCT p2.channel_id FROM quiz_answers a2
                                JOIN quiz_posts p2 ON p2.id = a2.quiz_id
                                WHERE a2.team_id = $1 AND a2.user_id = $2)
         ORDER BY p.posted_at DESC
         LIMIT 400) recent
       ORDER BY posted_at ASC`,
      [teamId, userId],
    );
    return rows.map((r) => ({ postedAt: new Date(r.posted_at), correct: r.correct, revealed: r.revealed }));
  }

  async answeredQuestions(teamId: string, userId: string): Promise<AnsweredQuestion[]> {
    const { rows } = await this.db.query<{ question_id: string; correct: boolean }>(
      `SELECT p.question_id, a.correct FROM quiz_answers a JOIN quiz_posts p ON p.id = a.quiz_id
       WHERE a.team_id = $1 AND a.user_id = $2
       UNION ALL
       SELECT question_id, correct FROM practice_answers WHERE team_id = $1 AND user_id = $2`,
      [teamId, userId],
    );
    return rows.map((r) => ({ questionId: r.question_id, correct: r.correct }));
  }

  async teamIds(): Promise<string[]> {
    const { rows } = await this.db.query<{ team_id: string }>(
      'SELECT DISTINCT team_id FROM quiz_posts ORDER BY team_id',
    );
    return rows.map((r) => r.team_id);
  }
}
