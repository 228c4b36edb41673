/**
 * Several real bot processes on one database (issue 14, item 3): `node --import tsx src/main.ts` as
 * the Dockerfile runs it (or the same code compiled once, tests/helpers/bot-build.ts), in HTTP mode
 * on an ephemeral port, with DATABASE_URL and SLACK_API_URL given, JSON logs (LOG_FORMAT=json) on
 * standard error. Each process gets its own DATA_DIR (its index cache), as separate containers
 * would. Every line a process writes is kept, so a test can check that no process logged an error.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** How long a process may take to listen (ms): notes, index and database on a busy machine. */
export const CLUSTER_START_TIMEOUT_MS = 60_000;

/** Options of {@link startBotCluster}. */
export interface ClusterOptions {
  processes: number;
  databaseUrl: string;
  /** The Slack stand-in's Web API base, e.g. `http://127.0.0.1:4000/api/`. */
  slackApiUrl: string;
  signingSecret: string;
  /** More environment variables for every process (e.g. QUIZ_REVEAL_AFTER). */
  env?: Record<string, string>;
  /**
   * Node's arguments that start the bot, run in the repository root: default `--import tsx
   * src/main.ts`, as the Dockerfile runs it; tests pass the run's compiled bot (bot-build.ts).
   */
  nodeArgs?: string[];
  /** Runs on each process's new, empty DATA_DIR before the process starts (e.g. to seed its embedded database). */
  prepareDataDir?: (dataDir: string) => Promise<void>;
}

/** Running processes. `backends[i]`: base URL of process i; `lines[i]`: what it wrote, line by line. */
export interface BotCluster {
  backends: string[];
  lines: string[][];
  /** Lines that report an error: a JSON line at level `error`, or any other line that is not a known start-up line. */
  errorLines(): string[];
  /** SIGTERM to every process (a graceful shutdown), then removes their data directories. */
  stop(): Promise<void>;
}

/** What main.ts prints in text on a normal start (the rest goes through the JSON logger). */
const START_LINES = [/^Loaded \d+ note files/, /^Slack app listening on :\d+/];

/** True when `line` reports a problem (see {@link BotCluster.errorLines}). */
export function isErrorLine(line: string): boolean {
  if (line.trim() === '') return false;
  if (line.startsWith('{')) {
    try {
      return (JSON.parse(line) as { level?: string }).level === 'error';
    } catch {
      return true;
    }
  }
  return !START_LINES.some((p) => p.test(line));
}

function collect(child: ChildProcess, lines: string[]): void {
  let partial = '';
  const onData = (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.once('exit', () => {
    if (partial) lines.push(partial);
  });
}

function listeningPort(child: ChildProcess, lines: string[]): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`bot did not listen within ${CLUSTER_START_TIMEOUT_MS} ms:\n${lines.join('\n')}`));
    }, CLUSTER_START_TIMEOUT_MS);
    const poll = setInterval(() => {
      for (const line of lines) {
        const m = /Slack app listening on :(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          clearInterval(poll);
          resolvePort(Number(m[1]));
        }
      }
    }, 50);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`bot exited (${code}) before listening:\n${lines.join('\n')}`));
    });
  });
}

/** Starts `processes` bots side by side and resolves once all listen. */
export async function startBotCluster(opts: ClusterOptions): Promise<BotCluster> {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const lines: string[][] = [];
  const stop = async () => {
    await Promise.all(
      children.map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  };
  try {
    const ports = await Promise.all(
      Array.from({ length: opts.processes }, async (_, i) => {
        const dataDir = await mkdtemp(join(tmpdir(), `saa-cluster-${i}-`));
        dirs.push(dataDir);
        await opts.prepareDataDir?.(dataDir);
        const out: string[] = [];
        lines[i] = out;
        const child = spawn(process.execPath, opts.nodeArgs ?? ['--import', 'tsx', 'src/main.ts'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            SLACK_BOT_TOKEN: 'xoxb-cluster',
            SLACK_SIGNING_SECRET: opts.signingSecret,
            SLACK_API_URL: opts.slackApiUrl,
            DATABASE_URL: opts.databaseUrl,
            DATA_DIR: dataDir,
            PORT: '0',
            LOG_LEVEL: 'info',
            LOG_FORMAT: 'json',
            ...opts.env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        collect(child, out);
        return listeningPort(child, out);
      }),
    );
    return {
      backends: ports.map((p) => `http://127.0.0.1:${p}`),
      lines,
      errorLines: () => lines.flat().filter(isErrorLine),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
