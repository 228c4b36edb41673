/**
 * When each channel gets its daily quiz: a cron expression read in an IANA time zone, per Slack
 * team and channel. Validating `cron` and `timeZone` is the caller's job (quiz/ and config.ts);
 * this layer stores what it is given.
 */

import type { ChannelSchedule, ScheduleRepository } from '../daily-quiz/ports.ts';
import type { Database } from './db.ts';

interface Row {
  team_id: string;
  channel_id: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  updated_at: Date;
}

const COLUMNS = 'team_id, channel_id, cron, timezone, enabled, updated_at';

/** `ScheduleRepository` in Postgres SQL (table `channel_schedules`). */
export class SqlScheduleRepository implements ScheduleRepository {
  constructor(private readonly db: Database) {}

  async get(teamId: string, channelId: string): Promise<ChannelSchedule | null> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM channel_schedules WHERE team_id = $1 AND channel_id = $2`,
      [teamId, channelId],
    );
    return rows[0] ? toSchedule(rows[0]) : null;
  }

  async upsert(s: ChannelSchedule): Promise<void> {
    await this.db.query(
      `INSERT INTO channel_schedules (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (team_id, channel_id) DO UPDATE
       SET cron = EXCLUDED.cron, timezone = EXCLUDED.timezone, enabled = EXCLUDED.enabled,
           updated_at = EXCLUDED.updated_at`,
      [s.teamId, s.channelId, s.cron, s.timeZone, s.enabled, s.updatedAt],
    );
  }

  async listEnabled(): Promise<ChannelSchedule[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM channel_schedules s
        WHERE enabled AND NOT EXISTS (SELECT 1 FROM workspace_erasures e WHERE e.team_id = s.team_id)
        ORDER BY team_id, channel_id`,
    );
    return rows.map(toSchedule);
  }
}

function toSchedule(row: Row): ChannelSchedule {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    cron: row.cron,
    timeZone: row.timezone,
    enabled: row.enabled,
    updatedAt: row.updated_at,
  };
}
