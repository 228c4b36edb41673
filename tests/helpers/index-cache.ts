/**
 * One notes-index cache folder for the whole test run (retrieval/open-knowledge.ts caches an
 * index on disk, keyed by the notes' content hash and the index format): the first test file
 * that opens a notes folder builds its index (about 1.3 s of CPU for knowledge/notes, in a worker
 * thread) and writes it (under a temporary name, renamed: workers racing both end with a whole
 * file); every later file loads it (about 0.1 s). Tests of the cache itself
 * (tests/retrieval/open-knowledge.test.ts) keep their own folders. The global set-up (this file's
 * default export, in vitest.config.ts) makes the folder and removes it when the run ends.
 */

import { inject } from 'vitest';
import { runFolderSetup } from './run-folder.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's notes-index cache folder (see index-cache.ts). */
    indexCacheDir: string;
  }
}

/** Vitest global set-up: the run's index cache folder; returns the teardown that removes it. */
export default runFolderSetup('indexCacheDir', 'saa-test-index-');

/** The run's notes-index cache folder, for `openKnowledge(notesDir, testIndexCache())`. */
export function testIndexCache(): string {
  return inject('indexCacheDir');
}
