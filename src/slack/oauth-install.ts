/**
 * OAuth install on Bolt's own installer (issue 14, item 1): what the ExpressReceiver is given so
 * its InstallProvider serves `/slack/install` and `/slack/oauth_redirect` over our installation
 * store (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/), how its
 * `authorize` is guarded before the App uses it, and which refused requests are not our failure.
 */

import type { ExpressReceiver, Logger } from '@slack/bolt';
import {
  type CallbackOptions,
  defaultCallbackSuccess,
  type Installation,
  type InstallationStore,
} from '@slack/oauth';
import { InstallationNotFoundError } from '../storage/installation-repository.ts';
import type { slackClientOptions } from './slack-client-options.ts';
import { causedBy, lastKnownWhileDatabaseDown, onePerInstallation } from './team-clients.ts';

/**
 * OAuth install (several workspaces): the app's credentials (config SLACK_CLIENT_ID,
 * SLACK_CLIENT_SECRET, SLACK_STATE_SECRET), where installations are kept, and the bot scopes
 * asked for (bot-scopes.ts).
 */
export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` of the install flow (checked against the browser's cookie). */
  stateSecret: string;
  installationStore: InstallationStore;
  scopes: readonly string[];
  /** Called after an installation was stored (e.g. cancel the workspace's pending erasure); errors are logged. */
  onInstalled?: (installation: Installation) => Promise<void>;
}

/**
 * The ExpressReceiver's OAuth options (spread into its constructor options): Bolt's installer on `/slack/install` (the "Add to Slack"
 * page, not a direct redirect, so the state cookie is set) and `/slack/oauth_redirect`, its Web
 * API calls (oauth.v2.access, auth.test) with our client options (deadline, API URL), and after a
 * stored installation `onInstalled`, then Bolt's own success page.
 */
export function oauthReceiverOptions(
  oauth: OAuthOptions,
  clientOptions: ReturnType<typeof slackClientOptions>,
  log: () => Logger,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: oauth.installationStore,
    scopes: [...oauth.scopes],
    installerOptions: {
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      directInstall: false,
      clientOptions,
      callbackOptions: {
        successAsync: (async (installation, installOptions, req, res) => {
          const where = installation.isEnterpriseInstall
            ? `enterprise ${installation.enterprise?.id}`
            : `workspace ${installation.team?.id}`;
          log().info(`installed in ${where}`);
          await oauth
            .onInstalled?.(installation)
            .catch((err) => log().error('after install', { where, err }));
          defaultCallbackSuccess(installation, installOptions, req, res);
        }) satisfies CallbackOptions['successAsync'],
      },
    },
  };
}

/**
 * Wraps the installer's `authorize` in place, before the App reads it: one call (and so one token
 * refresh) per installation at a time, and the last token read for a workspace while the
 * database is down (team-clients.ts).
 */
export function guardAuthorize(installer: NonNullable<ExpressReceiver['installer']>): void {
  installer.authorize = onePerInstallation(lastKnownWhileDatabaseDown(installer.authorize));
}

/**
 * True when Bolt refused a request because its workspace has no installation (never installed,
 * or uninstalled and Slack still delivering): theirs, not our failure. Bolt acks it and runs no
 * listener.
 */
export function refusedForNoInstallation(err: Error): boolean {
  return causedBy(err, InstallationNotFoundError);
}
