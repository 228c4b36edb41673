/**
 * The scopes `/slack/install` asks for (src/slack/bot-scopes.ts) are the bot scopes of both
 * manifests; manifest-oauth.yml turns token rotation on and sends the installer back to
 * `/slack/oauth_redirect` in HTTP mode, manifest.yml (one workspace, a copied token) keeps
 * rotation off.
 */

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';

const manifest = async (name: string) =>
  parse(await readFile(new URL(`../../${name}`, import.meta.url), 'utf8'));

describe('the manifests and the OAuth install', () => {
  it.each(['manifest.yml', 'manifest-oauth.yml'])(
    '%s has exactly the bot scopes /slack/install asks for',
    async (name) => {
      expect([...BOT_SCOPES].sort()).toEqual([...(await manifest(name)).oauth_config.scopes.bot].sort());
    },
  );

  it('manifest-oauth.yml: token rotation on, HTTP mode, redirect to /slack/oauth_redirect', async () => {
    const m = await manifest('manifest-oauth.yml');
    expect(m.settings.token_rotation_enabled).toBe(true);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect((m.oauth_config.redirect_urls as string[]).map((u) => new URL(u).pathname)).toEqual([
      '/slack/oauth_redirect',
    ]);
  });

  it('manifest.yml: token rotation off (the copied bot token must not expire)', async () => {
    expect((await manifest('manifest.yml')).settings.token_rotation_enabled).toBe(false);
  });

  it('both manifests are the same app but for install settings', async () => {
    const [one, many] = await Promise.all([manifest('manifest.yml'), manifest('manifest-oauth.yml')]);
    expect(many.features).toEqual(one.features);
    expect(many.settings.event_subscriptions).toEqual(one.settings.event_subscriptions);
  });
});
