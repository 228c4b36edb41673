/** Cached Slack profiles (display name, time zone) per team. */

import type { UserProfile, UserRepository } from '../scores/ports.ts';
import type { Database } from './db.ts';

/** Postgres-SQL implementation (pg and PGlite). */
export class SqlUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  async get(teamId: string, userIds: readonly string[]): Promise<UserProfile[]> {
    if (userIds.length === 0) return [];
    const { rows } = await this.db.query<{
      user_id: string;
      display_name: string;
      tz: string;
      fetched_at: Date | string;
    }>(
      'SELECT user_id, display_name, tz, fetched_at FROM user_profiles WHERE team_id = $1 AND user_id = ANY($2::text[])',
      [teamId, [...userIds]],
    );
    return rows.map((r) => ({
      teamId,
      userId: r.user_id,
      displayName: r.display_name,
      timeZone: r.tz,
      fetchedAt: new Date(r.fetched_at),
    }));
  }

  async upsert(p: UserProfile): Promise<void> {
    await this.db.query(
      `INSERT INTO user_profiles (team_id, user_id, display_name, tz, fetched_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (team_id, user_id) DO UPDATE SET display_name = $3, tz = $4, fetched_at = $5`,
      [p.teamId, p.userId, p.displayName, p.timeZone, p.fetchedAt],
    );
  }
}
