/**
 * Exam dates on SQL (Postgres or PGlite): table `exam_dates`
 * (migrations/1764388800000_exam-dates.sql). Implements the port in src/exam-readiness/ports.ts.
 * Dates are read back as text, never through a JS Date (pg would parse `date` in local time).
 */

import type { ExamDateRepository } from '../exam-readiness/ports.ts';
import type { Database } from './db.ts';

/** {@link ExamDateRepository} on SQL. */
export class SqlExamDateRepository implements ExamDateRepository {
  constructor(private readonly db: Database) {}

  async get(teamId: string, userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ exam_date: string }>(
      `SELECT to_char(exam_date, 'YYYY-MM-DD') AS exam_date FROM exam_dates WHERE team_id = $1 AND user_id = $2`,
      [teamId, userId],
    );
    return rows[0]?.exam_date ?? null;
  }

  async set(teamId: string, userId: string, examDate: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO exam_dates (team_id, user_id, exam_date, updated_at) VALUES ($1, $2, $3::date, $4)
       ON CONFLICT (team_id, user_id) DO UPDATE SET exam_date = EXCLUDED.exam_date, updated_at = EXCLUDED.updated_at`,
      [teamId, userId, examDate, at],
    );
  }

  async clear(teamId: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'DELETE FROM exam_dates WHERE team_id = $1 AND user_id = $2 RETURNING 1',
      [teamId, userId],
    );
    return rows.length > 0;
  }
}
