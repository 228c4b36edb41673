/**
 * A question as the things it asks about ("concepts"), each weighed once however many ways the
 * notes may say it. "security group" is one concept, found as the words "security" and "group"
 * together or as any of its vocabulary synonyms ("SG"); "port" is another. Weighing concepts
 * rather than index terms keeps a two-word AWS name with three synonym groups from drowning the
 * one word that matters ("what port … security group for efs").
 *
 * A concept is covered by a text when any alternative is: its own words (all of them; some of
 * them give partial credit), a synonym token, or a one-way expansion (at {@link EXPANSION_CREDIT}).
 * Coverage is the covered share of the question's total weight (IDF of the concept's rarest form).
 */

import type { QueryAnalysis } from './search-index.ts';

/** Credit for covering a concept through a one-way expansion ("timeout" → "execution time"). */
export const EXPANSION_CREDIT = 0.6;
/** A concept only some of whose words a text has gets this share of the words' fraction. */
const PARTIAL_CREDIT = 0.5;
/** A weak word ("types", "options") weighs this share of its IDF. */
const WEAK_WEIGHT = 0.6;

/** One way a concept can appear in a text: all these index tokens, for this credit. */
export interface Alternative {
  tokens: string[];
  credit: number;
}

/** One thing the question asks about. */
export interface Concept {
  /** The question's own stems it stands for (empty for a concept only an expansion added). */
  own: string[];
  alternatives: Alternative[];
  /** Weight (IDF of its rarest own form, less for weak words and expansion-only concepts). */
  weight: number;
}

/** What concepts need from an index. */
export interface TermStatistics {
  idf(term: string): number;
}

const isSynonym = (t: string) => /^syn\d+$/.test(t);

/** The concepts of an analyzed question. Pure. */
export function conceptsOf(q: QueryAnalysis, stats: TermStatistics): Concept[] {
  // Vocabulary phrases found in the question, merged per span of words.
  const spans = new Map<string, { words: string[]; synonyms: Set<string> }>();
  for (const { synonym, words } of q.phraseSpans) {
    if (words.length === 0) continue;
    const key = words.join(' ');
    const span = spans.get(key) ?? { words, synonyms: new Set<string>() };
    span.synonyms.add(synonym);
    spans.set(key, span);
  }
  // A phrase inside a longer one ("dynamodb" in "dynamodb streams") is the longer one's part.
  const list = [...spans.values()].filter(
    (s) =>
      ![...spans.values()].some(
        (o) => o !== s && o.words.length > s.words.length && s.words.every((w) => o.words.includes(w)),
      ),
  );
  const concepts: Concept[] = list.map((s) => {
    const weak = s.words.every((w) => q.weak.includes(w));
    const own = s.words.filter((w) => q.terms.includes(w) || q.weak.includes(w));
    const forms = [...own, ...s.synonyms];
    return {
      own,
      alternatives: [
        ...(own.length ? [{ tokens: own, credit: 1 }] : []),
        ...[...s.synonyms].map((syn) => ({ tokens: [syn], credit: 1 })),
      ],
      weight: Math.max(0, ...forms.map((t) => stats.idf(t))) * (weak ? WEAK_WEIGHT : 1),
    };
  });
  const inPhrase = new Set(concepts.flatMap((c) => c.own));
  for (const t of q.terms) {
    if (!inPhrase.has(t))
      concepts.push({ own: [t], alternatives: [{ tokens: [t], credit: 1 }], weight: stats.idf(t) });
  }
  for (const w of q.weak) {
    if (!q.terms.includes(w) && !inPhrase.has(w))
      concepts.push({
        own: [w],
        alternatives: [{ tokens: [w], credit: 1 }],
        weight: stats.idf(w) * WEAK_WEIGHT,
      });
  }
  for (const { from, adds } of q.expansionGroups) {
    if (adds.length === 0) continue;
    const alternative = { tokens: adds, credit: EXPANSION_CREDIT };
    const targets = concepts.filter((c) => c.own.some((o) => from.includes(o)));
    if (targets.length) for (const c of targets) c.alternatives.push(alternative);
    else
      concepts.push({
        own: [],
        alternatives: [{ tokens: adds, credit: 1 }],
        weight: Math.max(0, ...adds.map((t) => stats.idf(t))) * EXPANSION_CREDIT,
      });
  }
  return concepts;
}

/** Credit (0..1) a text with index tokens `tokens` earns for `concept`. */
export function conceptCredit(concept: Concept, tokens: ReadonlySet<string>): number {
  let best = 0;
  for (const alt of concept.alternatives) {
    const present = alt.tokens.filter((t) => tokens.has(t)).length;
    if (present === 0) continue;
    const fraction = present / alt.tokens.length;
    const credit = alt.credit * (fraction === 1 ? 1 : fraction * PARTIAL_CREDIT);
    if (credit > best) best = credit;
  }
  return best;
}

/** Weight (sum of concept weights × credit) that a text with `tokens` covers. */
export function coveredWeight(concepts: readonly Concept[], tokens: ReadonlySet<string>): number {
  let got = 0;
  for (const c of concepts) got += c.weight * conceptCredit(c, tokens);
  return got;
}

/** The question's total weight. */
export function totalWeight(concepts: readonly Concept[]): number {
  return concepts.reduce((n, c) => n + c.weight, 0);
}

/** Share (0..1) of the question's weight a text with `tokens` covers; 1 when the question has none. */
export function coverage(concepts: readonly Concept[], tokens: ReadonlySet<string>): number {
  const total = totalWeight(concepts);
  return total === 0 ? 1 : coveredWeight(concepts, tokens) / total;
}

/** True for a synonym token (`syn12`). */
export { isSynonym as isSynonymToken };
