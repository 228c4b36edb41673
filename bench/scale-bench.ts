/**
 * Scale-out run (issue 14, item 3): `processes` real bot processes (`node --import tsx
 * src/main.ts`, HTTP mode) on one fresh Postgres database, behind a round-robin proxy on
 * 127.0.0.1, talking to the Slack stand-in. One channel in each of `workspaces` workspaces gets a
 * daily-quiz schedule due the same minute (each in its own time zone, same instant), so every
 * process's scheduler ticks at that minute and races to post; then `clicks` signed clicks on the
 * posted messages (first clicks, Slack retries, double clicks: scale-clicks.ts) go through the
 * proxy from autocannon in a child process. Reports what Slack and the database hold afterwards,
 * the ack latency through the proxy, and every error line the processes logged.
 * Waits for the schedulers' minute tick (node-cron, second 0): up to a minute of the run is that wait.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTime } from '../src/quiz/daily-schedule.ts';
import { SqlInstallationStore } from '../src/storage/installation-repository.ts';
import { SqlScheduleRepository } from '../src/storage/schedule-repository.ts';
import { SCORES_UNAVAILABLE } from '../src/user-messages.ts';
import { startBotCluster } from '../tests/helpers/bot-cluster.ts';
import { startRoundRobinProxy } from '../tests/helpers/round-robin-proxy.ts';
import { startSlackStandIn } from '../tests/helpers/slack-stand-in.ts';
import { benchDatabase } from './bench-database.ts';
import { runLoad } from './http-bench.ts';
import { type PostedQuiz, planClicks } from './scale-clicks.ts';

/** One time zone per workspace: whole, half and quarter hours, both sides of UTC. */
const ZONES = [
  'UTC',
  'Europe/Paris',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/New_York',
  'America/St_Johns',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Pacific/Auckland',
  'America/Los_Angeles',
];
const SECRET = 'scale-secret';
/** OAuth mode (issue 14, item 1): every workspace installed with its own bot token, no SLACK_BOT_TOKEN. */
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'scale-client-secret',
  SLACK_STATE_SECRET: 'scale-state-secret-0123456789',
};
/** The bot token the workspace `teamId` was installed with. */
const tokenOf = (teamId: string) => `xoxb-${teamId.toLowerCase()}`;
/** Least time between writing the schedules and their minute (ms), so no tick sees half of them. */
const SCHEDULE_LEAD_MS = 3000;
/** How long after their minute the posts may take (ms). */
const POST_DEADLINE_MS = 30_000;

/**
 * A schedule whose local date turns before the processes tick is not due until the next local day
 * (a 23:59 quiz is not posted at 00:01): how long around its minute a channel's local date must
 * not turn (ms). Start-up under load takes up to half a minute.
 */
const DAY_TURN_MARGIN_MS = 5 * 60_000;

/**
 * The zone of workspace `k`: `ZONES[k]`, or the next zone of the list whose local date does not
 * turn within {@link DAY_TURN_MARGIN_MS} of `dueAt` (ms since the epoch) — a run at 18:29 UTC
 * would otherwise schedule Asia/Kolkata for 23:59 and tick after its midnight.
 */
function zoneAwayFromMidnight(k: number, dueAt: number): string {
  for (let i = 0; i < ZONES.length; i += 1) {
    const zone = ZONES[(k + i) % ZONES.length] as string;
    const before = localTime(new Date(dueAt - DAY_TURN_MARGIN_MS), zone).date;
    const after = localTime(new Date(dueAt + DAY_TURN_MARGIN_MS), zone).date;
    if (before === after) return zone;
  }
  return 'UTC';
}

/** Options of {@link benchScale}. `server`: Postgres URL whose server gets the fresh database. */
export interface ScaleOptions {
  processes: number;
  workspaces: number;
  clicks: number;
  concurrency: number;
  server?: string;
  /**
   * How the posts race: `minute` (default) writes the schedules for the next minute and the
   * processes' minute ticks race; `start` writes schedules already due before the processes
   * start, and their start-up ticks race (no wait for the minute: the test's mode).
   */
  race?: 'minute' | 'start';
  /** Node's arguments that start each bot (default `--import tsx src/main.ts`; see bot-cluster.ts). */
  nodeArgs?: string[];
  /** Runs on each bot's new DATA_DIR before it starts (default: nothing, a first start; see bot-cluster.ts). */
  prepareDataDir?: (dataDir: string) => Promise<void>;
}

