/**
 * The data lifecycle on SQL (Postgres or PGlite): implements src/data-lifecycle/ports.ts over
 * every table that holds a person's or a workspace's rows. Deletions run in one transaction with
 * `saa.erase` on, which lets them through the review log's append-only trigger
 * (migrations/1764561600000_data-lifecycle.sql). Drafted team questions are install-wide
 * (team_id ''), not a workspace's, and are kept.
 */

import type {
  DataLifecycleRepository,
  DeletedRows,
  ErasureReason,
  ExportRow,
} from '../data-lifecycle/ports.ts';
import type { Database } from './db.ts';

/** Tables with one person's rows (team_id, user_id), children before parents. */
const PERSON_TABLES = [
  'study_card_reviews',
  'study_cards',
  'quiz_answers',
  'practice_answers',
  'user_totals',
  'user_profiles',
  'answer_feedback',
  'question_reports',
  'review_reminders',
  'exam_dates',
] as const;

/** Tables with a workspace's rows, children before parents (quiz_answers before quiz_posts). */
const WORKSPACE_TABLES = [
  ...PERSON_TABLES,
  'quiz_posts',
  'channel_schedules',
  'workspace_settings',
  'workspace_erasures',
] as const;

export class SqlDataLifecycleRepository implements DataLifecycleRepository {
  constructor(private readonly db: Database) {}

  #delete(tables: readonly string[], where: string, params: unknown[]): Promise<DeletedRows> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('saa.erase', 'on', true)`);
      const counts: DeletedRows = {};
      for (const table of tables) {
        // Table names come from the constants above, never from input.
        const { rowCount } = await tx.query(`DELETE FROM ${table} WHERE ${where}`, params);
        counts[table] = rowCount;
      }
      return counts;
    });
  }

  forgetPerson(teamId: string, userId: string): Promise<DeletedRows> {
    return this.#delete(PERSON_TABLES, 'team_id = $1 AND user_id = $2', [teamId, userId]);
  }

  eraseWorkspace(teamId: string): Promise<DeletedRows> {
    return this.#delete(WORKSPACE_TABLES, 'team_id = $1', [teamId]);
  }

  async exportScores(teamId: string): Promise<ExportRow[]> {
    const { rows } = await this.db.query<{
      user_id: string;
      display_name: string | null;
      points: string | number | null;
      daily_answered: string | number | null;
      daily_correct: string | number | null;
      practice_answered: string | number;
      practice_correct: string | number;
      cards: string | number;
    }>(
      `WITH people AS (
         SELECT user_id FROM user_totals WHERE team_id = $1
         UNION SELECT user_id FROM practice_answers WHERE team_id = $1
         UNION SELECT user_id FROM study_cards WHERE team_id = $1)
       SELECT p.user_id, u.display_name, t.points, t.answered AS daily_answered, t.correct AS daily_correct,
              (SELECT count(*) FROM practice_answers a WHERE a.team_id = $1 AND a.user_id = p.user_id) AS practice_answered,
              (SELECT count(*) FILTER (WHERE correct) FROM practice_answers a WHERE a.team_id = $1 AND a.user_id = p.user_id) AS practice_correct,
              (SELECT count(*) FROM study_cards c WHERE c.team_id = $1 AND c.user_id = p.user_id) AS cards
         FROM people p
         LEFT JOIN user_totals t ON t.team_id = $1 AND t.user_id = p.user_id
         LEFT JOIN user_profiles u ON u.team_id = $1 AND u.user_id = p.user_id
        ORDER BY coalesce(t.points, 0) DESC, p.user_id`,
      [teamId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name ?? '',
      points: Number(r.points ?? 0),
      dailyAnswered: Number(r.daily_answered ?? 0),
      dailyCorrect: Number(r.daily_correct ?? 0),
      practiceAnswered: Number(r.practice_answered),
      practiceCorrect: Number(r.practice_correct),
      cards: Number(r.cards),
    }));
  }

  async scheduleErasure(teamId: string, at: Date, reason: ErasureReason): Promise<void> {
    await this.db.query(
      `INSERT INTO workspace_erasures (team_id, requested_at, reason) VALUES ($1, $2, $3)
       ON CONFLICT (team_id) DO NOTHING`,
      [teamId, at, reason],
    );
  }

  async cancelErasure(teamId: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM workspace_erasures WHERE team_id = $1', [teamId]);
    return rowCount > 0;
  }

  async dueErasures(before: Date): Promise<string[]> {
    const { rows } = await this.db.query<{ team_id: string }>(
      'SELECT team_id FROM workspace_erasures WHERE requested_at <= $1 ORDER BY requested_at',
      [before],
    );
    return rows.map((r) => r.team_id);
  }

  async pendingErasures(): Promise<Set<string>> {
    const { rows } = await this.db.query<{ team_id: string }>('SELECT team_id FROM workspace_erasures');
    return new Set(rows.map((r) => r.team_id));
  }
}
