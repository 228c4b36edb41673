/**
 * Typo tolerance with bounded work (a deletion index, as in SymSpell): a query word the notes
 * never use is replaced by the most frequent notes word within one edit ("lamda" → "lambda",
 * "hiberante" → "hibernate": an adjacent swap counts as one edit), or two edits for words of
 * {@link TWO_EDITS_FROM} letters or more ("procces" → "process"). Each notes word is stored under
 * itself and every one-letter deletion of it; a query word looks up itself and its own deletions,
 * so one correction costs about (word length + 1) map lookups whatever the vocabulary size.
 * Left alone: words under {@link MIN_TYPO_LENGTH} letters (at 3–4 letters one edit turns most
 * words into other words), words with digits, and ordinary English words ("faster" is not a typo
 * of "master").
 */

import damerauLevenshtein from 'damerau-levenshtein';
import { isEnglishWord } from './english-words.ts';

/** Minimum length (chars) of a word we try to correct. */
export const MIN_TYPO_LENGTH = 5;
/** Words at least this long may be two edits away from their correction. */
export const TWO_EDITS_FROM = 7;
/** Longest word (chars) considered: longer tokens are pasted ids or hashes, not typos. */
const MAX_TYPO_LENGTH = 30;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Known words and their one-deletion variants, for constant-time lookups of close words. */
export class SpellingIndex {
  readonly #counts: Readonly<Record<string, number>>;
  readonly #byKey = new Map<string, string[]>();

  /** `words`: every notes word (lowercase, as tokenized) → its number of occurrences. */
  constructor(words: Readonly<Record<string, number>>) {
    this.#counts = words;
    for (const word of Object.keys(words)) {
      if (word.length < MIN_TYPO_LENGTH - 1 || word.length > MAX_TYPO_LENGTH || /\d/.test(word)) continue;
      for (const key of [word, ...deletions(word)]) {
        const list = this.#byKey.get(key);
        if (list) {
          if (!list.includes(word)) list.push(word);
        } else this.#byKey.set(key, [word]);
      }
    }
  }

  /** True when the notes use `word`. */
  has(word: string): boolean {
    return this.#counts[word] !== undefined;
  }

  /**
   * The correction for `word`, or `word` itself when it is known, too short or too long, has a
   * digit, is an English word, or has no close notes word. Pure given the index.
   */
  correct(word: string): string {
    if (
      word.length < MIN_TYPO_LENGTH ||
      word.length > MAX_TYPO_LENGTH ||
      this.has(word) ||
      /\d/.test(word) ||
      isEnglishWord(word)
    )
      return word;
    const maxEdits = word.length >= TWO_EDITS_FROM ? 2 : 1;
    let best = word;
    let bestEdits = Number.POSITIVE_INFINITY;
    let bestCount = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.#byKey.get(key) ?? []) {
        const edits = damerauLevenshtein(word, candidate).steps;
        const count = this.#counts[candidate] ?? 0;
        if (edits > maxEdits) continue;
        if (edits < bestEdits || (edits === bestEdits && count > bestCount)) {
          best = candidate;
          bestEdits = edits;
          bestCount = count;
        }
      }
    }
    return best;
  }
}