/** What a run did and found. Times in ms. */
export interface ScaleResult {
  processes: number;
  workspaces: number;
  /** Clicks in flight at once. */
  concurrency: number;
  /** Top-level messages per channel on the Slack stand-in (one per channel-day is right). */
  postsPerChannel: number[];
  /** quiz_posts rows with a stored message ts matching the channel's message on Slack. */
  postsStoredMatching: number;
  /** Channels whose daily post carried its own workspace's bot token (each workspace is installed). */
  postsWithTeamToken: number;
  /** Distinct processes whose claim won (`claimed_by`). */
  posters: number;
  clicksSent: number;
  retries: number;
  doubleClicks: number;
  /** Distinct (quiz, person) pairs among the clicks sent: the answers that must count. */
  distinctSent: number;
  /** quiz_answers rows. */
  counted: number;
  /** Replies saying "not recorded, try again" (the database was too slow or down for that click). */
  toldNotRecorded: number;
  /** Distinct answers sent but not counted whose every click was told "not recorded": 0 means none lost silently. */
  lostSilently: number;
  /** Sum of `user_totals.answered` (the score read model, kept by a trigger). */
  totalsAnswered: number;
  /** study_card_reviews rows (one per counted answer) and cards reviewed more than once. */
  cardReviews: number;
  cardsMovedTwice: number;
  ackP50: number;
  ackP99: number;
  clicksPerSecond: number;
  /** Responses other than 2xx, plus connection errors, seen by the load generator. */
  non200: number;
  /** Requests the proxy sent to each process. */
  forwarded: number[];
  /** Lines the processes logged at level error (or unexpected text lines). */
  errorLines: string[];
}

