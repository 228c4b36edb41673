-- Up Migration
-- OAuth install (issue 14, item 1): one row per installation of the app, as @slack/oauth's
-- InstallationStore stores and fetches it (src/storage/installation-repository.ts). A workspace
-- install is keyed by its team id; an Enterprise Grid org-wide install
-- (https://docs.slack.dev/enterprise-grid/) by its enterprise id, with no team id. Team ids are
-- unique across Slack, so a workspace inside a Grid that installed the app on its own is still
-- found by its team id alone. The bot token and its rotation (refresh token, expiry;
-- https://docs.slack.dev/authentication/using-token-rotation) are columns, read back into the
-- installation; `installation` keeps the rest of what Slack returned, without tokens.
-- Deleted at once on `app_uninstalled` or a revoked bot token.
CREATE TABLE slack_installations (
  enterprise_id         text,
  team_id               text,
  is_enterprise_install boolean     NOT NULL,
  app_id                text,
  bot_token             text        NOT NULL,
  bot_refresh_token     text,
  bot_token_expires_at  timestamptz,
  bot_id                text,
  bot_user_id           text        NOT NULL,
  bot_scopes            text[]      NOT NULL,
  installer_user_id     text,
  installation          jsonb       NOT NULL,
  installed_at          timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (CASE WHEN is_enterprise_install THEN enterprise_id IS NOT NULL ELSE team_id IS NOT NULL END),
  -- Token rotation gives both or neither.
  CHECK ((bot_refresh_token IS NULL) = (bot_token_expires_at IS NULL))
);

CREATE UNIQUE INDEX slack_installations_team ON slack_installations (team_id) WHERE NOT is_enterprise_install;
CREATE UNIQUE INDEX slack_installations_enterprise ON slack_installations (enterprise_id) WHERE is_enterprise_install;

-- Down Migration
DROP TABLE slack_installations;
