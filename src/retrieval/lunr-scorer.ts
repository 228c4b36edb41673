/**
 * Top-k scoring over a lunr index, with lunr's own numbers but without its per-match bookkeeping.
 *
 * lunr's `Index#query` scores a document as Σ over fields of (query vector · field vector) /
 * |query vector|, where field vectors hold lunr's BM25 term weights (field boosts included) and
 * the query vector holds each clause's boost. It also builds MatchData objects for every matching
 * field of every document and sorts all matches: with common words matching thousands of
 * passages, that bookkeeping is most of the cost. This scorer computes the same scores from the
 * same index (inverted index + field vectors), accumulates them in a typed array, and keeps only
 * the top k. Postings are unpacked per (term, field) on first use and cached.
 * Only plain term clauses are supported (no wildcards, fuzzy or presence), which is all we send.
 */

import type lunr from 'lunr';

/** One clause: a term (already analyzed), the fields to look in, and its boost. */
export interface ScoredClause {
  term: string;
  fields: readonly string[];
  boost: number;
}

/** One result: document ref index, score, and which clause terms it contains. */
export interface ScoredDoc {
  ref: string;
  score: number;
  matched: string[];
}

interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

interface LunrInternals {
  invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

function weightAt(elements: number[], termIndex: number): number {
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const idx = elements[mid * 2] ?? 0;
    if (idx === termIndex) return elements[mid * 2 + 1] ?? 0;
    if (idx < termIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Scores queries against one loaded lunr index. */
export class LunrScorer {
  readonly #index: LunrInternals;
  readonly #refs: string[] = [];
  readonly #refIds = new Map<string, number>();
  readonly #postings = new Map<string, Posting>();
  #scores: Float64Array = new Float64Array(0);

  constructor(index: lunr.Index) {
    this.#index = index as unknown as LunrInternals;
    for (const key of Object.keys(this.#index.fieldVectors)) {
      const ref = key.slice(key.indexOf('/') + 1);
      if (!this.#refIds.has(ref)) {
        this.#refIds.set(ref, this.#refs.length);
        this.#refs.push(ref);
      }
    }
    this.#scores = new Float64Array(this.#refs.length);
  }

  /** True when the index contains `term` in any field. */
  has(term: string): boolean {
    return Object.hasOwn(this.#index.invertedIndex, term);
  }

  #posting(term: string, field: string): Posting {
    const key = `${field}/${term}`;
    let p = this.#postings.get(key);
    if (p) return p;
    const entry = this.#index.invertedIndex[term];
    const refs = Object.keys(entry?.[field] ?? {});
    const termIndex = entry?._index ?? -1;
    p = { docs: new Int32Array(refs.length), weights: new Float64Array(refs.length) };
    refs.forEach((ref, i) => {
      (p as Posting).docs[i] = this.#refIds.get(ref) ?? 0;
      (p as Posting).weights[i] = weightAt(
        this.#index.fieldVectors[`${field}/${ref}`]?.elements ?? [],
        termIndex,
      );
    });
    this.#postings.set(key, p);
    return p;
  }

  /** The `k` best documents for `clauses`, best first (ties: lower document position first). */
  top(clauses: readonly ScoredClause[], k: number): ScoredDoc[] {
    // Query vector per field, as lunr builds it: boosts summed per term.
    const perField = new Map<string, Map<string, number>>();
    for (const c of clauses) {
      if (!this.has(c.term)) continue;
      for (const field of c.fields) {
        const terms = perField.get(field) ?? new Map<string, number>();
        terms.set(c.term, (terms.get(c.term) ?? 0) + c.boost);
        perField.set(field, terms);
      }
    }
    const scores = this.#scores;
    const touched: number[] = [];
    for (const [field, terms] of perField) {
      let sumSquares = 0;
      for (const b of terms.values()) sumSquares += b * b;
      const magnitude = Math.sqrt(sumSquares) || 1;
      for (const [term, boost] of terms) {
        const { docs, weights } = this.#posting(term, field);
        const factor = boost / magnitude;
        for (let i = 0; i < docs.length; i += 1) {
          const d = docs[i] as number;
          if (scores[d] === 0) touched.push(d);
          scores[d] = (scores[d] as number) + (weights[i] as number) * factor || Number.MIN_VALUE;
        }
      }
    }
    const best = selectTop(touched, scores, k);
    for (const d of touched) scores[d] = 0;
    return best.map((d) => {
      const ref = this.#refs[d] as string;
      return { ref, score: this.#scoreOf(ref, perField), matched: this.#matchedTerms(ref, perField) };
    });
  }

  /** lunr's exact score for one document (recomputed for the k winners only). */
  #scoreOf(ref: string, perField: Map<string, Map<string, number>>): number {
    let score = 0;
    for (const [field, terms] of perField) {
      const elements = this.#index.fieldVectors[`${field}/${ref}`]?.elements ?? [];
      let sumSquares = 0;
      let dot = 0;
      for (const [term, boost] of terms) {
        sumSquares += boost * boost;
        dot += boost * weightAt(elements, this.#index.invertedIndex[term]?._index ?? -1);
      }
      if (dot > 0) score += dot / (Math.sqrt(sumSquares) || 1);
    }
    return score;
  }

  #matchedTerms(ref: string, perField: Map<string, Map<string, number>>): string[] {
    const out = new Set<string>();
    for (const [field, terms] of perField) {
      for (const term of terms.keys()) {
        if (Object.hasOwn(this.#index.invertedIndex[term]?.[field] ?? {}, ref)) out.add(term);
      }
    }
    return [...out];
  }
}

/** Indices of the `k` highest scores among `candidates` (a bounded min-heap), best first. */
function selectTop(candidates: number[], scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) =>
    (scores[a] as number) < (scores[b] as number) || (scores[a] === scores[b] && a > b);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (const d of candidates) {
    if (heap.length < k) {
      heap.push(d);
      up(heap.length - 1);
    } else if (worse(heap[0] as number, d)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
