/**
 * Idle memory of the bot process (issue 9, item 13): starts `node --import tsx src/main.ts` as
 * the Dockerfile does, in HTTP mode against a Slack stand-in process, waits until it listens
 * (notes indexed, database open and migrated), lets it idle, and reads its resident set size
 * from /proc (Linux) or `ps`: {@link SETTLE_MS} after the start, and after {@link IDLE_MS} of
 * idling, by when V8's memory reducer has shrunk the heap (a bot sits idle most of the day).
 * Three starts: embedded PGlite in an empty DATA_DIR (first start: initdb), PGlite again in that
 * directory (a restart), and Postgres at a database URL.
 */

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** First reading, this long after the bot listens (ms): start-up work has settled. */
export const SETTLE_MS = 5_000;
/** Second reading, this long after the bot listens (ms): V8 shrinks an idle heap after ~20–40 s. */
export const IDLE_MS = 60_000;
/** How long a start may take (ms): PGlite's initdb on a slow disk takes several seconds. */
export const START_TIMEOUT_MS = 60_000;

/** One measured start. Sizes in MB (10^6 bytes). */
export interface MemoryRow {
  engine: string;
  /** Time from spawn to "listening" (ms). */
  startMs: number;
  /** Resident set size {@link SETTLE_MS} after the start. */
  settledRssMB: number;
  /** Resident set size after `idleMs` (default {@link IDLE_MS}) without requests. */
  idleRssMB: number;
  /** Peak resident set size during the start (VmHWM; null where /proc is missing). */
  peakRssMB: number | null;
}

/** VmRSS and VmHWM of `pid` in MB. */
export function residentMB(pid: number): { rss: number; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: (kb('VmRSS') * 1024) / 1e6, peak: (kb('VmHWM') * 1024) / 1e6 };
  } catch {
    const kb = Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    );
    return { rss: (kb * 1024) / 1e6, peak: null };
  }
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${pattern}" within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      output += d.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Starts the Slack stand-in (bench/stand-in-process.mjs) in its own process; resolves its API URL. */
async function startStandIn(): Promise<{ apiUrl: string; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./stand-in-process.mjs', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((r) =>
    child.stdout.once('data', (d) => r(Number(String(d).trim()))),
  );
  return { apiUrl: `http://127.0.0.1:${port}/api/`, stop: () => child.kill() };
}

/** Runs the bot once with `env`, measures it as it idles for `idleMs` (≥ {@link SETTLE_MS}), stops it. */
export async function measureStart(
  engine: string,
  env: Record<string, string>,
  idleMs = IDLE_MS,
): Promise<MemoryRow> {
  const started = performance.now();
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForLine(bot, /Slack app listening/, START_TIMEOUT_MS);
    const startMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = residentMB(bot.pid ?? 0);
    await new Promise((r) => setTimeout(r, Math.max(0, idleMs - SETTLE_MS)));
    const idle = residentMB(bot.pid ?? 0);
    return { engine, startMs, settledRssMB: settled.rss, idleRssMB: idle.rss, peakRssMB: idle.peak };
  } finally {
    const exited = new Promise((r) => bot.once('exit', r));
    bot.kill('SIGTERM');
    await exited;
  }
}

/**
 * Measures the three starts. `databaseUrl`: a Postgres database the bot may migrate (default:
 * none, and the Postgres row is left out).
 */
export async function benchMemory(databaseUrl?: string): Promise<MemoryRow[]> {
  const standIn = await startStandIn();
  const dataDir = await mkdtemp(join(tmpdir(), 'saa-memory-'));
  const base = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: standIn.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
  };
  try {
    const rows = [
      await measureStart('PGlite, first start (empty DATA_DIR)', base),
      await measureStart('PGlite, restart (same DATA_DIR)', base),
    ];
    if (databaseUrl)
      rows.push(await measureStart('Postgres (DATABASE_URL)', { ...base, DATABASE_URL: databaseUrl }));
    return rows;
  } finally {
    standIn.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
