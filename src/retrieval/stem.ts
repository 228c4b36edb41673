/**
 * lunr's English (Porter) stemmer on one lowercase word, memoized: the one definition of a term
 * that indexing, queries and the vocabulary share (e.g. `replication` → `replic`,
 * `indexes` → `index`). Quirks worth knowing: `aws` → `aw`, `postgres` → `postgr`.
 */

import lunr from 'lunr';

const stemCache = new Map<string, string>();
/** Bound on memoized stems (user text adds words; notes' words repeat). */
const MAX_STEMS = 200_000;

/** The stem of one lowercase word. Pure (memoized). */
export function stem(word: string): string {
  let out = stemCache.get(word);
  if (out === undefined) {
    out = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemCache.size > MAX_STEMS) stemCache.clear();
    stemCache.set(word, out);
  }
  return out;
}
