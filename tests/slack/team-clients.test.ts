/**
 * Per-workspace Web API clients (src/slack/team-clients.ts): one workspace gets the same clients
 * for every team id; with OAuth install each team's token comes from `authorize` on every call,
 * the clients are made once per token and replaced when it rotates, and a team without a token
 * is a NoTeamTokenError naming it. `onePerInstallation` shares one `authorize` among concurrent
 * callers of one installation, each getting its own copy of the result.
 * `lastKnownWhileDatabaseDown` answers from the last result while the database is unavailable,
 * until that token expires (injected clock), forgets an uninstalled workspace, and passes other
 * failures on.
 */

import type { AuthorizeResult, InstallationQuery } from '@slack/oauth';
import { AuthorizationError } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import {
  installedTeamClients,
  lastKnownWhileDatabaseDown,
  NoTeamTokenError,
  onePerInstallation,
  singleWorkspaceClients,
} from '../../src/slack/team-clients.ts';
import { InstallationNotFoundError } from '../../src/storage/installation-repository.ts';

/** An `authorize` whose answers the test sets, recording what it was asked. */
function fakeAuthorize(tokens: Map<string, string>) {
  const asked: InstallationQuery<boolean>[] = [];
  const authorize = async (source: InstallationQuery<boolean>): Promise<AuthorizeResult> => {
    asked.push(source);
    const token = tokens.get(String(source.teamId));
    if (token === undefined) throw new Error(`no installation for team ${source.teamId}`);
    return { botToken: token || undefined, teamId: source.teamId };
  };
  return { asked, authorize };
}

describe('team clients', () => {
  it('one workspace: the same two clients whatever the team', async () => {
    const client = new WebClient('xoxb-one');
    const post = new WebClient('xoxb-one');
    const clients = singleWorkspaceClients(client, post);
    expect(await clients.client('T1')).toBe(client);
    expect(await clients.client('T2')).toBe(client);
    expect(await clients.postClient('T2')).toBe(post);
  });

  it('OAuth: each team’s token, asked on every call, its clients made once per token', async () => {
    const tokens = new Map([
      ['TA', 'xoxb-a'],
      ['TB', 'xoxb-b'],
    ]);
    const { asked, authorize } = fakeAuthorize(tokens);
    const clients = installedTeamClients(authorize);
    const a = await clients.client('TA');
    expect(a.token).toBe('xoxb-a');
    expect((await clients.postClient('TB')).token).toBe('xoxb-b');
    expect(await clients.client('TA')).toBe(a);
    expect(asked).toEqual([
      { teamId: 'TA', enterpriseId: undefined, isEnterpriseInstall: false },
      { teamId: 'TB', enterpriseId: undefined, isEnterpriseInstall: false },
      { teamId: 'TA', enterpriseId: undefined, isEnterpriseInstall: false },
    ]);
    tokens.set('TA', 'xoxb-a2'); // rotated
    const rotated = await clients.client('TA');
    expect(rotated).not.toBe(a);
    expect(rotated.token).toBe('xoxb-a2');
  });

  it('OAuth: a team with no installation, or one without a bot, is a NoTeamTokenError naming it', async () => {
    const { authorize } = fakeAuthorize(new Map([['TNOBOT', '']]));
    const clients = installedTeamClients(authorize);
    const gone = clients.postClient('TGONE');
    await expect(gone).rejects.toBeInstanceOf(NoTeamTokenError);
    await expect(gone).rejects.toThrow('no bot token for workspace TGONE (no installation for team TGONE)');
    await expect(clients.client('TNOBOT')).rejects.toThrow('no bot token for workspace TNOBOT');
  });

  it('onePerInstallation: concurrent callers share one call and each gets its own copy', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const shared = onePerInstallation(
      async (source: InstallationQuery<boolean>): Promise<AuthorizeResult> => {
        calls += 1;
        await gate;
        return { botToken: `xoxb-${source.teamId ?? source.enterpriseId}` };
      },
    );
    const team = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    const first = shared(team);
    const second = shared({ ...team, userId: 'U2' } as InstallationQuery<boolean>);
    const other = shared({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false });
    const org = shared({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true });
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(calls).toBe(3);
    expect(a).toEqual({ botToken: 'xoxb-T1' });
    expect(a).not.toBe(b);
    (a as AuthorizeResult & { userId?: string }).userId = 'U1'; // Bolt does this to its copy
    expect(b).toEqual({ botToken: 'xoxb-T1' });
    expect(await other).toEqual({ botToken: 'xoxb-T2' });
    expect(await org).toEqual({ botToken: 'xoxb-E1' });
    await shared(team);
    expect(calls).toBe(4);
  });

  it('lastKnownWhileDatabaseDown: the last token while the database is down, until it expires', async () => {
    let failure: Error | null = null;
    let expiresAt: number | undefined = 1_800_000_000; // UTC seconds
    const now = { ms: 1_799_999_000_000 };
    const authorize = lastKnownWhileDatabaseDown(
      async (source: InstallationQuery<boolean>) => {
        if (failure) throw new AuthorizationError(failure.message, failure); // as @slack/oauth wraps it
        return { botToken: `xoxe.xoxb-${source.teamId}`, botTokenExpiresAt: expiresAt };
      },
      () => now.ms,
    );
    const team = (teamId: string) => ({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false as const,
    });

    expect((await authorize(team('TA'))).botToken).toBe('xoxe.xoxb-TA');
    failure = new DatabaseUnavailableError('connection refused');
    expect((await authorize(team('TA'))).botToken).toBe('xoxe.xoxb-TA');
    // Never served before the outage: nothing to fall back on.
    await expect(authorize(team('TB'))).rejects.toThrow('connection refused');
    // Past the token's expiry the outage shows.
    now.ms = 1_800_000_001_000;
    await expect(authorize(team('TA'))).rejects.toThrow('connection refused');

    // A token without expiry (no rotation) is served through the outage; an uninstall forgets it.
    failure = null;
    expiresAt = undefined;
    await authorize(team('TC'));
    failure = new DatabaseUnavailableError('down');
    expect((await authorize(team('TC'))).botToken).toBe('xoxe.xoxb-TC');
    failure = new InstallationNotFoundError('no installation for team TC');
    await expect(authorize(team('TC'))).rejects.toThrow('no installation for team TC');
    failure = new DatabaseUnavailableError('down');
    await expect(authorize(team('TC'))).rejects.toThrow('down');
    // Other failures are not papered over.
    failure = null;
    await authorize(team('TD'));
    failure = new Error('relation "slack_installations" does not exist');
    await expect(authorize(team('TD'))).rejects.toThrow('does not exist');
  });
});
