/**
 * Text → index terms: tokenize, drop stop words, stem with lunr's Porter stemmer, and find AWS
 * vocabulary synonyms. The same function feeds the index builder and the query builder, so the
 * two sides can never disagree about a term.
 */

import { matchVocabulary } from './aws-vocabulary.ts';
import { stem } from './stem.ts';
import { STOP_WORDS } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

export { stem };

/** True for a stop word or its plural / third-person form ("needs", "uses", "thanks"). */
function isStopWord(t: string): boolean {
  return STOP_WORDS.has(t) || (t.length > 3 && t.endsWith('s') && STOP_WORDS.has(t.slice(0, -1)));
}

/** Content words of `tokens` (stop words and 1-letter words other than digits removed). */
export function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !isStopWord(t) && (t.length > 1 || /\d/.test(t)));
}

/** What a piece of text contributes to the index: stemmed content terms and synonym tokens. */
export interface AnalyzedText {
  /** Stemmed content terms, in order, duplicates kept (term frequency matters to BM25). */
  terms: string[];
  /** `syn<N>` tokens of the AWS vocabulary groups mentioned. */
  synonyms: string[];
}

const analyzed = new Map<string, AnalyzedText>();
/** Bound on memoized analyses (passage lines repeat across queries; user text varies). */
const MAX_MEMO = 50_000;

/**
 * Analyzes text for indexing and answer composition. Pure; never throws. Results are memoized
 * (answers re-read the same passage lines on every question); treat them as read-only.
 */
export function analyzeText(text: string): AnalyzedText {
  let out = analyzed.get(text);
  if (out) return out;
  const tokens = tokenize(text);
  out = { terms: contentWords(tokens).map(stem), synonyms: matchVocabulary(tokens, false).synonyms };
  if (analyzed.size >= MAX_MEMO) analyzed.clear();
  analyzed.set(text, out);
  return out;
}
