/**
 * The Slack Web API clients of a one-shot `saa` command (`quiz post`, `leaderboard`): the one
 * SLACK_BOT_TOKEN's, or with OAuth install each workspace's, and which workspace a command is
 * about.
 */

import { type InstallationStore, InstallProvider, LogLevel } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import { type Config, oauthConfigured } from '../config.ts';
import { singleAttemptOptions, slackClientOptions } from '../slack/slack-client-options.ts';
import {
  installedTeamClients,
  onePerInstallation,
  singleWorkspaceClients,
  type TeamClients,
} from '../slack/team-clients.ts';

/**
 * The Slack clients of a `saa` command: the one SLACK_BOT_TOKEN's, or with OAuth install each
 * workspace's from its installation through @slack/oauth's `InstallProvider.authorize` (a token
 * about to expire is refreshed and stored back, as in the bot); null with neither.
 */
export function teamClients(config: Config, installations: InstallationStore): TeamClients | null {
  const settings = { apiUrl: config.SLACK_API_URL, timeoutMs: config.SLACK_API_TIMEOUT_MS };
  if (config.SLACK_BOT_TOKEN)
    return singleWorkspaceClients(
      new WebClient(config.SLACK_BOT_TOKEN, slackClientOptions(settings)),
      new WebClient(config.SLACK_BOT_TOKEN, singleAttemptOptions(settings)),
    );
  if (!oauthConfigured(config)) return null;
  const installer = new InstallProvider({
    clientId: config.SLACK_CLIENT_ID ?? '',
    clientSecret: config.SLACK_CLIENT_SECRET ?? '',
    stateSecret: config.SLACK_STATE_SECRET,
    installationStore: installations,
    clientOptions: slackClientOptions(settings),
    logLevel: LogLevel.ERROR,
  });
  return installedTeamClients(onePerInstallation(installer.authorize), settings);
}

/**
 * The workspace a command is about: `--team`, else (one workspace) the token's own team
 * (auth.test); with OAuth install `--team` is required: there is no token without it.
 */
export async function teamOf(
  given: string | undefined,
  config: Config,
  clients: TeamClients,
): Promise<string | null> {
  if (given) return given;
  if (!config.SLACK_BOT_TOKEN) return null;
  return String((await (await clients.client('')).auth.test()).team_id ?? '');
}
