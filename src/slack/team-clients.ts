/**
 * Web API clients per workspace, for the calls the bot makes on its own rather than in answer to
 * a request (the daily post, its reveal and answer count, review reminders, profile look-ups):
 * those carry the token of the workspace they go to. Two implementations:
 * - one workspace (SLACK_BOT_TOKEN): the same two clients for every team id;
 * - OAuth install: the installer's `authorize` (@slack/oauth `InstallProvider.authorize`, the one
 *   Bolt uses for incoming requests) is asked for the team's bot token before each call, so a
 *   token about to expire is refreshed first (oauth.v2.access with grant_type=refresh_token,
 *   when it expires within 2 hours) and stored back by the installer, and an uninstalled
 *   workspace gets no client at all. One client pair is kept per team and token, replaced when
 *   the token rotates.
 * {@link onePerInstallation} makes concurrent look-ups of one installation share one `authorize`
 * call, incoming requests and outbound calls alike, so one process does not refresh a token
 * twice at once: Slack revokes a refresh token once it is used
 * (https://docs.slack.dev/authentication/using-token-rotation).
 * {@link lastKnownWhileDatabaseDown} keeps a workspace answered while the database is down, with
 * the token this process last read for it, until that token expires.
 */

import type { AuthorizeResult, InstallationQuery } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import { DatabaseUnavailableError } from '../database-unavailable.ts';
import { InstallationNotFoundError } from '../storage/installation-repository.ts';
import {
  type SlackClientSettings,
  singleAttemptOptions,
  slackClientOptions,
} from './slack-client-options.ts';

/** Clients carrying the bot token of a workspace. */
export interface TeamClients {
  /**
   * A client with retries (slack-client-options.ts `slackClientOptions`) for workspace `teamId`.
   * @throws NoTeamTokenError when the workspace has no installation (never installed, uninstalled)
   *   or its installation cannot be read (database down).
   */
  client(teamId: string): Promise<WebClient>;
  /**
   * The same token in one attempt (`singleAttemptOptions`): for posts a blind retry could double.
   * @throws NoTeamTokenError as {@link TeamClients.client}.
   */
  postClient(teamId: string): Promise<WebClient>;
}

/** No bot token could be had for a workspace; `cause` says why (the installer's AuthorizationError). */
export class NoTeamTokenError extends Error {
  constructor(
    readonly teamId: string,
    options?: { cause?: unknown },
  ) {
    const reason = (options?.cause as Error | undefined)?.message;
    super(`no bot token for workspace ${teamId}${reason ? ` (${reason})` : ''}`, options);
    this.name = 'NoTeamTokenError';
  }
}

/** One workspace: `client` (with retries) and `postClient` (one attempt) whatever the team id. */
export function singleWorkspaceClients(client: WebClient, postClient: WebClient = client): TeamClients {
  return { client: async () => client, postClient: async () => postClient };
}

/** What {@link installedTeamClients} asks for a workspace's token: Bolt's installer `authorize`. */
export type TeamAuthorize = (source: InstallationQuery<false>) => Promise<AuthorizeResult>;

/**
 * Clients from the installation store through `authorize`, with `settings` (API URL, deadline)
 * on every client made. The token is looked up on every call (one indexed query; refreshed when
 * it is about to expire); the clients for a token are made once.
 */
export function installedTeamClients(
  authorize: TeamAuthorize,
  settings: SlackClientSettings = {},
): TeamClients {
  const cached = new Map<string, { token: string; client: WebClient; postClient: WebClient }>();

  const clients = async (teamId: string) => {
    let current: string | undefined;
    try {
      current = (await authorize({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).botToken;
    } catch (err) {
      throw new NoTeamTokenError(teamId, { cause: err });
    }
    if (!current)
      throw new NoTeamTokenError(teamId, { cause: new Error('the installation has no bot token') });
    const entry = cached.get(teamId);
    if (entry?.token === current) return entry;
    const made = {
      token: current,
      client: new WebClient(current, slackClientOptions(settings)),
      postClient: new WebClient(current, singleAttemptOptions(settings)),
    };
    cached.set(teamId, made);
    return made;
  };

  return {
    client: async (teamId) => (await clients(teamId)).client,
    postClient: async (teamId) => (await clients(teamId)).postClient,
  };
}

/**
 * `authorize` with one call in flight per installation (org-wide: per enterprise id; otherwise
 * per team id): callers that ask while a call runs get its result, each its own copy (Bolt adds
 * the request's user id to the object it gets).
 */
export function onePerInstallation<S extends InstallationQuery<boolean>>(
  authorize: (source: S) => Promise<AuthorizeResult>,
): (source: S) => Promise<AuthorizeResult> {
  const inFlight = new Map<string, Promise<AuthorizeResult>>();
  return (source) => {
    const key = installationKey(source);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = authorize(source).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending.then((result) => ({ ...result }));
  };
}

/** The installation a query is about: its enterprise id (org-wide install) or its team id. */
function installationKey(source: InstallationQuery<boolean>): string {
  return source.isEnterpriseInstall ? `E:${source.enterpriseId}` : `T:${source.teamId}`;
}

/**
 * True when `err`, or an error it wraps (`original`, else `cause`: @slack/oauth's and Bolt's
 * AuthorizationError wrap the installation store's error), is an instance of `type`.
 */
export function causedBy(err: unknown, type: new (...args: never[]) => Error): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (e instanceof type) return true;
    e = (e as { original?: unknown }).original ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * `authorize` that, when the installation store cannot be read because the database is
 * unavailable (DatabaseUnavailableError), answers with a copy of the last result it returned for
 * that installation, while its bot token has not expired (`botTokenExpiresAt`, UTC seconds,
 * read against `now`, ms): answers and replies keep working through an outage, as with one
 * workspace. A workspace found not installed is forgotten; any other failure is rethrown.
 * Memory: one result per installation this process served.
 */
export function lastKnownWhileDatabaseDown<S extends InstallationQuery<boolean>>(
  authorize: (source: S) => Promise<AuthorizeResult>,
  now: () => number = Date.now,
): (source: S) => Promise<AuthorizeResult> {
  const lastKnown = new Map<string, AuthorizeResult>();
  return async (source) => {
    const key = installationKey(source);
    try {
      const result = await authorize(source);
      lastKnown.set(key, { ...result });
      return result;
    } catch (err) {
      if (causedBy(err, InstallationNotFoundError)) lastKnown.delete(key);
      const known = lastKnown.get(key);
      const fresh =
        known && (known.botTokenExpiresAt === undefined || known.botTokenExpiresAt * 1000 > now());
      if (known && fresh && causedBy(err, DatabaseUnavailableError)) return { ...known };
      throw err;
    }
  };
}
