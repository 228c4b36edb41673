/** A search index over one note file's text, built in memory (no notes folder, no cache). */

import { parseNote } from '../../src/knowledge/parse-note.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

/**
 * Parses `text` as the note `file` (its format read from the name and text, as `parseNote` does)
 * and indexes its passages, numbered from 0; `index.passages` holds them.
 */
export function noteIndex(file: string, text: string): SearchIndex {
  const passages = parseNote(file, text).passages.map((p, id) => ({ ...p, id }));
  return new SearchIndex(buildIndex(passages), passages);
}
