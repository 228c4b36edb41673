/**
 * Reads for leaderboards, streaks and personal stats. Every query is scoped to one Slack team:
 * a workspace never sees another's people.
 */

import type {
  AnsweredQuestion,
  QuizDay,
  ScoreRepository,
  Standing,
  StandingsQuery,
} from '../scores/ports.ts';
import type { Database } from './db.ts';

/** Postgres-SQL implementation (pg and PGlite). */
export class SqlScoreRepository implements ScoreRepository {
  constructor(private readonly db: Database) {}

  async standings(q: StandingsQuery): Promise<Standing[]> {
    // All time, whole team: the per-person totals kept by a trigger; otherwise aggregate the
    // period's answers (an index-only scan on quiz_answers_period / quiz_answers_channel_period).
    // `limit` is compared as bigint: `saa leaderboard` asks for everyone with Number.MAX_SAFE_INTEGER.
    const allTime = !q.channelId && !q.since && !q.until;
    const source = allTime
      ? `SELECT user_id, points, answered, correct, delay_sum_ms::float8 / answered AS mean_delay
           FROM user_totals
          WHERE team_id = $1 AND $2::text IS NULL AND $3::timestamptz IS NULL AND $4::timestamptz IS NULL`
      : `SELECT user_id, sum(points) AS points, count(*) AS answered, count(*) FILTER (WHERE correct) AS correct,
                avg(delay_ms)::float8 AS mean_delay
           FROM quiz_answers
          WHERE team_id = $1
            AND ($2::text IS NULL OR channel_id = $2)
            AND ($3::timestamptz IS NULL OR answered_at >= $3)
            AND ($4::timestamptz IS NULL OR answered_at < $4)
          GROUP BY user_id`;
    const { rows } = await this.db.query<Standing>(
      `WITH s AS (${source}),
       r AS (SELECT s.*, rank() OVER (ORDER BY points DESC, mean_delay ASC, user_id ASC) AS rank,
                    count(*) OVER () AS total
               FROM s)
       SELECT user_id AS "userId", rank::int AS rank, points::int AS points, answered::int AS answered,
              correct::int AS correct, mean_delay AS "meanDelayMs", total::int AS total
         FROM r
        WHERE $5::bigint IS NULL OR rank <= $5 OR user_id = $6
        ORDER BY rank`,
      [q.teamId, q.channelId ?? null, q.since ?? null, q.until ?? null, q.limit ?? null, q.userId ?? null],
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
