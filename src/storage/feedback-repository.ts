/**
 * Answer feedback on SQL (Postgres or PGlite): `answer_feedback`
 * (migrations/1764216000000_answer-feedback.sql). Implements the port in src/feedback/ports.ts.
 * A rating is one upsert, so repeated or racing clicks of one person leave one row.
 */

import type { Source } from '../answer/answer-types.ts';
import type { AnswerFeedback, FeedbackReason, FeedbackRepository } from '../feedback/ports.ts';
import type { Database } from './db.ts';

interface FeedbackRow {
  team_id: string;
  user_id: string;
  answer_key: string;
  question: string;
  answer: string;
  sources: Source[] | string;
  mode: 'extractive' | 'llm';
  rating: 'up' | 'down';
  reason: FeedbackReason | null;
  comment: string;
  created_at: Date | string;
  updated_at: Date | string;
}

function feedback(row: FeedbackRow): AnswerFeedback {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    answerKey: row.answer_key,
    question: row.question,
    answer: row.answer,
    sources: typeof row.sources === 'string' ? (JSON.parse(row.sources) as Source[]) : row.sources,
    mode: row.mode,
    rating: row.rating,
    reason: row.reason,
    comment: row.comment,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export class SqlFeedbackRepository implements FeedbackRepository {
  constructor(private readonly db: Database) {}

  async rate(
    f: Omit<AnswerFeedback, 'reason' | 'comment' | 'createdAt' | 'updatedAt'>,
    at: Date,
  ): Promise<void> {
    // A changed rating clears the reason and comment given for the old one.
    await this.db.query(
      `INSERT INTO answer_feedback
         (team_id, user_id, answer_key, question, answer, sources, mode, rating, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (team_id, user_id, answer_key) DO UPDATE
         SET rating = EXCLUDED.rating, updated_at = EXCLUDED.updated_at,
             reason = CASE WHEN answer_feedback.rating = EXCLUDED.rating THEN answer_feedback.reason END,
             comment = CASE WHEN answer_feedback.rating = EXCLUDED.rating THEN answer_feedback.comment ELSE '' END`,
      [
        f.teamId,
        f.userId,
        f.answerKey,
        f.question,
        f.answer,
        JSON.stringify(f.sources),
        f.mode,
        f.rating,
        at,
      ],
    );
  }

  async explain(
    key: { teamId: string; userId: string; answerKey: string },
    reason: FeedbackReason,
    comment: string,
    at: Date,
  ): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE answer_feedback SET reason = $4, comment = $5, updated_at = $6
        WHERE team_id = $1 AND user_id = $2 AND answer_key = $3 AND rating = 'down'
        RETURNING answer_key`,
      [key.teamId, key.userId, key.answerKey, reason, comment, at],
    );
    return rows.length > 0;
  }

  async list(since?: Date): Promise<AnswerFeedback[]> {
    const { rows } = await this.db.query<FeedbackRow>(
      `SELECT * FROM answer_feedback WHERE $1::timestamptz IS NULL OR updated_at >= $1
        ORDER BY updated_at DESC, team_id, user_id`,
      [since ?? null],
    );
    return rows.map(feedback);
  }
}
