/**
 * A fresh PGlite data directory made once per test run, from which every test file's in-memory
 * PGlite starts ({@link openTestPglite}). A new in-memory PGlite runs initdb, about 3 s of CPU
 * each time; loading the dump takes about 1 s. The first file that needs PGlite makes the dump (a
 * tarball in the run's temporary folder, written under a temporary name and renamed, so two
 * workers racing both end with a whole file); a run without PGlite never pays for it. The dump is
 * taken before any migration: each file still migrates (or tests migrating an empty database) as
 * the bot does. The global set-up (this file's default export, in vitest.config.ts) makes the
 * folder and removes it when the run ends.
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { PGLITE_START_PARAMS, PgliteDatabase } from '../../src/storage/pglite-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for the PGlite template (see pglite-template.ts). */
    pgliteTemplateDir: string;
  }
}

/** Vitest global set-up: the run's template folder; returns the teardown that removes it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'saa-pglite-template-'));
  project.provide('pgliteTemplateDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}

/**
 * A new in-memory PGlite database: the same as `PgliteDatabase.open()` (fresh, unmigrated),
 * started from the run's template when one exists, else made by initdb and dumped as the template.
 */
export async function openTestPglite(): Promise<PgliteDatabase> {
  const file = join(inject('pgliteTemplateDir'), 'pgdata.tar');
  const tarball = await readFile(file).catch(() => undefined);
  if (tarball) {
    const pglite = await PGlite.create({
      loadDataDir: new Blob([tarball]),
      startParams: PGLITE_START_PARAMS,
    });
    return PgliteDatabase.wrap(pglite);
  }
  const pglite = await PGlite.create({ startParams: PGLITE_START_PARAMS });
  const dump = await pglite.dumpDataDir('none');
  const partial = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return PgliteDatabase.wrap(pglite);
}
