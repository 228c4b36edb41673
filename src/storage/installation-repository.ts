/**
 * The app's installations on SQL (Postgres or PGlite): table `slack_installations`
 * (migrations/1764648000000_slack-installations.sql). Implements @slack/oauth's
 * `InstallationStore`, the port Bolt's installer writes after `/slack/oauth_redirect` and reads
 * on every incoming request and before every outbound call (src/slack/team-clients.ts), also
 * when it stores a rotated token back
 * (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/).
 *
 * Keys: an org-wide Enterprise Grid install by its enterprise id, any other install by its team
 * id (unique across Slack, so a Grid workspace's own install is found without its enterprise id).
 * A reinstall replaces the row and keeps `installed_at`. The bot token, its refresh token and
 * expiry live in columns only; the `installation` JSON keeps the rest of the installation and no
 * token (user tokens are not kept: the app asks for no user scopes).
 * Limits: tokens are stored as given, unencrypted: whoever reads the database can act as the bot.
 */

import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Database } from './db.ts';

/** No installation matches the query: the app was never installed there, or was uninstalled. */
export class InstallationNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallationNotFoundError';
  }
}

/** An installation Slack gave us that we cannot store (no bot, no key). */
export class InvalidInstallationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInstallationError';
  }
}

interface Row {
  bot_token: string;
  bot_refresh_token: string | null;
  bot_token_expires_at: Date | null;
  bot_id: string | null;
  bot_user_id: string;
  bot_scopes: string[];
  installation: Installation | string;
}

/** Where a query's row is: by enterprise id (org-wide install) or by team id. */
function key(query: InstallationQuery<boolean>): { where: string; id: string } {
  if (query.isEnterpriseInstall) {
    if (!query.enterpriseId)
      throw new InstallationNotFoundError('an org-wide install query without an enterprise id');
    return { where: 'is_enterprise_install AND enterprise_id = $1', id: query.enterpriseId };
  }
  if (!query.teamId) throw new InstallationNotFoundError('an install query without a team id');
  return { where: 'NOT is_enterprise_install AND team_id = $1', id: query.teamId };
}

/** Describes a query for messages: `enterprise E` or `team T`. */
function describeQuery(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`;
}

/** The installation without its tokens (those are columns), as JSON. */
function withoutTokens(installation: Installation): string {
  const { bot, user, ...rest } = installation;
  const { token: _botToken, refreshToken: _botRefresh, expiresAt: _botExpiry, ...botRest } = bot ?? {};
  const { token: _userToken, refreshToken: _userRefresh, expiresAt: _userExpiry, ...userRest } = user ?? {};
  return JSON.stringify({ ...rest, user: userRest, ...(bot ? { bot: botRest } : {}) });
}

/** `InstallationStore` over the database; `clock` stamps `installed_at` and `updated_at`. */
export class SqlInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Pick<Database, 'query'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Creates or replaces the installation (a reinstall, new scopes, or a rotated token stored back
   * by Bolt's `authorize`). `bot.expiresAt` is UTC seconds, as @slack/oauth gives it.
   * @throws InvalidInstallationError without a bot token or without the id that keys it.
   */
  async storeInstallation(installation: Installation): Promise<void> {
    const bot = installation.bot;
    if (!bot?.token)
      throw new InvalidInstallationError('an installation without a bot token (bot scopes only)');
    const enterpriseInstall = installation.isEnterpriseInstall === true;
    const enterpriseId = installation.enterprise?.id ?? null;
    const teamId = installation.team?.id ?? null;
    if (enterpriseInstall ? !enterpriseId : !teamId)
      throw new InvalidInstallationError(
        `an installation without its ${enterpriseInstall ? 'enterprise' : 'team'} id`,
      );
    const rotates = bot.refreshToken !== undefined && bot.expiresAt !== undefined;
    const target = enterpriseInstall
      ? '(enterprise_id) WHERE is_enterprise_install'
      : '(team_id) WHERE NOT is_enterprise_install';
    const now = this.clock();
    await this.db.query(
      `INSERT INTO slack_installations (enterprise_id, team_id, is_enterprise_install, app_id, bot_token,
         bot_refresh_token, bot_token_expires_at, bot_id, bot_user_id, bot_scopes, installer_user_id,
         installation, installed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12::jsonb, $13, $13)
       ON CONFLICT ${target} DO UPDATE SET
         enterprise_id = EXCLUDED.enterprise_id, team_id = EXCLUDED.team_id, app_id = EXCLUDED.app_id,
         bot_token = EXCLUDED.bot_token, bot_refresh_token = EXCLUDED.bot_refresh_token,
         bot_token_expires_at = EXCLUDED.bot_token_expires_at, bot_id = EXCLUDED.bot_id,
         bot_user_id = EXCLUDED.bot_user_id, bot_scopes = EXCLUDED.bot_scopes,
         installer_user_id = EXCLUDED.installer_user_id, installation = EXCLUDED.installation,
         updated_at = EXCLUDED.updated_at`,
      [
        enterpriseId,
        enterpriseInstall ? null : teamId,
        enterpriseInstall,
        installation.appId ?? null,
        bot.token,
        rotates ? bot.refreshToken : null,
        rotates ? new Date((bot.expiresAt as number) * 1000) : null,
        bot.id ?? null,
        bot.userId,
        bot.scopes ?? [],
        installation.user?.id ?? null,
        withoutTokens(installation),
        now,
      ],
    );
  }

  /**
   * The installation, tokens included (`bot.expiresAt` in UTC seconds when the token rotates).
   * @throws InstallationNotFoundError when there is none (Bolt's `authorize` then refuses the request).
   */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const { where, id } = key(query);
    const { rows } = await this.db.query<Row>(
      `SELECT bot_token, bot_refresh_token, bot_token_expires_at, bot_id, bot_user_id, bot_scopes, installation
         FROM slack_installations WHERE ${where}`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new InstallationNotFoundError(`no installation for ${describeQuery(query)}`);
    const stored = (
      typeof row.installation === 'string' ? JSON.parse(row.installation) : row.installation
    ) as Installation;
    return {
      ...stored,
      bot: {
        ...stored.bot,
        token: row.bot_token,
        ...(row.bot_refresh_token ? { refreshToken: row.bot_refresh_token } : {}),
        ...(row.bot_token_expires_at
          ? { expiresAt: Math.floor(new Date(row.bot_token_expires_at).getTime() / 1000) }
          : {}),
        id: row.bot_id ?? stored.bot?.id ?? '',
        userId: row.bot_user_id,
        scopes: row.bot_scopes,
      },
    };
  }

  /** Deletes the installation (uninstalled, or its bot token revoked); nothing to delete is fine. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const { where, id } = key(query);
    await this.db.query(`DELETE FROM slack_installations WHERE ${where}`, [id]);
  }
}
