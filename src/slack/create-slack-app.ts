/**
 * The Bolt app: Socket Mode when an app-level token is configured, otherwise HTTP on PORT with
 * Bolt's default `POST /slack/events`, plus `GET /healthz`. Signature verification stays on:
 * Bolt rejects unsigned, forged and stale (> 5 min old) requests; we also reject timestamps more
 * than 5 min in the future; a signed request seen before, or one Bolt cannot route, is acked and
 * ignored (request-guard.ts). `slackApiUrl` points the Web API client elsewhere (tests, proxies).
 * Deadlines (issue 9): every Web API call and response_url post (slack-client-options.ts), and
 * the time a request may take to arrive (timeouts.ts).
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type BlockButtonAction, ExpressReceiver, type Logger, LogLevel } from '@slack/bolt';
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
import { registerLifecycle } from './listeners/events/uninstall.ts';
import { registerViews } from './listeners/views/index.ts';
import { guardSlackRequests } from './request-guard.ts';
import { slackClientOptions } from './slack-client-options.ts';
import { rejectFutureTimestamps } from './verify-timestamp.ts';
import { FORGET_ACTION } from './views/forget-blocks.ts';

/** What the Slack adapter needs from configuration. */
export interface SlackOptions {
  botToken: string;
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
 * `register` adds listeners that need more than the command services (quiz buttons, App Home).
 * @throws Error when HTTP mode is chosen without a signing secret.
 */
export function createSlackApp(
  options: SlackOptions,
  services: CommandServices,
  register?: (app: App) => void,
): SlackAdapter {
  const clientOptions = slackClientOptions({ apiUrl: options.slackApiUrl, timeoutMs: options.apiTimeoutMs });
  const logLevel = LEVELS[options.logLevel ?? 'info'];
  const logger = options.logger;
  let app: App;
  let receiver: ExpressReceiver | null = null;
  if (options.appToken) {
    app = new App({
      token: options.botToken,
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
    receiver = new ExpressReceiver({ signingSecret: options.signingSecret, router, logLevel, logger });
    app = new App({ token: options.botToken, receiver, clientOptions, logLevel, logger });
  }
  app.error(async (err) => {
    options.metrics?.slackError('listener');
    app.logger.error('unhandled Slack listener error', err);
  });
  if (services.lifecycle) {
    registerLifecycle(app, services.lifecycle);
    app.action<BlockButtonAction>(FORGET_ACTION, forgetMe(services.lifecycle));
  }
  registerCommands(app, services);
  registerActions(app, services.quiz);
  registerEvents(app, services, services.exampleQuestion);
  registerViews(app, services.quiz);
  register?.(app);
  let server: Server | null = null;
  return {
    app,
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
