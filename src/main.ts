/**
 * Composition root: configuration → knowledge (notes + index) → services → adapter.
 * With SLACK_BOT_TOKEN the Slack app runs (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT);
 * without it, a console on standard input takes the same `/saa` commands.
 */

import { join } from 'node:path';
import { createAnswerer } from './answer/create-answerer.ts';
import type { CommandServices } from './commands/handle-command.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runConsole } from './console/run-console.ts';
import { openKnowledge } from './retrieval/open-knowledge.ts';
import { createSlackApp } from './slack/create-slack-app.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledge = await openKnowledge(config.NOTES_DIR, join(config.DATA_DIR, 'index-cache'));
  for (const w of knowledge.corpus.warnings) console.error(`warning: ${w}`);
  console.error(
    `Loaded ${knowledge.corpus.files.length} note files (${knowledge.corpus.passages.length} passages) from ${config.NOTES_DIR}; ` +
      `index ${knowledge.fromCache ? 'loaded from cache' : 'built'} in ${Math.round(knowledge.indexMs)} ms.`,
  );
  const services: CommandServices = { answerer: createAnswerer(config, () => knowledge.index) };
  if (!config.SLACK_BOT_TOKEN) {
    await runConsole(process.stdin, process.stdout, services);
    return;
  }
  const slack = createSlackApp(
    {
      botToken: config.SLACK_BOT_TOKEN,
      signingSecret: config.SLACK_SIGNING_SECRET,
      appToken: config.SLACK_APP_TOKEN,
      slackApiUrl: config.SLACK_API_URL,
      port: config.PORT,
      logLevel: config.LOG_LEVEL,
    },
    services,
  );
  const port = await slack.start();
  console.error(
    port === null
      ? 'Slack app running in Socket Mode.'
      : `Slack app listening on :${port} (POST /slack/events, GET /healthz).`,
  );
  const shutdown = async () => {
    await slack.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `saa-study-bot failed to start: ${(err as Error).stack ?? err}`,
  );
  process.exit(1);
});
