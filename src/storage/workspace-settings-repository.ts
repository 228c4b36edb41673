/**
 * Workspace settings on SQL (Postgres or PGlite): table `workspace_settings`
 * (migrations/1764734400000_workspace-settings.sql). Implements the port in
 * src/daily-quiz/workspace-settings-ports.ts.
 */

import type {
  WorkspaceSettings,
  WorkspaceSettingsRepository,
} from '../daily-quiz/workspace-settings-ports.ts';
import type { Database } from './db.ts';

interface Row {
  team_id: string;
  quiz_schedule: string | null;
  quiz_timezone: string | null;
  notes_dir: string | null;
  updated_at: Date;
}

/** {@link WorkspaceSettingsRepository} on SQL. */
export class SqlWorkspaceSettingsRepository implements WorkspaceSettingsRepository {
  constructor(private readonly db: Pick<Database, 'query'>) {}

  async get(teamId: string): Promise<WorkspaceSettings | null> {
    const { rows } = await this.db.query<Row>(
      'SELECT team_id, quiz_schedule, quiz_timezone, notes_dir, updated_at FROM workspace_settings WHERE team_id = $1',
      [teamId],
    );
    const r = rows[0];
    return r
      ? {
          teamId: r.team_id,
          quizSchedule: r.quiz_schedule,
          quizTimeZone: r.quiz_timezone,
          notesDir: r.notes_dir,
          updatedAt: new Date(r.updated_at),
        }
      : null;
  }

  async save(s: WorkspaceSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO workspace_settings (team_id, quiz_schedule, quiz_timezone, notes_dir, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id) DO UPDATE SET quiz_schedule = EXCLUDED.quiz_schedule,
         quiz_timezone = EXCLUDED.quiz_timezone, notes_dir = EXCLUDED.notes_dir, updated_at = EXCLUDED.updated_at`,
      [s.teamId, s.quizSchedule, s.quizTimeZone, s.notesDir, s.updatedAt],
    );
  }
}
