/**
 * Slash-command round trip under load: N signed `/saa` requests, C at a time, from autocannon in
 * a child process (its own CPU) into the real Bolt HTTP receiver; measures the HTTP ack (200) and
 * the time until the answer reaches response_url on a local stand-in. All on 127.0.0.1.
 */

import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractiveAnswerer } from '../src/answer/answerer.ts';
import { openKnowledge } from '../src/retrieval/open-knowledge.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';
import { startSlackStandIn } from '../tests/helpers/slack-stand-in.ts';
import { percentile } from './retrieval-bench.ts';

/** Result of one HTTP run; times in ms. */
export interface HttpResult {
  requests: number;
  concurrency: number;
  ackP50: number;
  ackP99: number;
  deliveredP50: number;
  deliveredP99: number;
  perSecond: number;
  failures: number;
}

/** Runs the load and tears everything down. */
export async function benchHttp(
  notesDir: string,
  questions: string[],
  opts: { requests: number; concurrency: number },
): Promise<HttpResult> {
  const secret = 'bench-secret';
  const standIn = await startSlackStandIn();
  const knowledge = await openKnowledge(notesDir, join(tmpdir(), 'saa-bench-index'));
  const slack = createSlackApp(
    {
      botToken: 'xoxb-bench',
      signingSecret: secret,
      slackApiUrl: standIn.apiUrl,
      port: 0,
      logLevel: 'error',
    },
    { answerer: new ExtractiveAnswerer(() => knowledge.index) },
  );
  const port = await slack.start();
  const receivedAt = new Map<string, number>();
  const done = new Promise<void>((resolve) => {
    const check = () => {
      for (const c of standIn.calls.splice(0)) {
        if (c.method.startsWith('response_url:'))
          receivedAt.set(c.method.slice('response_url:'.length), performance.timeOrigin + performance.now());
      }
      if (receivedAt.size >= opts.requests) resolve();
      else setTimeout(check, 1);
    };
    check();
  });
  const child = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./http-load.mjs', import.meta.url)),
      JSON.stringify({
        url: `http://127.0.0.1:${port}/slack/events`,
        secret,
        amount: opts.requests,
        connections: opts.concurrency,
        responseBase: standIn.responseUrl('').replace(/\/$/, ''),
        questions,
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const load = JSON.parse(out) as {
    latency: { p50: number; p99: number };
    rps: number;
    non2xx: number;
    errors: number;
    sentAt: number[];
  };
  await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
  await slack.stop();
  await standIn.close();
  const delivered = load.sentAt.flatMap((sent, i) => {
    const at = receivedAt.get(`b${i}`);
    return at === undefined ? [] : [at - sent];
  });
  return {
    requests: opts.requests,
    concurrency: opts.concurrency,
    ackP50: load.latency.p50,
    ackP99: load.latency.p99,
    deliveredP50: percentile(delivered, 50),
    deliveredP99: percentile(delivered, 99),
    perSecond: load.rps,
    failures: load.non2xx + load.errors + (opts.requests - delivered.length),
  };
}
