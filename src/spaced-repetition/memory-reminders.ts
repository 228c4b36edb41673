/**
 * {@link ReminderRepository} in memory, for rule tests: the same claims as the SQL one, without
 * the profile cache (the time zone is the one stored). Not shared between processes.
 */

import type { ReminderChange, ReminderRepository, ReminderSetting } from './reminder-ports.ts';

const key = (teamId: string, userId: string) => `${teamId}\0${userId}`;

/** The day before a YYYY-MM-DD date. */
function dayBefore(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** In-memory reminder settings. */
export class MemoryReminderRepository implements ReminderRepository {
  readonly #rows = new Map<string, ReminderSetting>();

  async get(teamId: string, userId: string): Promise<ReminderSetting | undefined> {
    const row = this.#rows.get(key(teamId, userId));
    return row && { ...row };
  }

  async save(c: ReminderChange): Promise<void> {
    const old = this.#rows.get(key(c.teamId, c.userId));
    this.#rows.set(key(c.teamId, c.userId), {
      teamId: c.teamId,
      userId: c.userId,
      enabled: c.enabled,
      minuteOfDay: c.minuteOfDay,
      timeZone: c.timeZone,
      lastLocalDate: old?.lastLocalDate ?? null,
      dmChannelId: old?.dmChannelId ?? null,
    });
  }

  async listEnabled(): Promise<ReminderSetting[]> {
    return [...this.#rows.values()]
      .filter((r) => r.enabled)
      .sort((a, b) => (key(a.teamId, a.userId) < key(b.teamId, b.userId) ? -1 : 1))
      .map((r) => ({ ...r }));
  }

  async claim(teamId: string, userId: string, localDate: string): Promise<boolean> {
    const row = this.#rows.get(key(teamId, userId));
    if (!row?.enabled || (row.lastLocalDate !== null && row.lastLocalDate >= localDate)) return false;
    row.lastLocalDate = localDate;
    return true;
  }

  async release(teamId: string, userId: string, localDate: string): Promise<void> {
    const row = this.#rows.get(key(teamId, userId));
    if (row?.lastLocalDate === localDate) row.lastLocalDate = dayBefore(localDate);
  }

  async saveDmChannel(teamId: string, userId: string, channelId: string): Promise<void> {
    const row = this.#rows.get(key(teamId, userId));
    if (row) row.dmChannelId = channelId;
  }
}