async function until(
  what: string,
  check: () => Promise<boolean>,
  deadline: number,
  explain: () => Promise<string> = async () => '',
): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`scale run: not in time: ${what}${await explain()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the scenario and tears everything down (the database is dropped). */
export async function benchScale(opts: ScaleOptions): Promise<ScaleResult> {
  const bench = await benchDatabase(opts.server);
  const standIn = await startSlackStandIn();
  const work = await mkdtemp(join(tmpdir(), 'saa-scale-'));
  let cluster: Awaited<ReturnType<typeof startBotCluster>> | undefined;
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
  try {
    const start = () =>
      startBotCluster({
        processes: opts.processes,
        databaseUrl: bench.url,
        slackApiUrl: standIn.apiUrl,
        signingSecret: SECRET,
        env: OAUTH_ENV,
        nodeArgs: opts.nodeArgs,
        prepareDataDir: opts.prepareDataDir,
      });
    const startup = opts.race === 'start';
    // `start`: due since the previous minute, written before the processes start; `minute`: due
    // at the next whole minute after the processes are up.
    if (!startup) cluster = await start();
    const dueAt = startup
      ? Math.floor(Date.now() / 60_000) * 60_000 - 60_000
      : Math.ceil((Date.now() + SCHEDULE_LEAD_MS) / 60_000) * 60_000;
    const schedules = new SqlScheduleRepository(bench.db);
    const channels = Array.from({ length: opts.workspaces }, (_, k) => ({
      teamId: `TSCALE${k}`,
      channelId: `CSCALE${k}`,
      zone: zoneAwayFromMidnight(k, dueAt),
    }));
    const installations = new SqlInstallationStore(bench.db);
    for (const c of channels) {
      await installations.storeInstallation({
        team: { id: c.teamId, name: c.teamId },
        enterprise: undefined,
        isEnterpriseInstall: false,
        user: { id: `U${c.teamId}`, token: undefined, scopes: undefined },
        bot: {
          token: tokenOf(c.teamId),
          id: `B${c.teamId}`,
          userId: `UBOT${c.teamId}`,
          scopes: ['commands', 'chat:write'],
        },
        appId: 'ASCALE',
        tokenType: 'bot',
        authVersion: 'v2',
      });
    }
    for (const c of channels) {
      const minute = localTime(new Date(dueAt), c.zone).minuteOfDay;
      await schedules.upsert({
        teamId: c.teamId,
        channelId: c.channelId,
        cron: `${minute % 60} ${Math.floor(minute / 60)} * * *`,
        timeZone: c.zone,
        enabled: true,
        updatedAt: new Date(),
      });
    }
    if (startup) cluster = await start();
    proxy = await startRoundRobinProxy((cluster as Awaited<ReturnType<typeof start>>).backends);
    const stored = async () =>
      (
        await bench.db.query<{ id: string; team_id: string; channel_id: string; message_ts: string | null }>(
          'SELECT id, team_id, channel_id, message_ts FROM quiz_posts ORDER BY channel_id',
        )
      ).rows;
    await until(
      'every channel posted and its ts stored',
      async () =>
        channels.every((c) => standIn.messages(c.channelId).length > 0) &&
        (await stored()).filter((r) => r.message_ts).length >= channels.length,
      Math.max(dueAt, Date.now()) + POST_DEADLINE_MS,
      async () => {
        const rows = await stored();
        const seen = channels.map(
          (c) =>
            `${c.channelId}: ${standIn.messages(c.channelId).length} on Slack, ` +
            `stored ${rows.filter((r) => r.channel_id === c.channelId && r.message_ts).length}`,
        );
        const notes = (cluster?.lines ?? []).flatMap((out, i) =>
          out
            .filter((l) => /"level":"(warn|error)"|error/i.test(l))
            .map((l) => `process ${i}: ${l.slice(0, 300)}`),
        );
        return `\n${seen.join('\n')}\n${notes.slice(-20).join('\n')}`;
      },
    );
    const rows = await stored();
    const quizzes: PostedQuiz[] = rows.map((r) => {
      const call = standIn.calls.find(
        (x) => x.method === 'chat.postMessage' && x.body.channel === r.channel_id && !x.body.thread_ts,
      );
      return {
        teamId: r.team_id,
        channelId: r.channel_id,
        quizId: Number(r.id),
        messageTs: r.message_ts ?? '',
        blocks: (call?.body.blocks as unknown[]) ?? [],
      };
    });
    const clicks = planClicks(quizzes, opts.clicks, (id) => standIn.responseUrl(id));
    const prepared = join(work, 'clicks.json');
    await writeFile(prepared, JSON.stringify(clicks.map(({ body, retry }) => ({ body, retry }))));
    const load = await runLoad({
      url: `${proxy.url}/slack/events`,
      secret: SECRET,
      amount: clicks.length,
      connections: opts.concurrency,
      prepared,
    });
    // Let the replies (response_url) and the answer-count updates finish before counting.
    let seen = -1;
    await until(
      'the bots stopped replying',
      async () => {
        const now = standIn.calls.length;
        const quiet = now === seen;
        seen = now;
        if (!quiet) await new Promise((r) => setTimeout(r, 1800));
        return quiet;
      },
      Date.now() + 30_000,
    );
    const recorded = new Set(
      (
        await bench.db.query<{ quiz_id: string; user_id: string }>(
          'SELECT quiz_id, user_id FROM quiz_answers',
        )
      ).rows.map((r) => `${r.quiz_id}:${r.user_id}`),
    );
    const notRecorded = new Set(
      standIn.calls
        .filter((c) => c.method.startsWith('response_url:') && c.body.text === SCORES_UNAVAILABLE)
        .map((c) => c.method.slice('response_url:'.length)),
    );
    const toldPairs = new Set(clicks.filter((c) => notRecorded.has(c.responseId)).map((c) => c.pair));
    const lostSilently = new Set(
      clicks.filter((c) => !recorded.has(c.pair) && !toldPairs.has(c.pair)).map((c) => c.pair),
    ).size;
    const one = async (sql: string) => Number((await bench.db.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const matching = (await stored()).filter(
      (r) => standIn.messages(r.channel_id)[0]?.ts === r.message_ts && r.message_ts,
    ).length;
    const result = {
      processes: opts.processes,
      workspaces: opts.workspaces,
      concurrency: opts.concurrency,
      postsPerChannel: channels.map((c) => standIn.messages(c.channelId).length),
      postsStoredMatching: matching,
      postsWithTeamToken: channels.filter((c) =>
        standIn.calls.some(
          (x) =>
            x.method === 'chat.postMessage' &&
            x.body.channel === c.channelId &&
            !x.body.thread_ts &&
            x.token === tokenOf(c.teamId),
        ),
      ).length,
      posters: await one('SELECT count(DISTINCT claimed_by) AS n FROM quiz_posts'),
      clicksSent: clicks.length,
      retries: clicks.filter((c) => c.kind === 'retry').length,
      doubleClicks: clicks.filter((c) => c.kind === 'double').length,
      distinctSent: new Set(clicks.map((c) => c.pair)).size,
      counted: recorded.size,
      toldNotRecorded: notRecorded.size,
      lostSilently,
      totalsAnswered: await one('SELECT coalesce(sum(answered), 0) AS n FROM user_totals'),
      cardReviews: await one('SELECT count(*) AS n FROM study_card_reviews'),
      cardsMovedTwice: await one('SELECT count(*) AS n FROM study_cards WHERE reps > 1'),
      ackP50: load.latency.p50,
      ackP99: load.latency.p99,
      clicksPerSecond: clicks.length / load.duration,
      non200: load.non2xx + load.errors,
      forwarded: [...proxy.forwarded],
      errorLines: [] as string[],
    };
    await cluster?.stop();
    result.errorLines = cluster?.errorLines() ?? ['the processes never started'];
    return result;
  } finally {
    await proxy?.close();
    await cluster?.stop();
    await standIn.close();
    await bench.drop();
    await rm(work, { recursive: true, force: true });
  }
}
