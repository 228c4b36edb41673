/**
 * The bot scopes the app asks for when a workspace installs it through `/slack/install`: the
 * same list as `oauth_config.scopes.bot` in manifest.yml (a test keeps the two equal). What each
 * is for: README "Install into a Slack workspace"; https://docs.slack.dev/reference/scopes.
 */
export const BOT_SCOPES: readonly string[] = [
  'commands',
  'app_mentions:read',
  'assistant:write',
  'chat:write',
  'chat:write.public',
  'im:write',
  'channels:history',
  'groups:history',
  'im:history',
  'users:read',
];
