/**
 * The set-up most integration test files repeat, as one call each: a test database opened and
 * migrated, a Slack stand-in started, the repository's notes indexed. Each function registers the enclosing suite's `beforeAll`
 * (open or start) and `afterAll` (close), and returns a handle whose field is set once the suite
 * starts (reading it earlier throws). Vitest runs hooks as a stack (`sequence.hooks: 'stack'`, its
 * default): what a file's own hooks start after these is stopped before them, so a Bolt app is
 * stopped before its stand-in and its database close.
 */

import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { indexCachePath, type Knowledge, openKnowledge } from '../../src/retrieval/open-knowledge.ts';
import type { Database } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import type { TestDatabase } from './databases.ts';
import { testIndexCache } from './index-cache.ts';
import { type SlackStandIn, type StandInOptions, startSlackStandIn } from './slack-stand-in.ts';

function handle<T>(what: string): { value: T | undefined; get(): T } {
  return {
    value: undefined,
    get() {
      if (this.value === undefined)
        throw new Error(`${what} is opened in beforeAll: read it inside a hook or test`);
      return this.value;
    },
  };
}

/**
 * `target` (tests/helpers/databases.ts) opened and migrated before the suite's tests, closed (a
 * Postgres test database dropped) after them.
 */
export function useMigratedDatabase(target: TestDatabase): { readonly db: Database } {
  const db = handle<Database>('the test database');
  beforeAll(async () => {
    const opened = await target.open();
    await migrate(opened);
    db.value = opened;
  });
  afterAll(() => target.close());
  return {
    get db() {
      return db.get();
    },
  };
}

/** A Slack stand-in (tests/helpers/slack-stand-in.ts) started before the suite's tests, closed after them. */
export function useSlackStandIn(options?: StandInOptions): { readonly standIn: SlackStandIn } {
  const standIn = handle<SlackStandIn>('the Slack stand-in');
  beforeAll(async () => {
    standIn.value = await startSlackStandIn(options);
  });
  afterAll(async () => {
    await standIn.value?.close();
  });
  return {
    get standIn() {
      return standIn.get();
    },
  };
}

/** The repository's own study notes (knowledge/notes). */
const NOTES = fileURLToPath(new URL('../../knowledge/notes/', import.meta.url));

/**
 * The repository's notes (knowledge/notes) loaded and indexed before the suite's tests, with the
 * run's index cache (index-cache.ts: built by the first file, loaded by the others).
 */
export function useNotesKnowledge(): { readonly knowledge: Knowledge } {
  const knowledge = handle<Knowledge>('the notes index');
  beforeAll(async () => {
    knowledge.value = await openKnowledge(NOTES, testIndexCache());
  });
  return {
    get knowledge() {
      return knowledge.get();
    },
  };
}

/**
 * Puts the run's index of the repository's notes (built first if no file has yet) in a bot's
 * `dataDir`, where the bot keeps its index cache (`DATA_DIR/index-cache`, bootstrap.ts), as a
 * restart finds it: the bot process loads it (~0.1 s) instead of building it (~1 s of CPU).
 */
export async function seedIndexCache(dataDir: string): Promise<void> {
  notesVersion ??= openKnowledge(NOTES, testIndexCache()).then((k) => k.corpus.version);
  const version = await notesVersion;
  const target = join(dataDir, 'index-cache');
  await mkdir(target, { recursive: true });
  await copyFile(indexCachePath(testIndexCache(), version), indexCachePath(target, version));
}

/** The notes' version once this worker has opened their index for {@link seedIndexCache} (one open for several bots). */
let notesVersion: Promise<string> | undefined;
