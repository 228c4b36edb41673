/**
 * Composition root: configuration → services (notes, index, answers, storage, quiz) → adapter.
 * With SLACK_BOT_TOKEN the Slack app runs for that one workspace (Socket Mode with
 * SLACK_APP_TOKEN, else HTTP on PORT); with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and
 * SLACK_STATE_SECRET it runs in HTTP mode for every workspace that installs it through
 * `/slack/install`, each with its own token. Either way the daily-quiz scheduler ticks every
 * minute. With neither, a console on standard input takes the same `/saa` commands.
 */

import { LogLevel, WebClient } from '@slack/web-api';
import cron from 'node-cron';
import { openServices, type Services, slackProfileFetcher, slackQuizContext } from './bootstrap.ts';
import type { CommandServices } from './commands/handle-command.ts';
import { type Config, ConfigError, loadConfig, oauthConfigured } from './config.ts';
import { runConsole } from './console/run-console.ts';
import { exampleQuestion } from './conversation/example-question.ts';
import type { QuizContext } from './daily-quiz/quiz-context.ts';
import { startQuizScheduler } from './daily-quiz/quiz-scheduler.ts';
import { eraseDueWorkspaces } from './data-lifecycle/erase-workspaces.ts';
import { workspaceReturned } from './data-lifecycle/workspace-returned.ts';
import { JsonLogger } from './observability/json-logger.ts';
import { BotMetrics } from './observability/metrics.ts';
import { checkReadiness } from './observability/readiness.ts';
import type { ScoreContext } from './scores/score-context.ts';
import { BOT_SCOPES } from './slack/bot-scopes.ts';
import { createSlackApp } from './slack/create-slack-app.ts';
import type { OAuthOptions } from './slack/oauth-install.ts';
import { singleAttemptOptions } from './slack/slack-client-options.ts';
import { SlackTokenRefusedError, waitForSlack } from './slack/wait-for-slack.ts';
import { DataDirLockedError } from './storage/data-dir-lock.ts';

/** When the erasure sweep runs: minute 17 of every hour. */
const ERASURE_CRON = '17 * * * *';

function report(services: Services, config: Config): void {
  const { corpus, fromCache, indexMs } = services.knowledge;
  for (const w of corpus.warnings) console.error(`warning: ${w}`);
  for (const p of services.bankProblems) console.error(`question bank: ${p}`);
  console.error(
    `Loaded ${corpus.files.length} note files (${corpus.passages.length} passages) from ${config.NOTES_DIR}; ` +
      `index ${fromCache ? 'loaded from cache' : 'built'} in ${Math.round(indexMs)} ms; ${services.bank.length} quiz questions.`,
  );
}

/**
 * OAuth install from configuration, or undefined for one workspace (SLACK_BOT_TOKEN). A stored
 * installation of a workspace cancels its pending erasure (it came back), so its daily quiz
 * resumes without waiting for its first request.
 */
function oauthOptions(config: Config, services: Services): OAuthOptions | undefined {
  if (!oauthConfigured(config)) return undefined;
  return {
    clientId: config.SLACK_CLIENT_ID ?? '',
    clientSecret: config.SLACK_CLIENT_SECRET ?? '',
    stateSecret: config.SLACK_STATE_SECRET ?? '',
    installationStore: services.installations,
    scopes: BOT_SCOPES,
    onInstalled: async (installation) => {
      const teamId = installation.team?.id;
      if (!installation.isEnterpriseInstall && teamId) await workspaceReturned(services.lifecycle, teamId);
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const metrics = new BotMetrics();
  const logger = config.LOG_FORMAT === 'json' ? new JsonLogger(config.LOG_LEVEL) : undefined;
  const services = await openServices(config, logger ?? console, metrics);
  report(services, config);
  const oauth = oauthOptions(config, services);
  if (!config.SLACK_BOT_TOKEN && !oauth) {
    const quiz = services.quizContext({
      postQuestion: async () => {
        throw new Error('the console cannot post to a channel');
      },
      findQuestion: async () => ({ found: null }),
      updateQuestion: async () => undefined,
      postReveal: async () => undefined,
    });
    const scores = services.scoreContext(null);
    await runConsole(process.stdin, process.stdout, {
      answerer: services.answerer,
      quiz: () => quiz,
      scores: () => scores,
    });
    await services.close();
    return;
  }
  let quiz: QuizContext | null = null;
  let scores: ScoreContext | null = null;
  const commandServices: CommandServices = {
    scores: () => {
      if (!scores) throw new Error('score context used before the Slack app was built');
      return scores;
    },
    answerer: services.answerer,
    answerers: services.answerers,
    quiz: () => {
      if (!quiz) throw new Error('quiz context used before the Slack app was built');
      return quiz;
    },
    metrics,
    lifecycle: services.lifecycle,
    exampleQuestion: () =>
      exampleQuestion(services.knowledge.corpus.sections, new Date().toISOString().slice(0, 10)),
  };
  // Bolt checks the token as it is built, and a failed check would end the process: wait for Slack.
  // (With OAuth install there is no token to check: each request is authorized from its installation.)
  if (config.SLACK_BOT_TOKEN) {
    await waitForSlack(
      new WebClient(config.SLACK_BOT_TOKEN, {
        ...singleAttemptOptions({ apiUrl: config.SLACK_API_URL, timeoutMs: config.SLACK_API_TIMEOUT_MS }),
        logLevel: LogLevel.ERROR, // waitForSlack says it once; the client would say it every attempt
      }),
      logger ?? console,
    );
  }
  const slack = createSlackApp(
    {
      botToken: config.SLACK_BOT_TOKEN,
      oauth,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      slackApiUrl: config.SLACK_API_URL,
      apiTimeoutMs: config.SLACK_API_TIMEOUT_MS,
      port: config.PORT,
      logLevel: config.LOG_LEVEL,
      logger,
      metrics,
      readiness: () =>
        checkReadiness({
          database: async () => {
            await services.storage.ready();
            await services.storage.db.query('SELECT 1');
          },
          indexPassages: () => services.knowledge.index.passages.length,
        }),
    },
    commandServices,
  );
  quiz = slackQuizContext(services, slack.clients);
  scores = services.scoreContext(slackProfileFetcher(slack.clients));
  try {
    await services.storage.ready();
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err;
    console.error(
      `database not ready (${(err as Error).message}); answers work, the quiz starts when it returns`,
    );
  }
  const port = await slack.start();
  const scheduler = startQuizScheduler(() => quiz as QuizContext);
  // Workspaces past their grace period after an uninstall are erased; hourly is plenty for days.
  const erasures = cron.schedule(ERASURE_CRON, () =>
    eraseDueWorkspaces(services.lifecycle).catch((err) =>
      console.error(`workspace erasure skipped (${(err as Error).message}); next hour`),
    ),
  );
  console.error(
    port === null
      ? 'Slack app running in Socket Mode.'
      : `Slack app listening on :${port} (POST /slack/events, ${oauth ? 'GET /slack/install, /slack/oauth_redirect, ' : ''}GET /healthz, /readyz, /metrics).`,
  );
  const shutdown = async () => {
    await scheduler.stop();
    await erasures.stop();
    await slack.stop().catch(() => undefined);
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  const known =
    err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof SlackTokenRefusedError;
  console.error(known ? err.message : `saa-study-bot failed to start: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
