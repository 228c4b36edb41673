/**
 * How much of a question a passage covers: the share (0..1) of the question's IDF weight whose
 * terms the passage contains, in any field. A synonym token stands for the words of its group
 * ("DAX" covers "DynamoDB Accelerator"); an expansion stands for the question words it came from.
 */

import { analyzeText } from './analyze-text.ts';
import { EQUIVALENT_TERMS } from './aws-vocabulary.ts';

/** What coverage needs from a query analysis. */
export interface CoverageQuery {
  terms: string[];
  synonyms: string[];
  expandedFrom: Record<string, string[]>;
}

/** What coverage needs from an index: inverse document frequency of a stemmed term. */
export interface TermStatistics {
  idf(term: string): number;
}

/** Stems of each EQUIVALENT_TERMS group, by group number (`syn<N>`). */
export const SYNONYM_STEMS: readonly string[][] = EQUIVALENT_TERMS.map((group) => [
  ...new Set(group.flatMap((phrase) => analyzeText(phrase).terms)),
]);

/** The question's own terms that `matched` (index terms found in a passage) stands for. */
export function coveredTerms(q: CoverageQuery, matched: readonly string[]): Set<string> {
  const out = new Set(matched);
  for (const syn of q.synonyms) {
    if (out.has(syn)) for (const t of SYNONYM_STEMS[Number(syn.slice(3))] ?? []) out.add(t);
  }
  for (const [expansion, sources] of Object.entries(q.expandedFrom)) {
    if (out.has(expansion)) for (const t of sources) out.add(t);
  }
  return out;
}

/** Share (0..1) of the question's IDF weight covered by `matched`; 1 for a question with no terms. */
export function queryCoverage(stats: TermStatistics, q: CoverageQuery, matched: readonly string[]): number {
  if (q.terms.length === 0) return 1;
  const covered = coveredTerms(q, matched);
  let total = 0;
  let got = 0;
  for (const t of q.terms) {
    const idf = stats.idf(t);
    total += idf;
    if (covered.has(t)) got += idf;
  }
  return total === 0 ? 1 : got / total;
}
