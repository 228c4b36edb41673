/**
 * Can one person stall every ack? 12 signed `/saa` requests, each a 40 KB question (the notes'
 * own words, a third of them misspelled so that spelling correction has work), sent at once into
 * the real Bolt HTTP receiver over ~1 MB of notes; while they run, a normal `/saa` question and
 * `GET /healthz`. Slack wants every ack within 3 s (https://api.slack.com/interactivity/slash-commands#responding_basic_receipt).
 */

import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractiveAnswerer } from '../src/answer/answerer.ts';
import { openKnowledge } from '../src/retrieval/open-knowledge.ts';
import { tokenize } from '../src/retrieval/tokenize.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';

/** What the run measured; times in ms. */
export interface StallResult {
  notesBytes: number;
  questions: number;
  questionBytes: number;
  heavyAckMax: number;
  heavyAckP50: number;
  normalAck: number;
  healthz: number;
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
}

/** ~`bytes` of notes in a temporary folder: the given folders' notes, copied until big enough. */
async function bigNotes(
  sources: string[],
  bytes: number,
): Promise<{ dir: string; size: number; words: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'saa-stall-'));
  const texts: Array<[string, string]> = [];
  for (const src of sources) {
    for (const f of await files(src)) texts.push([relative(src, f), await readFile(f, 'utf8')]);
  }
  let size = 0;
  let vocabulary = 0;
  for (let copy = 0; size < bytes; copy += 1) {
    for (const [name, text] of texts) {
      const path = join(dir, `copy${copy}`, name);
      await mkdir(join(path, '..'), { recursive: true });
      // Each copy says it a little differently, so the copies are not one repeated passage, and
      // brings new words (the vocabulary of 1 MB of real notes runs to tens of thousands of words).
      const varied = text
        .replace(/\b(\d+)\b/g, (n) => String(Number(n) + copy))
        .replace(/\n/g, () => ` ${pseudoWord(vocabulary++)}\n`);
      await writeFile(path, varied);
      size += (await stat(path)).size;
      if (size >= bytes) break;
    }
  }
  const words = [...new Set(texts.flatMap(([, t]) => tokenize(t)).filter((w) => w.length >= 5))];
  return { dir, size, words };
}

/** The n-th made-up word: 6–9 letters, distinct for every n. */
function pseudoWord(n: number): string {
  let out = '';
  let x = n + 1_000_003;
  while (out.length < 6 || x > 0) {
    out += 'bcdfghjklmnpqrstvwz'[x % 19];
    x = Math.floor(x / 19);
    if (out.length % 2 === 1) out += 'aeiou'[n % 5];
  }
  return out;
}

/** A `bytes`-long question of notes words, every third one misspelled (two letters swapped). */
function heavyQuestion(words: string[], bytes: number, seed: number): string {
  let out = '';
  let i = seed;
  while (out.length < bytes) {
    i = (i * 1103515245 + 12345) % 2147483648;
    const w = words[i % words.length] ?? 'lambda';
    out += `${i % 3 === 0 ? `${w.slice(0, 2)}${w[3] ?? ''}${w[2] ?? ''}${w.slice(4)}` : w} `;
  }
  return out.slice(0, bytes);
}

function signedForm(
  secret: string,
  text: string,
  responseUrl: string,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    command: '/saa',
    text,
    user_id: 'U1',
    user_name: 'bench',
    team_id: 'T1',
    channel_id: 'C1',
    response_url: responseUrl,
    trigger_id: 't',
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signature,
    },
  };
}

async function timed(fn: () => Promise<Response>): Promise<number> {
  const t = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - t;
}

/** Runs the stall test over `sources` (notes folders). */
export async function benchStall(
  sources: string[],
  opts = { notesBytes: 1_000_000, questions: 12, questionBytes: 40_000 },
): Promise<StallResult> {
  const secret = 'bench-secret';
  // A Slack Web API stand-in in its own process: Bolt calls auth.test before the first request.
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
  const notes = await bigNotes(sources, opts.notesBytes);
  const knowledge = await openKnowledge(notes.dir, join(notes.dir, '.cache'), {
    log: { info() {}, warn() {} },
  });
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
  const url = `http://127.0.0.1:${port}/slack/events`;
  const post = (text: string) => {
    const { body, headers } = signedForm(secret, text, `${standInUrl}/response`);
    return fetch(url, { method: 'POST', body, headers });
  };
  await timed(() => post('warm up: lambda timeout'));
  const heavy = Array.from({ length: opts.questions }, (_, i) =>
    timed(() => post(heavyQuestion(notes.words, opts.questionBytes, i + 1))),
  );
  await new Promise((r) => setTimeout(r, 20));
  const normal = timed(() => post('how long can a lambda function run'));
  const healthz = timed(() => fetch(`http://127.0.0.1:${port}/healthz`));
  const heavyMs = await Promise.all(heavy);
  const result: StallResult = {
    notesBytes: notes.size,
    questions: opts.questions,
    questionBytes: opts.questionBytes,
    heavyAckMax: Math.max(...heavyMs),
    heavyAckP50: [...heavyMs].sort((a, b) => a - b)[Math.floor(heavyMs.length / 2)] ?? 0,
    normalAck: await normal,
    healthz: await healthz,
  };
  await slack.stop();
  standIn.kill();
  await rm(notes.dir, { recursive: true, force: true });
  return result;
}
