/**
 * The two real note folders retrieval and answer tests run against, and a cached index for each.
 * `../shared/notes` (five learners' files in four formats) may be absent: tests that need it skip.
 * `knowledge/notes` (our own notes) is always present.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import type { Corpus, Passage } from '../../src/knowledge/note-types.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

export const SHARED_NOTES = resolve(import.meta.dirname, '../../../shared/notes');
export const OWN_NOTES = resolve(import.meta.dirname, '../../knowledge/notes');
export const HAVE_SHARED_NOTES = existsSync(SHARED_NOTES);

export interface LoadedNotes {
  corpus: Corpus;
  index: SearchIndex;
}

const cache = new Map<string, Promise<LoadedNotes>>();

/** Loads a notes folder and indexes it (once per folder per test file). */
export function loadIndexed(dir: string): Promise<LoadedNotes> {
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = loadNotes(dir).then((corpus) => ({
      corpus,
      index: new SearchIndex(buildIndex(corpus.passages), corpus.passages),
    }));
    cache.set(dir, loaded);
  }
  return loaded;
}

/** What a reader sees of a passage: its headings and its text. */
export function readable(p: Passage): string {
  return `${p.headingPath.join(' > ')} | ${p.text}`;
}
