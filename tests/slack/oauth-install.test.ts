/**
 * OAuth install, several workspaces (issue 14, item 1), through the real Bolt receiver and our
 * installation store (PGlite, and Postgres with DATABASE_URL), with the Slack stand-in answering
 * oauth.v2.access (code exchange and refresh_token grant) and auth.test, and recording the token
 * of every call:
 * - `/slack/install` sets the state cookie and links to Slack's authorize URL with our scopes; a
 *   redirect without that cookie is refused and stores nothing;
 * - two workspaces install through /slack/install → /slack/oauth_redirect, each gets its own
 *   token stored, and each one's requests and the bot's own calls (daily post, reveal, reminder
 *   DM) carry that workspace's token;
 * - a token that expires within the refresh window (2 hours) is refreshed with
 *   grant_type=refresh_token before use, once for concurrent posts, on the bot's own calls and on
 *   an incoming request alike, and the new token is stored and used; a token far from expiry is
 *   used as is;
 * - `app_uninstalled` and `tokens_revoked` (bot) delete the installation at once: the bot's own
 *   posts to that workspace stop, other workspaces go on; a reinstall stores a new token and
 *   cancels the pending erasure.
 */

import { type Logger, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/answerer.ts';
import { postDailyQuiz } from '../../src/daily-quiz/post-daily-quiz.ts';
import type { QuizContext } from '../../src/daily-quiz/quiz-context.ts';
import { revealQuiz } from '../../src/daily-quiz/reveal-quiz.ts';
import type { LifecycleContext } from '../../src/data-lifecycle/lifecycle-context.ts';
import { workspaceReturned } from '../../src/data-lifecycle/workspace-returned.ts';
import { DatabaseUnavailableError } from '../../src/database-unavailable.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';
import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';
import { createSlackApp, type SlackAdapter } from '../../src/slack/create-slack-app.ts';
import { slackQuizMessenger } from '../../src/slack/slack-quiz-messenger.ts';
import { slackReminderMessenger } from '../../src/slack/slack-reminder-messenger.ts';
import { NoTeamTokenError } from '../../src/slack/team-clients.ts';
import { ReminderNotSentError } from '../../src/spaced-repetition/reminder-ports.ts';
import { SqlDataLifecycleRepository } from '../../src/storage/data-lifecycle-repository.ts';
import type { Database } from '../../src/storage/db.ts';
import { SqlInstallationStore } from '../../src/storage/installation-repository.ts';
import { testDatabases } from '../helpers/databases.ts';
import { uniqueId } from '../helpers/ids.ts';
import { quizContext, recordingLog } from '../helpers/quiz-harness.ts';
import { eventCallback, postSigned, postSignedEvent, slashCommandForm } from '../helpers/signed-request.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  FakeSlackOAuth,
  installPage,
  installThroughBrowser,
  TWELVE_HOURS_S,
} from '../helpers/slack-oauth-stand-in.ts';
import type { RecordedCall, SlackStandIn } from '../helpers/slack-stand-in.ts';
import { useMigratedDatabase, useSlackStandIn } from '../helpers/suite-setup.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeBank } from '../quiz/quiz-fixtures.ts';

