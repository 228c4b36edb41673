/**
 * The Bolt app: Socket Mode when an app-level token is configured, otherwise HTTP on PORT with
 * Bolt's default `POST /slack/events`, plus `GET /healthz`. One workspace with a bot token, or
 * (`oauth`, HTTP mode only) any number of workspaces installed through Bolt's installer:
 * `GET /slack/install` serves the "Add to Slack" page and sets the state cookie,
 * `GET /slack/oauth_redirect` exchanges the code (oauth.v2.access) and stores the installation;
 * every request is then authorized from the installation store, refreshing a rotating token
 * that expires within 2 hours (@slack/oauth InstallProvider.authorize;
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/; oauth-install.ts).
 * `clients` gives the bot's own calls (daily post, reminders) each workspace's token
 * (team-clients.ts). Signature verification stays on: Bolt rejects unsigned, forged and stale
 * (> 5 min old) requests; we also reject timestamps more than 5 min in the future; a signed request seen before, or one Bolt cannot route, is acked and
 * ignored (request-guard.ts). `slackApiUrl` points the Web API client elsewhere (tests, proxies).
 * Deadlines (issue 9): every Web API call and response_url post (slack-client-options.ts), and
 * the time a request may take to arrive (timeouts.ts).
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type BlockButtonAction, ExpressReceiver, type Logger, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import express from 'express';
import type { CommandServices } from '../commands/handle-command.ts';
import type { BotMetrics } from '../observability/metrics.ts';
import type { ReadinessReport } from '../observability/readiness.ts';
import { currentRequestId, withRequestId } from '../observability/request-context.ts';
import {
  HTTP_HEADERS_TIMEOUT_MS,
  HTTP_REQUEST_TIMEOUT_MS,
  HTTP_TIMEOUT_CHECK_INTERVAL_MS,
} from '../timeouts.ts';
import { forgetMe } from './listeners/actions/forget-me.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerInstallationRemoval, registerLifecycle } from './listeners/events/uninstall.ts';
import { registerViews } from './listeners/views/index.ts';
import {
  guardAuthorize,
  type OAuthOptions,
  oauthReceiverOptions,
  refusedForNoInstallation,
} from './oauth-install.ts';
import { guardSlackRequests } from './request-guard.ts';
import { singleAttemptOptions, slackClientOptions } from './slack-client-options.ts';
import { installedTeamClients, singleWorkspaceClients, type TeamClients } from './team-clients.ts';
import { rejectFutureTimestamps } from './verify-timestamp.ts';
import { FORGET_ACTION } from './views/forget-blocks.ts';

/** What the Slack adapter needs from configuration: `botToken` (one workspace) or `oauth`. */
export interface SlackOptions {
  /** One workspace's bot token (SLACK_BOT_TOKEN); absent with `oauth`. */
  botToken?: string;
  /** OAuth install, HTTP mode only; absent with `botToken`. */
  oauth?: OAuthOptions;
  signingSecret?: string;
  appToken?: string;
  slackApiUrl?: string;
  /** Deadline of one Web API call or response_url post (ms; config SLACK_API_TIMEOUT_MS, default timeouts.ts). */
  apiTimeoutMs?: number;
  port: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where Bolt and our listeners log (default: Bolt's console logger at `logLevel`). */
  logger?: Logger;
  /** Prometheus metrics: `GET /metrics` serves them; Slack acks and listener errors are counted. */
  metrics?: BotMetrics;
  /** Readiness for `GET /readyz` (database reachable, index loaded); absent: always ready. */
  readiness?: () => Promise<ReadinessReport>;
  /** HTTP mode: how long a request may take to arrive (ms); defaults from timeouts.ts (tests shorten them). */
  server?: { headersTimeoutMs?: number; requestTimeoutMs?: number; checkIntervalMs?: number };
}

/** A started-or-startable Slack adapter. */
export interface SlackAdapter {
  app: App;
  /** Clients with each workspace's bot token, for calls not made in answer to a request. */
  clients: TeamClients;
  /** Starts listening; resolves with the HTTP port (HTTP mode) or null (Socket Mode). */
  start(): Promise<number | null>;
  stop(): Promise<void>;
}

const LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

/**
 * Builds the Bolt app and registers every listener.
 * @throws Error when HTTP mode is chosen without a signing secret, with neither or both of
 *   `botToken` and `oauth`, or with `oauth` in Socket Mode.
 */
export function createSlackApp(options: SlackOptions, services: CommandServices): SlackAdapter {
  const clientOptions = slackClientOptions({ apiUrl: options.slackApiUrl, timeoutMs: options.apiTimeoutMs });
  const logLevel = LEVELS[options.logLevel ?? 'info'];
  const logger = options.logger;
  const { botToken, oauth } = options;
  if (Boolean(botToken) === Boolean(oauth))
    throw new Error('give the Slack app a bot token or OAuth options, one of them');
  if (oauth && options.appToken) throw new Error('OAuth install runs in HTTP mode, not Socket Mode');
  let app: App;
  let receiver: ExpressReceiver | null = null;
  if (options.appToken) {
    app = new App({
      token: botToken,
      appToken: options.appToken,
      socketMode: true,
      clientOptions,
      logLevel,
      logger,
    });
  } else {
    if (!options.signingSecret) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    const router = express.Router();
    // Each Slack request gets a request id (a proxy's x-request-id, else a new UUID) that every
    // log line written while it is handled carries, and its ack time is measured.
    router.use('/slack/events', (req, res, next) => {
      withRequestId(req.header('x-request-id'), () => {
        res.setHeader('x-request-id', currentRequestId() ?? '');
        const started = performance.now();
        res.on('finish', () => options.metrics?.ack((performance.now() - started) / 1000));
        next();
      });
    });
    router.get('/healthz', (_req, res) => {
      res.status(200).json({ ok: true });
    });
    router.get('/readyz', async (_req, res) => {
      const report = options.readiness ? await options.readiness() : { ok: true, checks: {} };
      res.status(report.ok ? 200 : 503).json(report);
    });
    router.get('/metrics', async (_req, res) => {
      if (!options.metrics) {
        res.status(404).type('text/plain').send('metrics are off\n');
        return;
      }
      res
        .status(200)
        .type(options.metrics.contentType)
        .send(await options.metrics.text());
    });
    router.use('/slack/events', rejectFutureTimestamps());
    // Before the receiver: it registers its own POST handler on this router when constructed.
    router.use(
      '/slack/events',
      ...guardSlackRequests({
        signingSecret: options.signingSecret,
        logger: { warn: (...args: unknown[]) => app.logger.warn(...args) },
      }),
    );
    receiver = new ExpressReceiver({
      signingSecret: options.signingSecret,
      router,
      logLevel,
      logger,
      ...(oauth ? oauthReceiverOptions(oauth, clientOptions, () => app.logger) : {}),
    });
    // Before the App reads it.
    if (receiver.installer) guardAuthorize(receiver.installer);
    app = new App({ token: botToken, receiver, clientOptions, logLevel, logger });
  }
  const settings = { apiUrl: options.slackApiUrl, timeoutMs: options.apiTimeoutMs };
  const installer = receiver?.installer;
  const clients = installer
    ? installedTeamClients(installer.authorize, settings)
    : singleWorkspaceClients(app.client, new WebClient(botToken, singleAttemptOptions(settings)));
  app.error(async (err) => {
    if (oauth && refusedForNoInstallation(err)) {
      app.logger.warn(`request ignored: ${err.message}`);
      return;
    }
    options.metrics?.slackError('listener');
    app.logger.error('unhandled Slack listener error', err);
  });
  if (oauth) registerInstallationRemoval(app, oauth.installationStore);
  if (services.lifecycle) {
    registerLifecycle(app, services.lifecycle);
    app.action<BlockButtonAction>(FORGET_ACTION, forgetMe(services.lifecycle));
  }
  registerCommands(app, services);
  registerActions(app, services.quiz);
  registerEvents(app, services, services.exampleQuestion);
  registerViews(app, services.quiz);
  let server: Server | null = null;
  return {
    app,
    clients,
    async start() {
      if (!receiver) {
        await app.start();
        return null;
      }
      // A stalled request must not hold a connection for Node's default 300 s (issue 9, item 14).
      server = (await app.start(options.port, {
        headersTimeout: options.server?.headersTimeoutMs ?? HTTP_HEADERS_TIMEOUT_MS,
        requestTimeout: options.server?.requestTimeoutMs ?? HTTP_REQUEST_TIMEOUT_MS,
        connectionsCheckingInterval: options.server?.checkIntervalMs ?? HTTP_TIMEOUT_CHECK_INTERVAL_MS,
      })) as Server;
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await app.stop();
    },
  };
}
