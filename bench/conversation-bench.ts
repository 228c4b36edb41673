/**
 * The Messages tab's speed: from a signed DM event into the real Bolt receiver to (a) the first
 * streamed text reaching Slack (chat.startStream on the Slack stand-in) with the OpenAI stand-in
 * streaming its reply at once, and (b) the whole extractive reply (chat.postMessage). Distinct
 * questions, one at a time, so no answer comes from a cache. Target for (a): ≤ 300 ms (issue 13).
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractiveAnswerer } from '../src/answer/answerer.ts';
import { createAnswerer } from '../src/answer/create-answerer.ts';
import { loadConfig } from '../src/config.ts';
import { openKnowledge } from '../src/retrieval/open-knowledge.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';
import { startOpenAiStandIn } from '../tests/helpers/openai-stand-in.ts';
import { eventCallback, postSignedEvent } from '../tests/helpers/signed-request.ts';
import { slackAppOptions, startSlackStandIn } from '../tests/helpers/slack-stand-in.ts';

const SECRET = 'bench-conversation';

/** Percentiles of the two measurements (ms) over `runs` questions each. */
export interface ConversationBench {
  runs: number;
  firstTokenP50: number;
  firstTokenP99: number;
  extractiveP50: number;
  extractiveP99: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs the bench over `questions` (answerable ones) on the notes in `notesDir`. */
export async function benchConversation(
  notesDir: string,
  questions: readonly string[],
): Promise<ConversationBench> {
  const slack = await startSlackStandIn();
  const openai = await startOpenAiStandIn();
  openai.script(() => ({ kind: 'reply', content: '', chunks: ['From your notes: ', 'the answer [1].'] }));
  const knowledge = await openKnowledge(notesDir, mkdtempSync(join(tmpdir(), 'saa-bench-index-')));
  const config = loadConfig(
    { OPENAI_BASE_URL: openai.baseUrl, OPENAI_MODEL: 'stand-in' },
    { purpose: 'cli' },
  );
  const quiet = { info: () => undefined, warn: () => undefined };
  const modelApp = createSlackApp(slackAppOptions(slack, SECRET), {
    answerer: createAnswerer(config, () => knowledge.index, { log: quiet }),
  });
  const extractiveApp = createSlackApp(slackAppOptions(slack, SECRET), {
    answerer: new ExtractiveAnswerer(() => knowledge.index),
  });
  const modelUrl = `http://127.0.0.1:${await modelApp.start()}/slack/events`;
  const extractiveUrl = `http://127.0.0.1:${await extractiveApp.start()}/slack/events`;
  let n = 0;
  const ask = async (url: string, text: string, method: string): Promise<number> => {
    const ts = `1900000${String(++n).padStart(4, '0')}.000100`;
    const started = performance.now();
    const answered = slack.waitFor((c) => c.method === method && c.body.thread_ts === ts, 10_000);
    await postSignedEvent(
      url,
      eventCallback({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text, ts, team: 'T1' }),
      SECRET,
    );
    await answered;
    return performance.now() - started;
  };
  const firstToken: number[] = [];
  const extractive: number[] = [];
  try {
    for (const q of questions) {
      firstToken.push(await ask(modelUrl, q, 'chat.startStream').catch(() => Number.NaN));
      extractive.push(await ask(extractiveUrl, q, 'chat.postMessage'));
    }
  } finally {
    await modelApp.stop();
    await extractiveApp.stop();
    await slack.close();
    await openai.close();
  }
  const streamed = firstToken.filter((t) => !Number.isNaN(t));
  return {
    runs: questions.length,
    firstTokenP50: percentile(streamed, 50),
    firstTokenP99: percentile(streamed, 99),
    extractiveP50: percentile(extractive, 50),
    extractiveP99: percentile(extractive, 99),
  };
}