const SIGNING_SECRET = 'oauth-signing-secret';
const STATE_SECRET = 'state-secret-for-tests-0123456789';
const down = () => new DatabaseUnavailableError('connect ECONNREFUSED 127.0.0.1:5432');
/** A Bolt logger that keeps every line, printing none. */
function boltLog() {
  const lines: Array<{ level: string; text: string }> = [];
  const keep =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push({
        level,
        text: args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '),
      });
  const logger: Logger = {
    debug: () => undefined,
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
  return { lines, logger };
}

describe.each(testDatabases())('OAuth install over HTTP on $name', (target) => {
  const bolt = boltLog();
  let db: Database;
  let standIn: SlackStandIn;
  let slack: SlackAdapter;
  let base: string;
  let ctx: QuizContext;
  let store: SqlInstallationStore;
  /** When set, every installation-store call fails as with the database down. */
  let databaseDown = false;
  let lifecycle: LifecycleContext;
  const slackSide = new FakeSlackOAuth();
  const clock = new TestClock('2026-12-08T08:00:00Z');
  const bank = makeBank(3);
  let n = 0;

  const database = useMigratedDatabase(target);
  const slackApi = useSlackStandIn();

  beforeAll(async () => {
    db = database.db;
    standIn = slackApi.standIn;
    standIn.reply('oauth.v2.access', slackSide.access);
    standIn.reply('auth.test', slackSide.authTest);
    store = new SqlInstallationStore(db, clock.now);
    lifecycle = {
      repo: new SqlDataLifecycleRepository(db),
      clock: clock.now,
      ready: () => Promise.resolve(),
      graceMs: 30 * 86_400_000,
      log: recordingLog().log,
    };
    const index = new SearchIndex(buildIndex([]), []);
    slack = createSlackApp(
      {
        signingSecret: SIGNING_SECRET,
        slackApiUrl: standIn.apiUrl,
        port: 0,
        logger: bolt.logger,
        oauth: {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          stateSecret: STATE_SECRET,
          installationStore: {
            storeInstallation: (i) => (databaseDown ? Promise.reject(down()) : store.storeInstallation(i)),
            fetchInstallation: (q) => (databaseDown ? Promise.reject(down()) : store.fetchInstallation(q)),
            deleteInstallation: (q) => (databaseDown ? Promise.reject(down()) : store.deleteInstallation(q)),
          },
          scopes: BOT_SCOPES,
          onInstalled: async (installation) => {
            if (installation.team?.id) await workspaceReturned(lifecycle, installation.team.id);
          },
        },
      },
      { answerer: new ExtractiveAnswerer(() => index), quiz: () => ctx, lifecycle },
    );
    ctx = quizContext(db, { bank, clock, messenger: slackQuizMessenger(slack.clients) });
    base = `http://127.0.0.1:${await slack.start()}`;
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it('an install logs its workspace', async () => {
    const team = uniqueId('T');
    await install(team);
    expect(bolt.lines).toContainEqual({ level: 'info', text: `installed in workspace ${team}` });
  });

  const install = (team: string, expiresIn?: number) =>
    installThroughBrowser(base, slackSide, team, expiresIn);

  const byTeam = (teamId: string) => ({
    teamId,
    enterpriseId: undefined,
    isEnterpriseInstall: false as const,
  });
  const tokenOf = async (team: string) => (await store.fetchInstallation(byTeam(team))).bot?.token;
  const installed = async (team: string) =>
    (await db.query('SELECT 1 FROM slack_installations WHERE team_id = $1', [team])).rows.length === 1;
  /** Waits (in 20 ms steps, at most 2 s) for work Bolt does after the ack. */
  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await check()).toBe(true);
  }
  const calls = (method: string, pred: (c: RecordedCall) => boolean = () => true) =>
    standIn.calls.filter((c) => c.method === method && pred(c));
  const refreshesOf = (refreshToken: string) =>
    calls(
      'oauth.v2.access',
      (c) => c.body.grant_type === 'refresh_token' && c.body.refresh_token === refreshToken,
    );

  /** The Messages tab opened in `team`: Bolt authorizes it, the listener sets suggested prompts with its client. */
  async function openMessagesTab(team: string) {
    const channel = uniqueId('D');
    const res = await postSignedEvent(
      `${base}/slack/events`,
      eventCallback({ type: 'app_home_opened', user: 'U1', channel, tab: 'messages' }, team),
      SIGNING_SECRET,
    );
    expect(res.status).toBe(200);
    return standIn.waitFor(
      (c) => c.method === 'assistant.threads.setSuggestedPrompts' && c.body.channel_id === channel,
    );
  }

  it('the install page sets the state cookie and links to Slack’s authorize URL with our client id and scopes', async () => {
    const { status, cookie, state, authorizeUrl } = await installPage(base);
    expect(status).toBe(200);
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toMatch(/HttpOnly/);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorizeUrl.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(authorizeUrl.searchParams.get('state')).toBe(state);
  });

  it('a redirect without the browser’s state cookie is refused and stores nothing', async () => {
    const team = uniqueId('T');
    const { state } = await installPage(base);
    const code = slackSide.code(team);
    const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`);
    expect(res.status).toBe(400);
    expect(bolt.lines).toContainEqual({
      level: 'error',
      text: 'The state parameter is not for this browser session.',
    });
    expect(await installed(team)).toBe(false);
    expect(calls('oauth.v2.access', (c) => c.body.code === code)).toEqual([]);
  });

  it('two workspaces install, each with its own token, and each one’s calls carry its own token', async () => {
    const [a, b] = [uniqueId('T'), uniqueId('T')];
    for (const team of [a, b]) {
      const done = await install(team);
      expect(done.status).toBe(200);
      expect(done.body).toContain('Thank you!');
    }
    const tokenA = await tokenOf(a);
    const tokenB = await tokenOf(b);
    expect(tokenA).toMatch(new RegExp(`^xoxb-${a}-`));
    expect(tokenB).toMatch(new RegExp(`^xoxb-${b}-`));
    const stored = await store.fetchInstallation(byTeam(a));
    expect(stored).toMatchObject({
      appId: 'A1',
      user: { id: `UINSTALL${a}` },
      bot: { userId: `UBOT${a}`, id: `B${a}`, scopes: [...BOT_SCOPES] },
    });
    // The code exchange carried our client credentials; Bolt checked the new token with auth.test.
    expect(calls('auth.test', (c) => c.token === tokenA)).toHaveLength(1);

    // Incoming requests: Bolt authorizes each from its installation and hands the listener that client.
    expect((await openMessagesTab(a)).token).toBe(tokenA);
    expect((await openMessagesTab(b)).token).toBe(tokenB);
    const res = await postSigned(
      `${base}/slack/events`,
      slashCommandForm('daily on 08:00', standIn.responseUrl(`cmd-${++n}`), { team: b, channel: 'CB' }),
      { secret: SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    expect(String((await standIn.waitFor((c) => c.method === `response_url:cmd-${n}`)).body.text)).toBe(
      'Daily quiz on: 08:00 UTC, Mon–Fri.',
    );

    // The bot's own calls: daily posts, the reveal, a reminder DM, each with its workspace's token.
    const [channelA, channelB] = [uniqueId('C'), uniqueId('C')];
    const postedA = await postDailyQuiz(ctx, a, channelA);
    const postedB = await postDailyQuiz(ctx, b, channelB);
    expect(postedA.status).toBe('posted');
    expect(postedB.status).toBe('posted');
    expect(calls('chat.postMessage', (c) => c.body.channel === channelA).map((c) => c.token)).toEqual([
      tokenA,
    ]);
    expect(calls('chat.postMessage', (c) => c.body.channel === channelB).map((c) => c.token)).toEqual([
      tokenB,
    ]);
    if (postedA.status !== 'posted') return;
    await revealQuiz(ctx, { ...postedA.post, messageTs: postedA.post.messageTs ?? null });
    expect(calls('chat.update', (c) => c.body.channel === channelA).map((c) => c.token)).toEqual([tokenA]);
    expect(
      calls('chat.postMessage', (c) => c.body.channel === channelA && Boolean(c.body.thread_ts)).map(
        (c) => c.token,
      ),
    ).toEqual([tokenA]);
    const reminders = slackReminderMessenger(slack.clients);
    const user = uniqueId('U');
    await reminders.openDm(b, user);
    expect(calls('conversations.open', (c) => c.body.users === user).map((c) => c.token)).toEqual([tokenB]);
  });

  it('a token expiring within 2 hours is refreshed once before the bot’s own posts, stored, and used', async () => {
    const team = uniqueId('T');
    expect((await install(team, 3600)).status).toBe(200);
    const first = await store.fetchInstallation(byTeam(team));
    const oldRefresh = first.bot?.refreshToken ?? '';
    expect(first.bot?.token).toMatch(/^xoxe\.xoxb-/);
    expect(first.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3500);

    clock.advance(60_000);
    const channels = [uniqueId('C'), uniqueId('C'), uniqueId('C')];
    const outcomes = await Promise.all(channels.map((channel) => postDailyQuiz(ctx, team, channel)));
    expect(outcomes.map((o) => o.status)).toEqual(['posted', 'posted', 'posted']);

    // One refresh for three concurrent posts, with our credentials and the stored refresh token.
    const refreshes = refreshesOf(oldRefresh);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const now = await store.fetchInstallation(byTeam(team));
    expect(now.bot?.token).not.toBe(first.bot?.token);
    expect(now.bot?.refreshToken).not.toBe(oldRefresh);
    expect(now.bot?.expiresAt).toBeGreaterThan(Date.now() / 1000 + TWELVE_HOURS_S - 60);
    const { rows } = await db.query<{ updated_at: Date }>(
      'SELECT updated_at FROM slack_installations WHERE team_id = $1',
      [team],
    );
    expect(rows[0]?.updated_at).toEqual(clock.now());
    for (const channel of channels)
      expect(calls('chat.postMessage', (c) => c.body.channel === channel).map((c) => c.token)).toEqual([
        now.bot?.token,
      ]);

    // Fresh for 12 hours now: the next request uses it without another refresh.
    expect((await openMessagesTab(team)).token).toBe(now.bot?.token);
    expect(refreshesOf(now.bot?.refreshToken ?? '')).toEqual([]);
  });

  it('an incoming request refreshes an expiring token first and its listener uses the new one', async () => {
    const team = uniqueId('T');
    await install(team, 600);
    const old = await store.fetchInstallation(byTeam(team));
    const used = (await openMessagesTab(team)).token;
    expect(refreshesOf(old.bot?.refreshToken ?? '')).toHaveLength(1);
    expect(used).not.toBe(old.bot?.token);
    expect(used).toBe(await tokenOf(team));
  });

  it('a token far from expiry is used as it is', async () => {
    const team = uniqueId('T');
    await install(team, TWELVE_HOURS_S);
    const first = await store.fetchInstallation(byTeam(team));
    const channel = uniqueId('C');
    await postDailyQuiz(ctx, team, channel);
    expect(calls('chat.postMessage', (c) => c.body.channel === channel).map((c) => c.token)).toEqual([
      first.bot?.token,
    ]);
    expect(refreshesOf(first.bot?.refreshToken ?? '')).toEqual([]);
  });

  it('with the database down, a workspace this process served is still answered with its last token', async () => {
    const team = uniqueId('T');
    await install(team);
    /** `/saa daily` from the workspace: its answer (from the ack or through response_url). */
    const ask = async (id: string) => {
      const res = await postSigned(
        `${base}/slack/events`,
        slashCommandForm('daily', standIn.responseUrl(id), { team }),
        { secret: SIGNING_SECRET },
      );
      expect(res.status).toBe(200);
      const acked = await res.text();
      return acked
        ? String((JSON.parse(acked) as { text?: unknown }).text)
        : String((await standIn.waitFor((c) => c.method === `response_url:${id}`)).body.text);
    };
    expect(await ask(`${team}-up`)).toMatch(/^The daily quiz is off in this channel/);
    const token = await tokenOf(team);
    databaseDown = true;
    try {
      // The installation store fails; the request is authorized with the token read before.
      expect(await ask(`${team}-down`)).toMatch(/^The daily quiz is off in this channel/);
      expect((await openMessagesTab(team)).token).toBe(token);
    } finally {
      databaseDown = false;
    }
  });

  it('app_uninstalled deletes the installation at once; posts to it stop, others go on; a reinstall brings it back', async () => {
    const [gone, stays] = [uniqueId('T'), uniqueId('T')];
    await install(gone);
    await install(stays);
    const res = await postSignedEvent(
      `${base}/slack/events`,
      eventCallback({ type: 'app_uninstalled' }, gone),
      SIGNING_SECRET,
    );
    expect(res.status).toBe(200);
    await eventually(async () => !(await installed(gone)));
    await eventually(async () => (await lifecycle.repo.pendingErasures()).has(gone));
    expect(bolt.lines).toContainEqual({
      level: 'warn',
      text: `workspace ${gone}: app_uninstalled; its installation (bot token) is deleted`,
    });

    const channel = uniqueId('C');
    await expect(postDailyQuiz(ctx, gone, channel)).rejects.toBeInstanceOf(NoTeamTokenError);
    expect(calls('chat.postMessage', (c) => c.body.channel === channel)).toEqual([]);
    await expect(slackReminderMessenger(slack.clients).openDm(gone, 'U1')).rejects.toBeInstanceOf(
      ReminderNotSentError,
    );
    expect((await postDailyQuiz(ctx, stays, uniqueId('C'))).status).toBe('posted');

    // Installing again stores a new token and cancels the erasure at once.
    expect((await install(gone)).status).toBe(200);
    expect(await tokenOf(gone)).toMatch(new RegExp(`^xoxb-${gone}-`));
    expect((await lifecycle.repo.pendingErasures()).has(gone)).toBe(false);
  });

  it('tokens_revoked deletes the installation when it names the bot, not for user tokens alone', async () => {
    const [bot, user] = [uniqueId('T'), uniqueId('T')];
    await install(bot);
    await install(user);
    const revoked = (team: string, tokens: Record<string, string[]>) =>
      postSignedEvent(
        `${base}/slack/events`,
        eventCallback({ type: 'tokens_revoked', tokens }, team),
        SIGNING_SECRET,
      );
    await revoked(user, { oauth: ['UINSTALL'] });
    await revoked(bot, { bot: [`UBOT${bot}`] });
    await eventually(async () => !(await installed(bot)));
    await eventually(async () => (await lifecycle.repo.pendingErasures()).has(bot));
    expect(await installed(user)).toBe(true);
    expect((await lifecycle.repo.pendingErasures()).has(user)).toBe(false);
  });

  it('no error was logged but the refused redirect’s', () => {
    expect(bolt.lines.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([
      'The state parameter is not for this browser session.',
    ]);
  });
});
