/**
 * Slash-command round trip under load: N signed `/saa` requests, C at a time, from autocannon in
 * a child process (its own CPU) into the real Bolt HTTP receiver; measures the HTTP ack (200) and
 * the time until the answer reaches response_url on a local stand-in. All on 127.0.0.1.
 */

import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractiveAnswerer } from '../src/answer/answerer.ts';
import { openKnowledge } from '../src/retrieval/open-knowledge.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';

/** Result of one HTTP run; times in ms. */
export interface HttpResult {
  requests: number;
  concurrency: number;
  ackP50: number;
  ackP99: number;
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
  const standIn = spawn(
    process.execPath,
    [fileURLToPath(new URL('./stand-in-process.mjs', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const standInPort = await new Promise<number>((resolve) =>
    standIn.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const standInUrl = `http://127.0.0.1:${standInPort}`;
  const knowledge = await openKnowledge(notesDir, join(tmpdir(), 'saa-bench-index'));
  const slack = createSlackApp(
    {
      botToken: 'xoxb-bench',
      signingSecret: secret,
      slackApiUrl: `${standInUrl}/api/`,
      port: 0,
      logLevel: 'error',
    },
    { answerer: new ExtractiveAnswerer(() => knowledge.index) },
  );
  const port = await slack.start();
  // Warm-up, not measured: Bolt's first auth.test, lazy module loading, JIT.
  await runLoad({
    url: `http://127.0.0.1:${port}/slack/events`,
    secret,
    amount: 300,
    connections: 20,
    responseBase: `${standInUrl}/response`,
    questions,
  });
  const load = await runLoad({
    url: `http://127.0.0.1:${port}/slack/events`,
    secret,
    amount: opts.requests,
    connections: opts.concurrency,
    responseBase: `${standInUrl}/response`,
    questions,
  });
  standIn.kill();
  await slack.stop();
  return httpResult(load, opts);
}

/**
 * The same load against a bare node:http server that only checks the signature and answers a
 * fixed JSON body: what this machine allows before Bolt and our code add anything.
 */
export async function benchBaseline(opts: { requests: number; concurrency: number }): Promise<HttpResult> {
  const secret = 'bench-secret';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const ts = String(req.headers['x-slack-request-timestamp']);
      const ok =
        req.headers['x-slack-signature'] ===
        `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
      res
        .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
        .end('{"response_type":"ephemeral","text":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const job = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    secret,
    amount: opts.requests,
    connections: opts.concurrency,
    responseBase: 'http://127.0.0.1:1/response',
    questions: ['dax'],
  };
  await runLoad({ ...job, amount: 300, connections: 20 });
  const load = await runLoad(job);
  await new Promise((r) => server.close(() => r(undefined)));
  return httpResult(load, opts);
}

/** One table row from a load run. */
function httpResult(load: LoadResult, opts: { requests: number; concurrency: number }): HttpResult {
  return {
    requests: opts.requests,
    concurrency: opts.concurrency,
    ackP50: load.latency.p50,
    ackP99: load.latency.p99,
    perSecond: load.rps,
    failures: load.non2xx + load.errors,
  };
}

/** What bench/http-load.mjs reports: autocannon latency (ms), duration (s) and each request's send time. */
export interface LoadResult {
  latency: { p50: number; p99: number };
  rps: number;
  duration: number;
  non2xx: number;
  errors: number;
  sentAt: number[];
}

/** Runs bench/http-load.mjs (autocannon) in a child process with `job` and returns its report. */
export async function runLoad(job: Record<string, unknown>): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./http-load.mjs', import.meta.url)), JSON.stringify(job)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as LoadResult;
}
