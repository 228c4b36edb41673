/**
 * Configuration errors name the variable and what is wrong without printing secrets (issue 9,
 * item 4): tokens show a prefix and their length, URLs lose their password. The HTTP-mode rule
 * (a signing secret) applies to the bot, not to CLI commands that never receive a request
 * (item 12).
 */

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, oauthConfigured } from '../src/config.ts';

function problems(env: Record<string, string>, options?: Parameters<typeof loadConfig>[1]): string {
  try {
    loadConfig(env, options);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const USER_TOKEN = `xoxp-${'1234567890-'.repeat(4)}abcdef0123456789`;
const APP_TOKEN_AS_BOT = `xapp-1-A0123-${'9'.repeat(40)}`;

describe('configuration errors never print a secret', () => {
  it.each([
    ['a user token as SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: USER_TOKEN }, USER_TOKEN, 'SLACK_BOT_TOKEN'],
    ['an app token as SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: APP_TOKEN_AS_BOT }, APP_TOKEN_AS_BOT, 'xapp-'],
    [
      'a bot token as SLACK_APP_TOKEN',
      { SLACK_APP_TOKEN: 'xoxb-1111-2222-secretsecretsecret' },
      'xoxb-1111-2222-secretsecretsecret',
      'SLACK_APP_TOKEN',
    ],
  ])('%s: a prefix and the length, not the token', (_name, env, secret, mentioned) => {
    const message = problems(env);
    expect(message).toContain(mentioned);
    expect(message).not.toContain(secret);
    expect(message).not.toContain(secret.slice(0, 12));
    expect(message).toContain(`${secret.length} characters`);
    expect(message).toContain(`"${secret.slice(0, 5)}…"`);
  });

  it('a database URL of another kind: scheme, user and host, not the password', () => {
    const message = problems({ DATABASE_URL: 'mysql://admin:password@db.internal:3306/saa' });
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).not.toContain('password@');
    expect(message).not.toMatch(/:password/);
    expect(message).toContain('mysql://admin:***@db.internal:3306/saa');
  });

  it('a URL that does not parse still loses what looks like a password', () => {
    const message = problems({ OPENAI_BASE_URL: 'http//user:hunter2@gateway' });
    expect(message).toContain('OPENAI_BASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('a short non-secret value is still shown as it was given', () => {
    expect(problems({ PORT: 'abc' })).toContain('PORT: must be a port number 0–65535 (got "abc")');
  });
});

describe('which settings are required depends on who runs', () => {
  const botOnly = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

  it('the bot in HTTP mode needs SLACK_SIGNING_SECRET', () => {
    expect(problems(botOnly)).toContain('SLACK_SIGNING_SECRET: required in HTTP mode');
  });

  it('CLI commands (`saa quiz post`) do not: they never receive a request', () => {
    expect(loadConfig(botOnly, { purpose: 'cli' }).SLACK_BOT_TOKEN).toBe(botOnly.SLACK_BOT_TOKEN);
  });
});

describe('settings that only fail later are refused at start', () => {
  it('a five-field schedule with impossible values (minute 99) is refused, a real one accepted', () => {
    expect(problems({ QUIZ_SCHEDULE: '99 99 * * *' }, { purpose: 'cli' })).toMatch(
      /QUIZ_SCHEDULE: must be a five-field cron expression with valid values.*\(got "99 99 \* \* \*"\)/,
    );
    expect(loadConfig({ QUIZ_SCHEDULE: '30 8 * * 1-5' }, { purpose: 'cli' }).QUIZ_SCHEDULE).toBe(
      '30 8 * * 1-5',
    );
  });
});

describe('OAuth install settings (issue 14, item 1)', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef',
    SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
    SLACK_SIGNING_SECRET: 'signing-secret',
  };

  it('all three with a signing secret: OAuth install, no bot token needed', () => {
    const c = loadConfig(oauth);
    expect(oauthConfigured(c)).toBe(true);
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(oauthConfigured(loadConfig({}))).toBe(false);
  });

  it.each([
    [
      'only the client id',
      { SLACK_CLIENT_ID: '1234.5678' },
      'SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: required with SLACK_CLIENT_ID',
    ],
    [
      'no state secret',
      { SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'client-secret-0123456789abcdef' },
      'SLACK_STATE_SECRET: required with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET',
    ],
    [
      'only the state secret',
      { SLACK_STATE_SECRET: 'state-secret-0123456789abcdef' },
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: required with SLACK_STATE_SECRET',
    ],
  ])('%s: names what is missing', (_name, env, expected) => {
    const message = problems(env, { purpose: 'cli' });
    expect(message).toContain(expected);
    expect(message).toContain('or none for one workspace with SLACK_BOT_TOKEN');
    expect(message).not.toContain('0123456789abcdef');
  });

  it('with SLACK_BOT_TOKEN too: one mode or the other', () => {
    expect(problems({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toContain(
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID',
    );
  });

  it('the bot needs HTTP mode: a signing secret, no app token', () => {
    const { SLACK_SIGNING_SECRET: _, ...withoutSecret } = oauth;
    expect(problems(withoutSecret)).toContain(
      'SLACK_SIGNING_SECRET: required with OAuth install (HTTP mode)',
    );
    expect(problems({ ...oauth, SLACK_APP_TOKEN: 'xapp-1-A1-123' })).toContain(
      'SLACK_APP_TOKEN: OAuth install runs in HTTP mode',
    );
    expect(oauthConfigured(loadConfig(withoutSecret, { purpose: 'cli' }))).toBe(true);
  });

  it('a short state secret is refused without being printed', () => {
    const message = problems({ ...oauth, SLACK_STATE_SECRET: 'short-secret' });
    expect(message).toContain('SLACK_STATE_SECRET: must be at least 16 characters');
    expect(message).not.toContain('short-secret');
  });
});
