/**
 * The installation store (issue 14, item 1) on PGlite, and Postgres with DATABASE_URL: a
 * workspace install is keyed by its team id (also inside an Enterprise Grid, found without the
 * enterprise id), an org-wide install by its enterprise id; a reinstall replaces the row and
 * keeps when it was first installed; the bot token, refresh token and expiry (UTC seconds) round
 * trip through columns and never sit in the stored JSON; deletion removes only the queried
 * install; an installation without a bot or a key is refused.
 */

import type { Installation } from '@slack/oauth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import {
  InstallationNotFoundError,
  InvalidInstallationError,
  SqlInstallationStore,
} from '../../src/storage/installation-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { useMigratedDatabase } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';

/** A v2 workspace installation as @slack/oauth builds it from oauth.v2.access. */
function teamInstall(teamId: string, token: string, extra: Partial<Installation> = {}): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'UINSTALLER' },
    bot: { token, scopes: ['commands', 'chat:write'], id: 'B1', userId: 'UBOT' },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A1',
    authVersion: 'v2',
    ...extra,
  };
}

function orgInstall(enterpriseId: string, token: string): Installation {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Org' },
    user: { token: undefined, scopes: undefined, id: 'UADMIN' },
    bot: { token, scopes: ['commands'], id: 'B2', userId: 'UBOT2' },
    tokenType: 'bot',
    isEnterpriseInstall: true,
    enterpriseUrl: 'https://org.enterprise.slack.com/',
    appId: 'A1',
    authVersion: 'v2',
  };
}

const byTeam = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

