/**
 * A fresh PGlite data directory made once per test run, from which every test file's in-memory
 * PGlite starts ({@link openTestPglite}). A new in-memory PGlite runs initdb, about 3 s of CPU
 * each time; loading the dump takes about 1 s. The first file that needs PGlite makes the dump (a
 * tarball in the run's temporary folder, written under a temporary name and renamed) while a file
 * in another worker that needs it too waits (a lock file beside it); a run without PGlite never
 * pays for it. The dump is
 * taken before any migration: each file still migrates (or tests migrating an empty database) as
 * the bot does. The global set-up (this file's default export, in vitest.config.ts) makes the
 * folder and removes it when the run ends.
 *
 * A CLI or bot test that only needs an embedded database on disk under a temporary DATA_DIR
 * seeds it with {@link seedEmbeddedDataDir}: a copy of a migrated data directory made once per run
 * from the same dump (a copy takes under 1 s; a new directory takes ~10 s: a child process under
 * tsx runs initdb and the migrations, see pglite-database.ts). That first start keeps its own tests:
 * tests/storage/pglite-data-dir.test.ts and tests/storage/pglite-memory.test.ts.
 */

import { existsSync } from 'node:fs';
import { cp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { migrate } from '../../src/storage/migrate.ts';
import { embeddedDataDir } from '../../src/storage/open-database.ts';
import { PGLITE_START_PARAMS, PgliteDatabase } from '../../src/storage/pglite-database.ts';
import { runFolderSetup } from './run-folder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for the PGlite template (see pglite-template.ts). */
    pgliteTemplateDir: string;
  }
}

/** Vitest global set-up: the run's template folder; returns the teardown that removes it. */
export default runFolderSetup('pgliteTemplateDir', 'saa-pglite-template-');

/**
 * A new in-memory PGlite database: the same as `PgliteDatabase.open()` (fresh, unmigrated). Its
 * instance is the worker's spare one when a test file before closed it (test files in one worker
 * run one after another: vitest.config.ts, isolate false), emptied first (see {@link emptied});
 * else one started from the run's template when it exists, else made by initdb and dumped as the
 * template (by one worker; the others wait for it). Loading the template takes ~1.5 s of CPU;
 * emptying, ~0.1 s.
 */
export async function openTestPglite(): Promise<PgliteDatabase> {
  const reused = spare;
  spare = undefined;
  const pglite = reused && !reused.closed ? await emptied(reused) : await templatePglite();
  return PgliteDatabase.wrap(returnedOnClose(pglite));
}

/** The worker's idle in-memory PGlite, closed by the last test file that used it. */
let spare: PGlite | undefined;

/**
 * `pglite` as the fresh database it was: a transaction left open rolled back, session state
 * (settings, advisory locks, prepared statements, LISTEN) discarded, and the `public` schema,
 * where the migrations put every table, function, trigger and type, dropped and made again.
 */
async function emptied(pglite: PGlite): Promise<PGlite> {
  await pglite.exec('ROLLBACK');
  await pglite.exec('DISCARD ALL');
  await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  return pglite;
}

/**
 * `pglite` whose `close()` hands it back as the worker's spare instead of stopping it (one spare:
 * a second one closed while the first waits is stopped for real). Everything else passes through.
 */
function returnedOnClose(pglite: PGlite): PGlite {
  let returned = false;
  return new Proxy(pglite, {
    get(target, key) {
      if (key === 'close')
        return async () => {
          if (returned) return;
          returned = true;
          if (spare === undefined) spare = target;
          else await target.close();
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The PGlite instance behind {@link openTestPglite}. */
async function templatePglite(): Promise<PGlite> {
  const file = join(inject('pgliteTemplateDir'), 'pgdata.tar');
  let made: PGlite | undefined;
  await madeOnce(file, async (partial) => {
    made = await PGlite.create({ startParams: PGLITE_START_PARAMS });
    const dump = await made.dumpDataDir('none');
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  });
  if (made) return made;
  return PGlite.create({
    loadDataDir: new Blob([await readFile(file)]),
    startParams: PGLITE_START_PARAMS,
  });
}

/** How often a worker waiting for another's template looks again (ms). */
const TEMPLATE_POLL_MS = 50;

/**
 * Makes `target` (a file or a folder) once per run: the worker that creates `target.lock` first
 * runs `make(partial)` and renames `partial` to `target`; a worker that finds the lock waits for
 * `target` (two workers used to race, each paying for an initdb, ~4 s of CPU, at the busiest
 * moment of the run). When the maker fails, its lock is removed and a waiting worker makes it.
 */
async function madeOnce(target: string, make: (partial: string) => Promise<void>): Promise<void> {
  const lock = `${target}.lock`;
  for (;;) {
    if (existsSync(target)) return;
    const held = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return undefined;
      throw error;
    });
    if (held) {
      try {
        const partial = `${target}.partial`;
        await make(partial);
        await rename(partial, target);
      } finally {
        await held.close();
        await rm(lock, { force: true });
      }
      return;
    }
    while (existsSync(lock) && !existsSync(target)) await setTimeout(TEMPLATE_POLL_MS);
  }
}

/**
 * Puts an embedded database under `dataDir` (at `embeddedDataDir(dataDir)`, where `saa` and the
 * bot open it) as a first start leaves it: initdb run, every migration applied. Copied from the
 * run's migrated data directory, made once per run by the first caller (the template dump,
 * migrated and written to disk; other workers wait for it, see {@link madeOnce}).
 * @throws Error when `dataDir` already holds an embedded database.
 */
export async function seedEmbeddedDataDir(dataDir: string): Promise<void> {
  const target = embeddedDataDir(dataDir);
  if (existsSync(join(target, 'PG_VERSION'))) throw new Error(`${target} already holds a database`);
  await cp(await migratedDataDir(), target, { recursive: true });
}

/** The run's migrated on-disk data directory (see {@link seedEmbeddedDataDir}); made on first use. */
async function migratedDataDir(): Promise<string> {
  const dir = join(inject('pgliteTemplateDir'), 'migrated-pgdata');
  await madeOnce(dir, async (partial) => {
    const memory = await templatePglite();
    let dump: Blob;
    try {
      await migrate(PgliteDatabase.wrap(memory));
      dump = await memory.dumpDataDir('none');
    } finally {
      await memory.close();
    }
    const disk = await PGlite.create({
      dataDir: partial,
      loadDataDir: dump,
      startParams: PGLITE_START_PARAMS,
    });
    await disk.close();
  });
  return dir;
}
