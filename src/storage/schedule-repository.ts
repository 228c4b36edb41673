/**
 * When each channel gets its daily quiz: a cron expression read in an IANA time zone, per Slack
 * team and channel. Validating `cron` and `timezone` is the caller's job (quiz/ and config.ts);
 * this layer stores what it is given.
 */

import type { Database } from './db.ts';

/** One channel's quiz schedule. `cron`: five fields as node-cron reads them; `timezone`: IANA name. */
export interface ChannelSchedule {
  teamId: string;
  channelId: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  /** When the schedule was last changed (the caller's clock). */
  updatedAt: Date;
}

/** Stored channel schedules. */
export interface ScheduleRepository {
  /** The channel's schedule, or null when it never had one. */
  get(teamId: string, channelId: string): Promise<ChannelSchedule | null>;
  /** Creates or replaces the channel's schedule (all fields, including `updatedAt`). */
  upsert(schedule: ChannelSchedule): Promise<void>;
  /**
   * Every enabled schedule, all teams, ordered by team then channel; not those of a workspace
   * whose erasure is pending (it uninstalled the app: no token to post with).
   */
  listEnabled(): Promise<ChannelSchedule[]>;
}

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
      [s.teamId, s.channelId, s.cron, s.timezone, s.enabled, s.updatedAt],
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
    timezone: row.timezone,
    enabled: row.enabled,
    updatedAt: row.updated_at,
  };
}
