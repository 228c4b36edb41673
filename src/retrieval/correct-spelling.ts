/**
 * Typo tolerance: a query word of 5+ letters that the notes never use is replaced by the most
 * frequent notes word at edit distance 1 ("lamda" → "lambda", "dynamdb" → "dynamodb").
 * Shorter words are left alone: at 3–4 letters, one edit turns most words into other words.
 */

import { distance } from 'fastest-levenshtein';

/** Minimum length (chars) of a word we try to correct. */
export const MIN_TYPO_LENGTH = 5;

/**
 * Returns the correction for `word`, or `word` itself when it is known, too short, or has no
 * neighbour at distance 1. `words` maps known words to their frequency. Pure.
 */
export function correctSpelling(
  word: string,
  words: Readonly<Record<string, number>>,
  byLength: ReadonlyMap<number, string[]>,
): string {
  if (word.length < MIN_TYPO_LENGTH || words[word] !== undefined || /\d/.test(word)) return word;
  let best = word;
  let bestCount = 0;
  for (let len = word.length - 1; len <= word.length + 1; len += 1) {
    for (const candidate of byLength.get(len) ?? []) {
      const count = words[candidate] ?? 0;
      if (count > bestCount && distance(word, candidate) === 1) {
        best = candidate;
        bestCount = count;
      }
    }
  }
  return best;
}

/** Groups known words by length, for {@link correctSpelling}. */
export function wordsByLength(words: Readonly<Record<string, number>>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of Object.keys(words)) {
    if (w.length < MIN_TYPO_LENGTH - 1 || /\d/.test(w)) continue;
    const list = out.get(w.length) ?? [];
    list.push(w);
    out.set(w.length, list);
  }
  return out;
}
