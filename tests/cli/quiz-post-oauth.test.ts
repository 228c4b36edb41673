/**
 * `saa quiz post` with OAuth install settings and no SLACK_BOT_TOKEN: it takes the workspace's
 * token from its installation through @slack/oauth's InstallProvider.authorize, so a token that
 * expires within 2 hours is refreshed first (grant_type=refresh_token), stored back and used for
 * the post; `--team` is required (there is no token to ask Slack which team), and a workspace
 * with no installation posts nothing.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuizPost } from '../../src/cli/quiz-commands.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';
import { SqlInstallationStore } from '../../src/storage/installation-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { embeddedDataDir } from '../../src/storage/open-database.ts';
import { PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';
import { CLIENT_ID, CLIENT_SECRET, FakeSlackOAuth } from '../helpers/slack-oauth-stand-in.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';

const ROOT = resolve(import.meta.dirname, '../..');

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('saa quiz post with OAuth install', () => {
  let dataDir: string;
  let standIn: SlackStandIn;
  let config: Config;
  const slackSide = new FakeSlackOAuth();
  let issued: ReturnType<FakeSlackOAuth['issue']>;

  /** Runs `fn` on the embedded database the CLI uses (closed after: one holder at a time). */
  async function onDatabase<T>(fn: (store: SqlInstallationStore) => Promise<T>): Promise<T> {
    const db = await PgliteDatabase.open({ dataDir: embeddedDataDir(dataDir) });
    try {
      await migrate(db);
      return await fn(new SqlInstallationStore(db));
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saa-quiz-post-oauth-'));
    await seedEmbeddedDataDir(dataDir);
    standIn = await startSlackStandIn();
    standIn.reply('oauth.v2.access', slackSide.access);
    config = loadConfig(
      {
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: 'state-secret-for-the-cli-test',
        SLACK_API_URL: standIn.apiUrl,
        DATA_DIR: dataDir,
        NOTES_DIR: join(ROOT, 'knowledge/notes'),
        QUESTIONS_DIR: join(ROOT, 'knowledge/questions'),
      },
      { purpose: 'cli' },
    );
    // Installed an hour and 50 minutes ago: the token expires in 10 minutes.
    issued = slackSide.issue('TCLI', 600);
    await onDatabase((store) =>
      store.storeInstallation({
        team: { id: 'TCLI' },
        enterprise: undefined,
        user: { token: undefined, scopes: undefined, id: 'UADMIN' },
        bot: {
          token: issued.access_token,
          refreshToken: issued.refresh_token,
          expiresAt: Math.floor(Date.now() / 1000) + 600,
          scopes: [...BOT_SCOPES],
          id: 'BCLI',
          userId: 'UBOTCLI',
        },
        isEnterpriseInstall: false,
        appId: 'A1',
        authVersion: 'v2',
      }),
    );
  });
  afterAll(async () => {
    await standIn?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function post(...args: string[]) {
    const out = new Sink();
    const err = new Sink();
    const code = await runQuizPost(args, config, { out, err });
    return { code, out: out.text, err: err.text };
  }

  it('needs --team: without a bot token there is no way to know the workspace', async () => {
    const result = await post('--channel', 'CCLI');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--team is required with OAuth install');
  });

  it('refreshes the expiring token, stores it, and posts with it', async () => {
    expect(await post('--channel', 'CCLI', '--team', 'TCLI')).toEqual({
      code: 0,
      out: 'Posted today’s quiz.\n',
      err: '',
    });
    const refreshes = standIn.calls.filter((c) => c.method === 'oauth.v2.access');
    expect(refreshes.map((c) => c.body.refresh_token)).toEqual([issued.refresh_token]);
    const stored = await onDatabase((store) =>
      store.fetchInstallation({ teamId: 'TCLI', enterpriseId: undefined, isEnterpriseInstall: false }),
    );
    expect(stored.bot?.token).not.toBe(issued.access_token);
    expect(slackSide.tokens.get(stored.bot?.token ?? '')).toBe('TCLI');
    const posted = standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CCLI');
    expect(posted.map((c) => c.token)).toEqual([stored.bot?.token]);
  });

  it('a workspace with no installation: nothing is posted, and it says why', async () => {
    const result = await post('--channel', 'CNONE', '--team', 'TNONE');
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'no bot token for workspace TNONE (no installation for team TNONE): install the app there first (/slack/install); nothing posted.\n',
    });
    expect(standIn.calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'CNONE')).toBe(
      false,
    );
  });
});
