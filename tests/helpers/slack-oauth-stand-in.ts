/**
 * Slack's side of OAuth install for tests, over the Slack stand-in: codes handed out, tokens and
 * refresh tokens issued, oauth.v2.access (code exchange, and the refresh_token grant of token
 * rotation: the used refresh token is revoked, https://docs.slack.dev/authentication/using-token-rotation)
 * and auth.test by the token a call carries. And a browser going through the install flow:
 * GET /slack/install (state cookie, Add to Slack link), then /slack/oauth_redirect with the code,
 * the state and the cookie.
 */

import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';
import type { RecordedCall } from './slack-stand-in.ts';

/** The app credentials tests configure. */
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'client-secret-for-tests';
/** Bolt's installer's state cookie (@slack/oauth `stateCookieName` default). */
export const STATE_COOKIE = 'slack-app-oauth-state';
/** Slack's expiring tokens live 12 h (https://docs.slack.dev/authentication/using-token-rotation). */
export const TWELVE_HOURS_S = 43_200;

/** What Slack's side of the flow knows: codes it handed out, live tokens and refresh tokens. */
export class FakeSlackOAuth {
  readonly codes = new Map<string, { team: string; expiresIn?: number }>();
  readonly tokens = new Map<string, string>();
  readonly refreshTokens = new Map<string, string>();
  #n = 0;

  /** A code for `team`; `expiresIn` (s) turns token rotation on for that install. */
  code(team: string, expiresIn?: number): string {
    const code = `code-${team}-${++this.#n}`;
    this.codes.set(code, { team, expiresIn });
    return code;
  }

  /** Issues a token for `team` (and, with `expiresIn` s, a refresh token), as an install would. */
  issue(
    team: string,
    expiresIn?: number,
  ): { access_token: string; refresh_token?: string; expires_in?: number } {
    const n = ++this.#n;
    const rotating = expiresIn !== undefined;
    const access = rotating ? `xoxe.xoxb-${team}-${n}` : `xoxb-${team}-${n}`;
    this.tokens.set(access, team);
    if (!rotating) return { access_token: access };
    const refresh = `xoxe-1-${team}-${n}`;
    this.refreshTokens.set(refresh, team);
    return { access_token: access, refresh_token: refresh, expires_in: expiresIn };
  }

  /** oauth.v2.access as Slack answers it (https://docs.slack.dev/reference/methods/oauth.v2.access). */
  access = (b: Record<string, unknown>): Record<string, unknown> => {
    if (b.client_id !== CLIENT_ID || b.client_secret !== CLIENT_SECRET)
      return { ok: false, error: 'invalid_client_id' };
    if (b.grant_type === 'refresh_token') {
      const team = this.refreshTokens.get(String(b.refresh_token));
      if (!team) return { ok: false, error: 'invalid_refresh_token' };
      this.refreshTokens.delete(String(b.refresh_token)); // Slack revokes a used refresh token
      return {
        ok: true,
        app_id: 'A1',
        token_type: 'bot',
        team: { id: team },
        ...this.issue(team, TWELVE_HOURS_S),
      };
    }
    const grant = this.codes.get(String(b.code));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(b.code));
    return {
      ok: true,
      app_id: 'A1',
      authed_user: { id: `UINSTALL${grant.team}` },
      scope: BOT_SCOPES.join(','),
      token_type: 'bot',
      bot_user_id: `UBOT${grant.team}`,
      team: { id: grant.team, name: `Team ${grant.team}` },
      enterprise: null,
      is_enterprise_install: false,
      ...this.issue(grant.team, grant.expiresIn),
    };
  };

  /** auth.test for the token the call carried. */
  authTest = (_b: Record<string, unknown>, call: RecordedCall): Record<string, unknown> => {
    const team = this.tokens.get(call.token ?? '');
    return team
      ? {
          ok: true,
          team_id: team,
          user_id: `UBOT${team}`,
          bot_id: `B${team}`,
          url: `https://${team}.slack.com/`,
        }
      : { ok: false, error: 'invalid_auth' };
  };
}

/** GET /slack/install on `base`: the state cookie it set, and the authorize URL its page links to. */
export async function installPage(
  base: string,
): Promise<{ status: number; cookie: string; state: string; authorizeUrl: URL }> {
  const page = await fetch(`${base}/slack/install`);
  const cookie = page.headers.get('set-cookie') ?? '';
  const state = new RegExp(`${STATE_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? '';
  const href = /<a href="([^"]+)"/.exec(await page.text())?.[1] ?? 'invalid:';
  return { status: page.status, cookie, state, authorizeUrl: new URL(href) };
}

/**
 * The whole flow for `team` as a browser does it (`expiresIn` s turns rotation on); resolves with
 * the redirect's status and page.
 */
export async function installThroughBrowser(
  base: string,
  slack: FakeSlackOAuth,
  team: string,
  expiresIn?: number,
): Promise<{ status: number; body: string }> {
  const { state } = await installPage(base);
  const code = slack.code(team, expiresIn);
  // Slack sends the browser back with the code and the state; the browser sends the cookie.
  const done = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie: `${STATE_COOKIE}=${state}` },
    redirect: 'manual',
  });
  return { status: done.status, body: await done.text() };
}
