/**
 * Which version of the notes an index is: each loaded index is one version (a reload builds a
 * new SearchIndex), so answers cached under it never outlive the notes they quote.
 */

import type { SearchIndex } from '../retrieval/search-index.ts';

const versions = new WeakMap<SearchIndex, string>();
let nextVersion = 1;

/** A stable id for `index`, e.g. "notes-1". */
export function notesVersion(index: SearchIndex): string {
  let v = versions.get(index);
  if (!v) {
    v = `notes-${nextVersion++}`;
    versions.set(index, v);
  }
  return v;
}
