/**
 * Review reminders on SQL (Postgres or PGlite): table `review_reminders`
 * (migrations/1764302400000_review-reminders.sql). Implements the port in
 * src/spaced-repetition/reminder-ports.ts. The claim is one conditional UPDATE, so of processes
 * sweeping at once exactly one sends a person's reminder of a local date (as the daily quiz's
 * claim row in quiz-post-repository.ts).
 */

import type {
  ReminderChange,
  ReminderRepository,
  ReminderSetting,
} from '../spaced-repetition/reminder-ports.ts';
import type { Database } from './db.ts';

interface Row {
  team_id: string;
  user_id: string;
  enabled: boolean;
  minute_of_day: number;
  timezone: string;
  last_local_date: string | null;
  dm_channel_id: string | null;
}

// to_char: pg turns a `date` into a local-midnight Date, PGlite into UTC midnight; text is exact.
const COLUMNS = `r.team_id, r.user_id, r.enabled, r.minute_of_day,
  coalesce(p.tz, r.timezone) AS timezone,
  to_char(r.last_local_date, 'YYYY-MM-DD') AS last_local_date, r.dm_channel_id`;

const setting = (row: Row): ReminderSetting => ({
  teamId: row.team_id,
  userId: row.user_id,
  enabled: row.enabled,
  minuteOfDay: Number(row.minute_of_day),
  timeZone: row.timezone,
  lastLocalDate: row.last_local_date,
  dmChannelId: row.dm_channel_id,
});

/** {@link ReminderRepository} on SQL. */
export class SqlReminderRepository implements ReminderRepository {
  constructor(private readonly db: Database) {}

  async get(teamId: string, userId: string): Promise<ReminderSetting | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM review_reminders r LEFT JOIN user_profiles p USING (team_id, user_id)
       WHERE r.team_id = $1 AND r.user_id = $2`,
      [teamId, userId],
    );
    return rows[0] && setting(rows[0]);
  }

  async save(c: ReminderChange): Promise<void> {
    await this.db.query(
      `INSERT INTO review_reminders (team_id, user_id, enabled, minute_of_day, timezone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (team_id, user_id) DO UPDATE
         SET enabled = $3, minute_of_day = $4, timezone = $5, updated_at = $6`,
      [c.teamId, c.userId, c.enabled, c.minuteOfDay, c.timeZone, c.updatedAt],
    );
  }

  async listEnabled(): Promise<ReminderSetting[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM review_reminders r LEFT JOIN user_profiles p USING (team_id, user_id)
       WHERE r.enabled AND NOT EXISTS (SELECT 1 FROM workspace_erasures e WHERE e.team_id = r.team_id)
       ORDER BY r.team_id, r.user_id`,
    );
    return rows.map(setting);
  }

  async claim(teamId: string, userId: string, localDate: string, now: Date): Promise<boolean> {
    // One statement: racing sweeps queue on the row lock and re-check the WHERE, so one wins.
    const { rows } = await this.db.query(
      `UPDATE review_reminders SET last_local_date = $3, claimed_at = $4
       WHERE team_id = $1 AND user_id = $2 AND enabled
         AND (last_local_date IS NULL OR last_local_date < $3::date)
       RETURNING 1`,
      [teamId, userId, localDate, now],
    );
    return rows.length === 1;
  }

  async release(teamId: string, userId: string, localDate: string): Promise<void> {
    await this.db.query(
      `UPDATE review_reminders SET last_local_date = $3::date - 1
       WHERE team_id = $1 AND user_id = $2 AND last_local_date = $3::date`,
      [teamId, userId, localDate],
    );
  }

  async saveDmChannel(teamId: string, userId: string, channelId: string): Promise<void> {
    await this.db.query(
      'UPDATE review_reminders SET dm_channel_id = $3 WHERE team_id = $1 AND user_id = $2',
      [teamId, userId, channelId],
    );
  }
}
