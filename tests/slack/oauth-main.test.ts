/**
 * The real bot (`src/main.ts`, compiled once for the run by tests/helpers/bot-build.ts; one
 * process, embedded database in a temporary DATA_DIR) started with SLACK_CLIENT_ID,
 * SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and no SLACK_BOT_TOKEN: it listens in HTTP mode, serves
 * the install flow, stores the installation, answers the installed workspace's requests with that
 * workspace's token, refuses a workspace that never installed it, and logs no error.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledBotArgs } from '../helpers/bot-build.ts';
import { type BotCluster, startBotCluster } from '../helpers/bot-cluster.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';
import { eventCallback, postSigned, postSignedEvent, slashCommandForm } from '../helpers/signed-request.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  FakeSlackOAuth,
  installThroughBrowser,
} from '../helpers/slack-oauth-stand-in.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';
import { seedIndexCache } from '../helpers/suite-setup.ts';

const SECRET = 'oauth-main-signing-secret';

describe('the bot in OAuth install mode', () => {
  let standIn: SlackStandIn;
  let bot: BotCluster;
  let base: string;
  const slackSide = new FakeSlackOAuth();

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    standIn.reply('oauth.v2.access', slackSide.access);
    standIn.reply('auth.test', slackSide.authTest);
    bot = await startBotCluster({
      processes: 1,
      databaseUrl: '', // the embedded database, in the process's temporary DATA_DIR
      // A first start's database, without its initdb, and the notes' index, as a restart finds it.
      prepareDataDir: async (dir) => {
        await seedEmbeddedDataDir(dir);
        await seedIndexCache(dir);
      },
      slackApiUrl: standIn.apiUrl,
      signingSecret: SECRET,
      nodeArgs: compiledBotArgs(),
      env: {
        SLACK_BOT_TOKEN: '',
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: 'state-secret-for-the-main-test',
      },
    });
    base = bot.backends[0] ?? '';
  }, 90_000);
  afterAll(async () => {
    await bot?.stop();
    await standIn?.close();
  });

  it('installs a workspace and answers it with its own token; another workspace gets nothing', async () => {
    expect((await installThroughBrowser(base, slackSide, 'TMAIN')).status).toBe(200);
    expect(bot.lines[0]?.join('\n')).toContain('installed in workspace TMAIN');

    const res = await postSigned(
      `${base}/slack/events`,
      slashCommandForm('daily', standIn.responseUrl('main-daily'), { team: 'TMAIN' }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const reply = await standIn.waitFor((c) => c.method === 'response_url:main-daily', 20_000);
    expect(String(reply.body.text)).toMatch(/^The daily quiz is off in this channel\./);

    await postSignedEvent(
      `${base}/slack/events`,
      eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'DMAIN', tab: 'messages' }, 'TMAIN'),
      SECRET,
    );
    const prompts = await standIn.waitFor(
      (c) => c.method === 'assistant.threads.setSuggestedPrompts' && c.body.channel_id === 'DMAIN',
    );
    expect(prompts.token).toMatch(/^xoxb-TMAIN-/);

    // A workspace with no installation: the request is acked and nothing is sent for it.
    const stranger = await postSigned(
      `${base}/slack/events`,
      slashCommandForm('daily', standIn.responseUrl('main-stranger'), { team: 'TNEVER' }),
      { secret: SECRET },
    );
    expect(stranger.status).toBe(200);
    expect(await stranger.text()).toBe('');
    // Its refusal is logged before the ack; then a request of the installed workspace goes through.
    expect(bot.lines[0]?.join('\n')).toContain('TNEVER');
    await postSigned(
      `${base}/slack/events`,
      slashCommandForm('daily', standIn.responseUrl('main-after'), { team: 'TMAIN' }),
      {
        secret: SECRET,
      },
    );
    await standIn.waitFor((c) => c.method === 'response_url:main-after', 20_000);
    expect(standIn.calls.some((c) => c.method === 'response_url:main-stranger')).toBe(false);
  });

  it('logs no error', () => {
    expect(bot.errorLines()).toEqual([]);
  });
});
