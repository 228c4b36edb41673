/**
 * Display names and time zones of people, from the profile cache, refreshed from Slack
 * (users.info) when older than a day. Without Slack (console, CLI without a token) people are
 * shown by id in the default time zone. Names are plain text: never an @-mention.
 */

import type { UserProfile, UserRepository } from './ports.ts';

/** Fetches one profile from Slack; null when unknown. */
export type ProfileFetcher = (
  teamId: string,
  userId: string,
) => Promise<{ displayName: string; timeZone: string } | null>;

/** Profiles older than this are refreshed (ms). */
export const PROFILE_TTL_MS = 24 * 3_600_000;

/** Cached profile lookups. */
export class ProfileDirectory {
  constructor(
    private readonly repo: UserRepository,
    private readonly fetcher: ProfileFetcher | null,
    private readonly defaultTimeZone: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: Pick<Console, 'warn'> = console,
  ) {}

  /** Failures already logged, by team and message: a missing `users:read` scope is said once, not per person. */
  readonly #logged = new Set<string>();

  #warn(teamId: string, what: string, err: unknown): void {
    const message = (err as Error)?.message ?? String(err);
    const key = `${teamId}\u0000${what}\u0000${message}`;
    if (this.#logged.has(key)) return;
    this.#logged.add(key);
    this.log.warn(`profiles: ${what} failed (${message}); names show as ids until it works`, { teamId });
  }

  /** Profiles for `userIds` (every id gets one). A failing fetch falls back to the cache or the id. */
  async get(
    teamId: string,
    userIds: readonly string[],
  ): Promise<Map<string, { displayName: string; timeZone: string }>> {
    const now = this.clock();
    const cached = new Map((await this.repo.get(teamId, userIds)).map((p) => [p.userId, p]));
    const out = new Map<string, { displayName: string; timeZone: string }>();
    await Promise.all(
      userIds.map(async (userId) => {
        let profile: UserProfile | undefined = cached.get(userId);
        const stale = !profile || now.getTime() - profile.fetchedAt.getTime() > PROFILE_TTL_MS;
        if (stale && this.fetcher) {
          const fetched = await this.fetcher(teamId, userId).catch((err) => {
            this.#warn(teamId, 'users.info', err);
            return null;
          });
          if (fetched) {
            profile = { teamId, userId, ...fetched, fetchedAt: now };
            await this.repo.upsert(profile).catch((err) => this.#warn(teamId, 'storing a profile', err));
          }
        }
        out.set(userId, {
          displayName: profile?.displayName ?? userId,
          timeZone: profile?.timeZone ?? this.defaultTimeZone,
        });
      }),
    );
    return out;
  }
}
