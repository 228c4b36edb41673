/**
 * Responses (a learner's click on a quiz option) in SQL: daily quiz responses (scored, one per
 * person per quiz; table `quiz_answers`) and practice responses (never scored; table
 * `practice_answers`). The (quiz_id, user_id) primary key is what makes a click count once,
 * whatever Slack retries or double clicks deliver. Leaderboards count daily responses only.
 */

import type {
  PracticeResponse,
  QuizResponse,
  QuizStats,
  RecordResult,
  ResponseRepository,
} from '../daily-quiz/ports.ts';
import type { QuestionResult } from '../quiz/team-domain-weights.ts';
import type { Database } from './db.ts';

/** `ResponseRepository` in Postgres SQL (tables `quiz_answers`, `practice_answers`, joined with `quiz_posts`). */
export class SqlResponseRepository implements ResponseRepository {
  constructor(private readonly db: Database) {}

  async recordDaily(a: QuizResponse): Promise<RecordResult> {
    const inserted = await this.db.query(
      // The channel and the delay after the post are stored with the answer for leaderboards
      // (a click can land before markPosted: then the delay counts from the claim).
      `INSERT INTO quiz_answers (quiz_id, team_id, user_id, choice, correct, points, answered_at, channel_id, delay_ms)
       SELECT $1, $2, $3, $4, $5, $6, $7, p.channel_id,
              (1000 * extract(epoch FROM $7::timestamptz - coalesce(p.posted_at, p.claimed_at)))::bigint
         FROM quiz_posts p WHERE p.id = $1
       ON CONFLICT (quiz_id, user_id) DO NOTHING
       RETURNING quiz_id`,
      [a.quizId, a.teamId, a.userId, a.choice, a.correct, a.points, a.answeredAt],
    );
    if (inserted.rows.length === 1) return { status: 'recorded' };
    // ON CONFLICT waited for the winning insert to commit, so this statement's snapshot sees it.
    const { rows } = await this.db.query<{ choice: string; correct: boolean }>(
      'SELECT choice, correct FROM quiz_answers WHERE quiz_id = $1 AND user_id = $2',
      [a.quizId, a.userId],
    );
    if (!rows[0])
      throw new Error(`quiz_answers: conflicting answer of ${a.userId} to quiz ${a.quizId} vanished`);
    return { status: 'duplicate', existing: { choice: rows[0].choice, correct: rows[0].correct } };
  }

  async quizStats(quizId: number): Promise<QuizStats> {
    const { rows } = await this.db.query<{ choice: string; answered: number; correct: number }>(
      `SELECT choice, count(*)::int AS answered, count(*) FILTER (WHERE correct)::int AS correct
       FROM quiz_answers WHERE quiz_id = $1 GROUP BY choice ORDER BY choice`,
      [quizId],
    );
    const stats: QuizStats = { answered: 0, correct: 0, byChoice: {} };
    for (const row of rows) {
      stats.answered += row.answered;
      stats.correct += row.correct;
      stats.byChoice[row.choice] = row.answered;
    }
    return stats;
  }

  async recordPractice(a: PracticeResponse): Promise<void> {
    await this.db.query(
      `INSERT INTO practice_answers (team_id, user_id, question_id, choice, correct, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.teamId, a.userId, a.questionId, a.choice, a.correct, a.answeredAt],
    );
  }

  async recentPracticeIds(teamId: string, userId: string, limit: number): Promise<string[]> {
    const { rows } = await this.db.query<{ question_id: string }>(
      `SELECT question_id FROM practice_answers WHERE team_id = $1 AND user_id = $2
       ORDER BY answered_at DESC, id DESC LIMIT $3`,
      [teamId, userId, limit],
    );
    return rows.map((r) => r.question_id);
  }

  async questionResults(teamId: string, since: Date, until: Date): Promise<QuestionResult[]> {
    const { rows } = await this.db.query<QuestionResult>(
      `SELECT question_id AS "questionId", count(*)::int AS answered,
              count(*) FILTER (WHERE correct)::int AS correct
       FROM (
         SELECT p.question_id, a.correct FROM quiz_answers a JOIN quiz_posts p ON p.id = a.quiz_id
          WHERE a.team_id = $1 AND a.answered_at >= $2 AND a.answered_at < $3
         UNION ALL
         SELECT question_id, correct FROM practice_answers
          WHERE team_id = $1 AND answered_at >= $2 AND answered_at < $3
       ) answers
       GROUP BY question_id ORDER BY question_id`,
      [teamId, since, until],
    );
    return rows;
  }
}
