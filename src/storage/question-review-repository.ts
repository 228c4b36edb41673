/**
 * Question review on SQL (Postgres or PGlite): `team_questions` and `question_reports`
 * (migrations/1764043200000_question-review.sql). Implements the port in
 * src/question-review/ports.ts.
 */

import type {
  DraftMethod,
  QuestionReport,
  QuestionReviewRepository,
  ReportReason,
  TeamQuestion,
  TeamQuestionStatus,
} from '../question-review/ports.ts';
import { SUSPEND_AFTER_REPORTS } from '../question-review/ports.ts';
import type { Question } from '../quiz/question.ts';
import type { Database } from './db.ts';

interface TeamQuestionRow {
  team_id: string;
  status: TeamQuestionStatus;
  origin: DraftMethod;
  question: Question | string;
  created_at: Date;
  reviewed_at: Date | null;
}

interface ReportRow {
  team_id: string;
  question_id: string;
  user_id: string;
  reason: ReportReason;
  comment: string;
  reported_at: Date;
}

function teamQuestion(row: TeamQuestionRow): TeamQuestion {
  return {
    question: typeof row.question === 'string' ? (JSON.parse(row.question) as Question) : row.question,
    teamId: row.team_id,
    status: row.status,
    method: row.origin,
    createdAt: new Date(row.created_at),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at) : null,
  };
}

const COLUMNS = 'team_id, status, origin, question, created_at, reviewed_at';

/** {@link QuestionReviewRepository} on SQL. */
export class SqlQuestionReviewRepository implements QuestionReviewRepository {
  constructor(private readonly db: Database) {}

  async addDrafts(
    drafts: readonly { question: Question; teamId: string; method: DraftMethod }[],
    at: Date,
  ): Promise<string[]> {
    const added: string[] = [];
    for (const d of drafts) {
      const { rows } = await this.db.query<{ id: string }>(
        `INSERT INTO team_questions (id, team_id, status, origin, question, created_at)
         VALUES ($1, $2, 'draft', $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [d.question.id, d.teamId, d.method, JSON.stringify(d.question), at],
      );
      if (rows[0]) added.push(rows[0].id);
    }
    return added;
  }

  async teamQuestions(status?: TeamQuestionStatus): Promise<TeamQuestion[]> {
    const { rows } = await this.db.query<TeamQuestionRow>(
      `SELECT ${COLUMNS} FROM team_questions WHERE $1::text IS NULL OR status = $1
       ORDER BY created_at DESC, id`,
      [status ?? null],
    );
    return rows.map(teamQuestion);
  }

  async teamQuestion(id: string): Promise<TeamQuestion | undefined> {
    const { rows } = await this.db.query<TeamQuestionRow>(
      `SELECT ${COLUMNS} FROM team_questions WHERE id = $1`,
      [id],
    );
    return rows[0] ? teamQuestion(rows[0]) : undefined;
  }

  async approvedFor(teamId: string): Promise<Question[]> {
    const { rows } = await this.db.query<TeamQuestionRow>(
      `SELECT ${COLUMNS} FROM team_questions WHERE status = 'approved' AND team_id IN ('', $1) ORDER BY id`,
      [teamId],
    );
    return rows.map((r) => teamQuestion(r).question);
  }

  async setStatus(ids: readonly string[], status: TeamQuestionStatus, at: Date): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      'UPDATE team_questions SET status = $2, reviewed_at = $3 WHERE id = ANY($1::text[]) RETURNING id',
      [ids, status, at],
    );
    return rows.map((r) => r.id);
  }

  async report(r: QuestionReport): Promise<void> {
    await this.db.query(
      `INSERT INTO question_reports (team_id, question_id, user_id, reason, comment, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (team_id, question_id, user_id) DO UPDATE
         SET reason = EXCLUDED.reason, comment = EXCLUDED.comment,
             reported_at = EXCLUDED.reported_at, resolved_at = NULL`,
      [r.teamId, r.questionId, r.userId, r.reason, r.comment, r.reportedAt],
    );
  }

  async openReports(teamId?: string): Promise<QuestionReport[]> {
    const { rows } = await this.db.query<ReportRow>(
      `SELECT team_id, question_id, user_id, reason, comment, reported_at FROM question_reports
       WHERE resolved_at IS NULL AND ($1::text IS NULL OR team_id = $1)
       ORDER BY reported_at, question_id, user_id`,
      [teamId ?? null],
    );
    return rows.map((row) => ({
      teamId: row.team_id,
      questionId: row.question_id,
      userId: row.user_id,
      reason: row.reason,
      comment: row.comment,
      reportedAt: new Date(row.reported_at),
    }));
  }

  async suspendedIds(teamId: string): Promise<Set<string>> {
    const { rows } = await this.db.query<{ question_id: string }>(
      `SELECT question_id FROM question_reports WHERE team_id = $1 AND resolved_at IS NULL
       GROUP BY question_id HAVING count(*) >= $2`,
      [teamId, SUSPEND_AFTER_REPORTS],
    );
    return new Set(rows.map((r) => r.question_id));
  }

  async resolveReports(ids: readonly string[], at: Date): Promise<string[]> {
    const { rows } = await this.db.query<{ question_id: string }>(
      `UPDATE question_reports SET resolved_at = $2 WHERE question_id = ANY($1::text[]) AND resolved_at IS NULL
       RETURNING question_id`,
      [ids, at],
    );
    return [...new Set(rows.map((r) => r.question_id))];
  }
}