describe.each(testDatabases())('SqlInstallationStore on $name', (target) => {
  let db: Database;
  let store: SqlInstallationStore;
  const clock = new TestClock('2026-12-08T10:00:00Z');

  const database = useMigratedDatabase(target);

  beforeAll(async () => {
    db = database.db;
    store = new SqlInstallationStore(db, clock.now);
  });

  const row = async (teamId: string) =>
    (
      await db.query<{ installed_at: Date; updated_at: Date; installation: unknown; bot_token: string }>(
        'SELECT installed_at, updated_at, installation, bot_token FROM slack_installations WHERE team_id = $1',
        [teamId],
      )
    ).rows[0];

  it('a workspace install round-trips by team id, tokens in columns only', async () => {
    const team = uniqueId('T');
    await store.storeInstallation(teamInstall(team, 'xoxb-first'));
    const got = await store.fetchInstallation(byTeam(team));
    expect(got.team?.id).toBe(team);
    expect(got.bot).toEqual({
      token: 'xoxb-first',
      scopes: ['commands', 'chat:write'],
      id: 'B1',
      userId: 'UBOT',
    });
    expect(got.user.id).toBe('UINSTALLER');
    expect(got.appId).toBe('A1');
    expect(got.authVersion).toBe('v2');
    expect(JSON.stringify((await row(team))?.installation)).not.toContain('xoxb-');
  });

  it('a reinstall replaces the token and scopes, keeps installed_at and moves updated_at', async () => {
    const team = uniqueId('T');
    await store.storeInstallation(teamInstall(team, 'xoxb-old'));
    const first = await row(team);
    clock.advance(3_600_000);
    await store.storeInstallation({
      ...teamInstall(team, 'xoxb-new'),
      bot: { token: 'xoxb-new', scopes: ['commands', 'chat:write', 'users:read'], id: 'B1', userId: 'UBOT' },
    });
    const second = await row(team);
    expect(second?.installed_at.getTime()).toBe(first?.installed_at.getTime());
    expect(second?.updated_at.getTime()).toBe((first?.updated_at.getTime() ?? 0) + 3_600_000);
    const got = await store.fetchInstallation(byTeam(team));
    expect(got.bot?.token).toBe('xoxb-new');
    expect(got.bot?.scopes).toContain('users:read');
    expect(
      (await db.query('SELECT 1 FROM slack_installations WHERE team_id = $1', [team])).rows,
    ).toHaveLength(1);
  });

  it('token rotation: refresh token and expiry (UTC seconds) round-trip, and stay absent without rotation', async () => {
    const team = uniqueId('T');
    const expiresAt = Math.floor(Date.parse('2026-12-08T22:00:00Z') / 1000);
    await store.storeInstallation(
      teamInstall(team, 'xoxe.xoxb-1', {
        bot: {
          token: 'xoxe.xoxb-1',
          refreshToken: 'xoxe-1-r',
          expiresAt,
          scopes: ['chat:write'],
          id: 'B1',
          userId: 'UBOT',
        },
      }),
    );
    const got = await store.fetchInstallation(byTeam(team));
    expect(got.bot?.refreshToken).toBe('xoxe-1-r');
    expect(got.bot?.expiresAt).toBe(expiresAt);
    expect(JSON.stringify((await row(team))?.installation)).not.toContain('xoxe');

    const plain = uniqueId('T');
    await store.storeInstallation(teamInstall(plain, 'xoxb-plain'));
    const bot = (await store.fetchInstallation(byTeam(plain))).bot;
    expect(bot && 'refreshToken' in bot).toBe(false);
    expect(bot && 'expiresAt' in bot).toBe(false);
  });

  it('Enterprise Grid: an org-wide install by enterprise id, a workspace of the org by its team id', async () => {
    const enterprise = uniqueId('E');
    const team = uniqueId('T');
    await store.storeInstallation(orgInstall(enterprise, 'xoxb-org'));
    await store.storeInstallation(teamInstall(team, 'xoxb-grid-team', { enterprise: { id: enterprise } }));

    const org = await store.fetchInstallation({
      teamId: undefined,
      enterpriseId: enterprise,
      isEnterpriseInstall: true,
    });
    expect(org.bot?.token).toBe('xoxb-org');
    expect(org.isEnterpriseInstall).toBe(true);
    expect(org.enterpriseUrl).toBe('https://org.enterprise.slack.com/');
    // A workspace's own install is found by its team id, with or without the enterprise id.
    expect((await store.fetchInstallation(byTeam(team))).bot?.token).toBe('xoxb-grid-team');
    expect(
      (await store.fetchInstallation({ teamId: team, enterpriseId: enterprise, isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe('xoxb-grid-team');
    // An org-wide reinstall replaces the org row, not the workspace's.
    await store.storeInstallation(orgInstall(enterprise, 'xoxb-org-2'));
    expect(
      (
        await store.fetchInstallation({
          teamId: undefined,
          enterpriseId: enterprise,
          isEnterpriseInstall: true,
        })
      ).bot?.token,
    ).toBe('xoxb-org-2');
    expect((await store.fetchInstallation(byTeam(team))).bot?.token).toBe('xoxb-grid-team');

    await store.deleteInstallation({
      teamId: undefined,
      enterpriseId: enterprise,
      isEnterpriseInstall: true,
    });
    await expect(
      store.fetchInstallation({ teamId: undefined, enterpriseId: enterprise, isEnterpriseInstall: true }),
    ).rejects.toBeInstanceOf(InstallationNotFoundError);
    expect((await store.fetchInstallation(byTeam(team))).bot?.token).toBe('xoxb-grid-team');
  });

  it('delete removes only that workspace; deleting again or fetching it is not-found', async () => {
    const gone = uniqueId('T');
    const kept = uniqueId('T');
    await store.storeInstallation(teamInstall(gone, 'xoxb-gone'));
    await store.storeInstallation(teamInstall(kept, 'xoxb-kept'));
    await store.deleteInstallation(byTeam(gone));
    await store.deleteInstallation(byTeam(gone));
    await expect(store.fetchInstallation(byTeam(gone))).rejects.toThrow(`no installation for team ${gone}`);
    expect((await store.fetchInstallation(byTeam(kept))).bot?.token).toBe('xoxb-kept');
  });

  it('refuses an installation without a bot token or without its key', async () => {
    const team = uniqueId('T');
    const { bot: _bot, ...noBot } = teamInstall(team, 'x');
    await expect(store.storeInstallation(noBot as Installation)).rejects.toBeInstanceOf(
      InvalidInstallationError,
    );
    await expect(
      store.storeInstallation({
        ...orgInstall('x', 'xoxb-x'),
        enterprise: undefined,
      } as unknown as Installation),
    ).rejects.toThrow('without its enterprise id');
    await expect(store.fetchInstallation(byTeam(team))).rejects.toBeInstanceOf(InstallationNotFoundError);
  });
});
