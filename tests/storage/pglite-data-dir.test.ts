import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME } from '../../src/storage/data-dir-lock.ts';
import type { Database } from '../../src/storage/db.ts';
import { embeddedDataDir, openDatabase } from '../../src/storage/open-database.ts';

// One on-disk PGlite for the file: the first open runs initdb (seconds); reopening takes ~0.3 s.
describe('PGlite data directory', () => {
  let dataDir: string;
  let pgliteDir: string;
  let lockFile: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saa-pglite-'));
    pgliteDir = embeddedDataDir(dataDir);
    lockFile = join(pgliteDir, LOCK_FILE_NAME);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The lock file and any draft or stale copies it left beside it. */
  const lockFiles = async () => (await readdir(pgliteDir)).filter((f) => f.startsWith(LOCK_FILE_NAME));

  const lockedMessage = (pid: number) =>
    `The embedded database in ${pgliteDir} is in use by another saa process (pid ${pid}). ` +
    'Stop the bot first, or set DATABASE_URL to share a Postgres server.';

  it('opens PGlite under <dataDir>/pglite, refuses a second open, and reopens with the data after close', async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    expect((await readFile(lockFile, 'utf8')).split('\n')[0]).toBe(String(process.pid));
    await first.query('CREATE TABLE kept (n int)');
    await first.query('INSERT INTO kept VALUES ($1)', [42]);

    const second = openDatabase({ dataDir });
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(lockedMessage(process.pid));

    await first.close();
    await first.close(); // idempotent
    expect(await lockFiles()).toEqual([]);

    const again = await openDatabase({ dataDir });
    try {
      expect((await again.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
    } finally {
      await again.close();
    }
  });

  it('refuses a directory locked by another live process', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const pid = child.pid ?? 0;
      await mkdir(pgliteDir, { recursive: true });
      await writeFile(lockFile, `${pid}\nsomeone-else\n`);
      await expect(openDatabase({ dataDir })).rejects.toThrow(lockedMessage(pid));
      expect(await readFile(lockFile, 'utf8')).toBe(`${pid}\nsomeone-else\n`);
    } finally {
      child.kill();
      await rm(lockFile, { force: true });
    }
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lockFile, `${dead}\nold-token\n`);
    let db: Database | undefined;
    try {
      db = await openDatabase({ dataDir });
      expect((await readFile(lockFile, 'utf8')).split('\n')[0]).toBe(String(process.pid));
      expect((await db.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
    } finally {
      await db?.close();
    }
    expect(await lockFiles()).toEqual([]);
  });

  it('takes over a lock naming our own pid that this process does not hold (a restarted container)', async () => {
    await writeFile(lockFile, `${process.pid}\nprevious-run\n`);
    const db = await openDatabase({ dataDir });
    await db.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('chooses Postgres when a DATABASE_URL is given, without touching the data directory', async () => {
    const other = join(dataDir, 'unused');
    const db = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: other });
    expect(db.kind).toBe('postgres');
    await db.close();
    expect(existsSync(other)).toBe(false);
  });
});
