/**
 * Pairs of questions that test the same fact in the same way (issue 11: "no two questions test
 * the same fact in the same way"). Pure. Two questions are near-duplicates when the words of
 * their stems and right options overlap by at least {@link NEAR_DUPLICATE_SIMILARITY} (Jaccard
 * over stemmed content terms), or when they share a key fact and overlap by at least
 * {@link SAME_FACT_SIMILARITY}. The same fact asked from another angle (a scenario, a number, a
 * "which is NOT") is not a duplicate.
 */

import { jaccard } from '../retrieval/jaccard.ts';
import { contentStems, normalizePhrase } from './citation-check.ts';
import type { Question } from './question.ts';

/** Jaccard similarity (0..1) of stem + right options at which two questions are the same question. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;
/** Jaccard similarity at which two questions sharing a key fact ask it the same way. */
export const SAME_FACT_SIMILARITY = 0.4;

/** One near-duplicate pair: ids in bank order and their similarity (0..1). */
export interface NearDuplicate {
  a: string;
  b: string;
  similarity: number;
  sharedFact?: string;
}

type Comparable = Pick<Question, 'id' | 'question' | 'options' | 'correctKeys' | 'keyFacts'>;

/** The terms a question is compared on: its stem and its right options. */
function signature(q: Comparable): Set<string> {
  const right = q.options.filter((o) => q.correctKeys.includes(o.key)).map((o) => o.text);
  const text = [q.question, ...right].join(' ');
  const known = SIGNATURES.get(q);
  if (known?.text === text) return known.terms;
  const terms = contentStems(text);
  SIGNATURES.set(q, { text, terms });
  return terms;
}

/**
 * Signatures already worked out, per question object, with the text they came from (a question
 * whose text changed since is stemmed again): each draft is checked against the whole bank, and
 * stemming the bank's few hundred questions for every draft was most of drafting's time.
 */
const SIGNATURES = new WeakMap<Comparable, { text: string; terms: Set<string> }>();

/**
 * Every near-duplicate pair among `questions` and, when given, between them and `existing` (for
 * drafts checked against the bank). O(n²) over a few hundred questions: milliseconds.
 */
export function nearDuplicates(
  questions: readonly Comparable[],
  existing: readonly Comparable[] = [],
): NearDuplicate[] {
  const all = [...questions, ...existing];
  const sigs = all.map(signature);
  const facts = all.map((q) => new Set(q.keyFacts.map(normalizePhrase)));
  const out: NearDuplicate[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const similarity = jaccard(sigs[i] ?? new Set(), sigs[j] ?? new Set());
      const sharedFact = [...(facts[i] ?? [])].find((f) => facts[j]?.has(f));
      if (
        similarity >= NEAR_DUPLICATE_SIMILARITY ||
        (sharedFact !== undefined && similarity >= SAME_FACT_SIMILARITY)
      ) {
        const a = all[i]?.id ?? '';
        const b = all[j]?.id ?? '';
        out.push({ a, b, similarity, ...(sharedFact !== undefined ? { sharedFact } : {}) });
      }
    }
  }
  return out;
}
