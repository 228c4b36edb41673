/**
 * One process per PGlite data directory. PGlite is Postgres without a postmaster: two processes
 * opening the same files would corrupt them, and nothing inside PGlite stops that. We keep a lock
 * file `saa.lock` in the directory holding the owner's pid (first line) and a random token
 * (second line). The file appears atomically complete (written aside, then `link`ed, which fails
 * if the name exists). A lock whose pid is no longer running (a crash, `kill -9`) is taken over.
 * Limit: a stale lock whose pid has since been reused by an unrelated process counts as live;
 * delete the file by hand then.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Name of the lock file inside the data directory. */
export const LOCK_FILE_NAME = 'saa.lock';

/** Directories this process holds, so a lock naming our own pid can be told apart from a stale one (containers reuse pids). */
const held = new Set<string>();

/** The directory is locked by a live process. `message` tells the user what to do. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by another saa process (pid ${pid}). ` +
        'Stop the bot first, or set DATABASE_URL to share a Postgres server.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** A held lock. `release()` removes the file if it is still ours; idempotent. */
export interface DataDirLock {
  readonly dir: string;
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  token: string;
}

/**
 * Takes the lock on `dir` (created if missing; resolved to an absolute path).
 * @throws DataDirLockedError when a live process (or this one, through another open) holds it.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  const path = join(absolute, LOCK_FILE_NAME);
  const token = randomUUID();
  const draft = `${path}.${process.pid}.${token}`;
  await writeFile(draft, `${process.pid}\n${token}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(draft, path);
        return hold(absolute, path, token);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (holder === undefined) continue; // released meanwhile: try again
      if (isLive(holder, absolute)) throw new DataDirLockedError(absolute, holder.pid);
      await removeStale(path, holder, absolute, token);
    }
    throw new Error(`Could not take ${path}: it keeps changing. Is another saa process starting?`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function hold(dir: string, path: string, token: string): DataDirLock {
  held.add(dir);
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    held.delete(dir);
    try {
      if (parseHolder(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // A process that exits without close() (uncaught error, process.exit) still frees the directory.
  process.once('exit', releaseSync);
  return {
    dir,
    release: async () => {
      process.removeListener('exit', releaseSync);
      releaseSync();
    },
  };
}

/** Moves a stale lock aside atomically, so of several racing takers only one removes it; puts back a live one moved by mistake. */
async function removeStale(path: string, stale: Holder, dir: string, token: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${token}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved && moved.token !== stale.token && isLive(moved, dir)) {
    // Another taker replaced the stale lock between our read and our rename: restore theirs.
    await link(aside, path).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw new DataDirLockedError(dir, moved.pid);
  }
  await unlink(aside).catch(() => undefined);
}

function isLive(holder: Holder, dir: string): boolean {
  if (holder.pid <= 0) return false; // kill(0) would signal our own process group
  if (holder.pid === process.pid) return held.has(dir);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM'; // exists, owned by another user
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  // Unreadable content (a hand-made or truncated file) counts as stale: pid 0 is never ours or alive.
  return parseHolder(text) ?? { pid: 0, token: text };
}

function parseHolder(text: string): Holder | undefined {
  const [pidLine = '', token = ''] = text.split('\n');
  const pid = Number(pidLine.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? { pid, token: token.trim() } : undefined;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
