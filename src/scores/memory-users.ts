/**
 * {@link UserRepository} in memory: the same profile cache as the SQL one (the contract tests in
 * tests/storage/user-repository.test.ts run on both), one profile per workspace and person. For
 * rule tests; not shared between processes.
 */

import type { UserProfile, UserRepository } from './ports.ts';

const key = (teamId: string, userId: string) => `${teamId}\0${userId}`;

/** In-memory profile cache. */
export class MemoryUserRepository implements UserRepository {
  readonly #profiles = new Map<string, UserProfile>();

  async get(teamId: string, userIds: readonly string[]): Promise<UserProfile[]> {
    return [...new Set(userIds)].flatMap((userId) => {
      const p = this.#profiles.get(key(teamId, userId));
      return p ? [structuredClone(p)] : [];
    });
  }

  async upsert(profile: UserProfile): Promise<void> {
    this.#profiles.set(key(profile.teamId, profile.userId), structuredClone(profile));
  }
}
