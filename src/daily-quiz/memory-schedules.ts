/**
 * {@link ScheduleRepository} in memory: the same behaviour as the SQL one (the contract tests in
 * tests/storage/schedule-repository.test.ts run on both): one schedule per team and channel,
 * stored as given (validating `cron` and `timeZone` is the caller's job). For rule tests; not
 * shared between processes.
 */

import { byText } from './memory-quiz-records.ts';
import type { ChannelSchedule, ScheduleRepository } from './ports.ts';

const key = (teamId: string, channelId: string) => `${teamId}\0${channelId}`;

/** In-memory channel schedules. */
export class MemoryScheduleRepository implements ScheduleRepository {
  readonly #schedules = new Map<string, ChannelSchedule>();

  async get(teamId: string, channelId: string): Promise<ChannelSchedule | null> {
    const s = this.#schedules.get(key(teamId, channelId));
    return s ? structuredClone(s) : null;
  }

  async upsert(schedule: ChannelSchedule): Promise<void> {
    this.#schedules.set(key(schedule.teamId, schedule.channelId), structuredClone(schedule));
  }

  /** Memory holds no workspace erasures (those live beside SQL data), so no schedule is held back for one. */
  async listEnabled(): Promise<ChannelSchedule[]> {
    return [...this.#schedules.values()]
      .filter((s) => s.enabled)
      .sort((a, b) => byText(a.teamId, b.teamId) || byText(a.channelId, b.channelId))
      .map((s) => structuredClone(s));
  }
}
