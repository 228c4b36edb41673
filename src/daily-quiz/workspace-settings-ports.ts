/**
 * The storage port of per-workspace settings (issue 14, item 1): the daily-quiz schedule and
 * time zone a workspace's channels get when nobody says which, and the notes folder its answers
 * come from. Implemented on SQL
 * (src/storage/workspace-settings-repository.ts, table `workspace_settings` of
 * migrations/1764734400000_workspace-settings.sql) and in memory
 * (memory-workspace-settings.ts, for rule tests). Values are stored as given: the use case
 * (workspace-defaults.ts) validates them.
 */

/** A workspace's settings; null fields fall back to QUIZ_SCHEDULE, QUIZ_TIMEZONE and NOTES_DIR. */
export interface WorkspaceSettings {
  teamId: string;
  /** Five-field cron expression (as node-cron reads it), or null. */
  quizSchedule: string | null;
  /** IANA time zone name, or null. */
  quizTimeZone: string | null;
  /** The workspace's own notes folder (absolute path on the bot's machine), or null for NOTES_DIR. */
  notesDir: string | null;
  /** When the settings were last changed (the caller's clock). */
  updatedAt: Date;
}

/** Stored workspace settings. */
export interface WorkspaceSettingsRepository {
  /** The workspace's settings, or null when it never had any. */
  get(teamId: string): Promise<WorkspaceSettings | null>;
  /** Creates or replaces the workspace's settings (every field). */
  save(settings: WorkspaceSettings): Promise<void>;
}
