/**
 * Notes folder → ready-to-query knowledge: the corpus plus its search index. The index is
 * cached on disk, keyed by the notes' content hash and the analysis format, so a restart on an
 * unchanged folder loads it instead of rebuilding; a (re)build runs in a worker thread.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadNotes } from '../knowledge/load-notes.ts';
import type { Corpus } from '../knowledge/note-types.ts';
import { INDEX_FORMAT, type SerializedIndex } from './build-index.ts';
import { buildIndexInWorker } from './build-index-in-worker.ts';
import { SearchIndex } from './search-index.ts';

/** Loaded notes and their index, with how the index was obtained. */
export interface Knowledge {
  corpus: Corpus;
  index: SearchIndex;
  /** True when the index came from the on-disk cache. */
  fromCache: boolean;
  /** Time to build or load the index (ms). */
  indexMs: number;
}

/** Cache file path for a corpus version. */
export function indexCachePath(cacheDir: string, version: string): string {
  return join(cacheDir, `index-v${INDEX_FORMAT}-${version.slice(0, 32)}.json`);
}

/**
 * Loads `notesDir` and its index (from `cacheDir` when possible).
 * @throws Error when the notes folder is missing or holds no readable note (message says which).
 */
export async function openKnowledge(notesDir: string, cacheDir: string): Promise<Knowledge> {
  const corpus = await loadNotes(notesDir);
  if (corpus.passages.length === 0) {
    throw new Error(
      `No notes found in ${notesDir}: add Markdown, Zim, Org or text notes there, or set NOTES_DIR`,
    );
  }
  const started = performance.now();
  const path = indexCachePath(cacheDir, corpus.version);
  const cached = await readFile(path, 'utf8').catch(() => null);
  if (cached) {
    try {
      const index = new SearchIndex(JSON.parse(cached) as SerializedIndex, corpus.passages);
      return { corpus, index, fromCache: true, indexMs: performance.now() - started };
    } catch {
      // A corrupt cache file is rebuilt below.
    }
  }
  const data = await buildIndexInWorker(corpus.passages);
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, path);
  return {
    corpus,
    index: new SearchIndex(data, corpus.passages),
    fromCache: false,
    indexMs: performance.now() - started,
  };
}
