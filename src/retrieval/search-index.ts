/**
 * Query side of retrieval: loads a {@link SerializedIndex} and answers free text with ranked
 * passages. User text never reaches lunr's query parser (`index.search` throws on `:`, `~`, `^`
 * and more): queries are built with lunr's query builder from our own analysis, so any string,
 * including emoji and 5,000 characters of noise, gets a result list (possibly empty), never an error.
 */

import lunr from 'lunr';
import type { Passage } from '../knowledge/note-types.ts';
import { analyzeText, contentWords, stem } from './analyze-text.ts';
import { matchVocabulary, scatteredNeeds } from './aws-vocabulary.ts';
import { passageFields, type SerializedIndex } from './build-index.ts';
import { LunrScorer, type ScoredClause } from './lunr-scorer.ts';
import { SEARCH_DEFAULT_K } from './passage-counts.ts';
import { type Concept, conceptsOf, coverage } from './query-concepts.ts';
import { intentFit, type QuestionIntent, questionIntent } from './question-intent.ts';
import { SpellingIndex } from './spelling-index.ts';
import { WEAK_WORDS } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

/**
 * One ranked passage. `score` is its rank score (coverage of the question, share of the best
 * BM25 score, intent and heading fit); `matched` lists the index terms (stems, `syn<N>`) found in it.
 */
export interface Hit {
  passage: Passage;
  score: number;
  matched: string[];
}

/** How a query was read: useful for answer composition and for debugging retrieval. */
export interface QueryAnalysis {
  /** Stemmed content terms after spelling correction (the learner's own words). */
  terms: string[];
  synonyms: string[];
  /** Stemmed expansion terms (lower boost). */
  expansions: string[];
  /** Spelling corrections made, `typo → word`. */
  corrections: Record<string, string>;
  /** Expansion term → the question's own terms it stands for (for coverage). */
  expandedFrom: Record<string, string[]>;
  /** Synonym token → the stems of the words it was found as in the question ("secret", "manag"). */
  phrases: Record<string, string[]>;
  /** Term → the word it was asked as ("hibern" → "hibernating"). */
  surface: Record<string, string>;
  /** Generic words asked ("types", "options"): searched at expansion weight. */
  weak: string[];
  /** Each vocabulary phrase found: its synonym token and the stems of its content words. */
  phraseSpans: Array<{ synonym: string; words: string[] }>;
  /** Each one-way expansion: the stems it was found as and the stems (or synonym token) it adds. */
  expansionGroups: Array<{ from: string[]; adds: string[] }>;
  /** What the question asks about, each weighed once (see `query-concepts.ts`). */
  concepts: Concept[];
  /** The kind of answer it wants (a duration, a count, a service…). */
  intent: QuestionIntent;
  /** Passage ids ranked by dense retrieval (embeddings), best first, when available. */
  dense?: readonly number[];
}

/**
 * lunr's BM25 ranks this many passages; they are re-ranked by how much of the question they
 * cover (see `query-concepts.ts`): BM25 alone favours a passage repeating one word.
 */
const RERANK_DEPTH = 60;
/** Weight of the BM25 score (as a share of the best) next to coverage when re-ranking. */
const BM25_WEIGHT = 0.3;
/** Weight of a passage holding the kind of answer asked for ("how long" → a duration). */
const INTENT_WEIGHT = 0.35;
/** The constant of reciprocal rank fusion: 60, as in the paper that introduced it. */
const RRF_K = 60;
/** Weight of a passage whose own heading is what the question asks about ("What Lambda is"). */
const HEADING_WEIGHT = 0.2;

/** Only this much of a question is read (chars): a pasted essay costs no more than a paragraph. */
export const MAX_QUESTION_CHARS = 2_000;
/** At most this many words of a question are spelling-corrected. */
export const MAX_CORRECTIONS = 8;
/** At most this many content terms are searched: the rarest ones, so a pasted essay stays fast. */
export const MAX_QUERY_TERMS = 24;
const EXPANSION_BOOST = 0.6;
const OWN_FIELDS = ['heading', 'text', 'context', 'topic'] as const;
const ALIAS_FIELDS = ['alias'] as const;
const EXPANSION_FIELDS = ['heading', 'text'] as const;

/** Share (0..1) of a passage's own heading words that the question uses: 1 for "What Lambda is" asked about Lambda. */
function headingPrecision(q: QueryAnalysis, p: Passage): number {
  const heading = analyzeText(p.headingPath.at(-1) ?? '');
  const words = new Set([...heading.terms, ...heading.synonyms]);
  if (words.size === 0) return 0;
  const asked = new Set([...q.terms, ...q.synonyms, ...q.expansions]);
  let n = 0;
  for (const w of words) if (asked.has(w)) n += 1;
  return n / words.size;
}

/** True for a vocabulary synonym token (`syn12`), which lives in the `alias` field. */
function isSynonymToken(term: string): boolean {
  return /^syn\d+$/.test(term);
}

/**
 * How a learner asks what a name means ("what does WCU mean", "what does SAM stand for"): the
 * frame, not the topic. In such a question these words are weak (see `WEAK_WORDS`): a line need
 * not have them, and "Serverless means…" does not answer "what does WCU mean".
 */
const FRAME_WORDS: ReadonlySet<string> = new Set(['mean', 'means', 'meaning', 'stand', 'stands']);
/** A question that asks what something means ("what does … mean", "whats the meaning of …"). */
const ASKS_MEANING = /^\s*(?:what|whats|what's)\b[^?]*\b(?:stands? for|mean|meaning)\b/i;

/** `text` with each misspelt word replaced by its correction (`typo → word`), case-insensitively. */
function withCorrections(text: string, corrections: Readonly<Record<string, string>>): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (w) => corrections[w.toLowerCase()] ?? w);
}

/** A loaded, queryable index over a fixed passage list. */
export class SearchIndex {
  readonly #scorer: LunrScorer;
  readonly #data: SerializedIndex;
  readonly #spelling: SpellingIndex;
  readonly passages: readonly Passage[];

  /** @throws Error when `data` is not a serialized lunr index (a corrupt cache file). */
  constructor(data: SerializedIndex, passages: readonly Passage[]) {
    this.#scorer = new LunrScorer(lunr.Index.load(data.lunr));
    this.#data = data;
    this.#spelling = new SpellingIndex(data.words);
    this.passages = passages;
  }

  /** Inverse document frequency of a stemmed term (BM25 form, ≥ 0; unknown terms get the max). */
  idf(term: string): number {
    const n = this.#data.passageCount;
    const df = this.#data.df[term] ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when some passage contains the stemmed term. */
  knows(term: string): boolean {
    return (this.#data.df[term] ?? 0) > 0;
  }

  /** Reads a query: tokens, spelling correction, stop words, stems, vocabulary. Pure. */
  analyze(text: string): QueryAnalysis {
    const cut = text.slice(0, MAX_QUESTION_CHARS);
    const raw = tokenize(cut);
    const isWeak = ASKS_MEANING.test(cut)
      ? (w: string) => WEAK_WORDS.has(w) || FRAME_WORDS.has(w)
      : (w: string) => WEAK_WORDS.has(w);
    // Words of an AWS name ("netapp ontap") are names, not typos of a notes word ("on top").
    const named = new Set(matchVocabulary(raw, false).phrases.flatMap((p) => p.words));
    const corrections: Record<string, string> = {};
    const tokens = raw.map((t) => {
      if (Object.keys(corrections).length >= MAX_CORRECTIONS || this.knows(stem(t)) || named.has(t)) return t;
      const fixed = this.#spelling.correct(t);
      if (fixed !== t) corrections[t] = fixed;
      return fixed;
    });
    const vocab = matchVocabulary(tokens, true);
    const words = contentWords(tokens);
    // A need asked in other word order ("upload big files … slow for the far away ones").
    const added = new Set(vocab.expansions.flatMap((e) => e.adds));
    for (const need of scatteredNeeds(new Set(words.map(stem))))
      if (!need.adds.every((a) => added.has(a))) vocab.expansions.push(need);
    const weak = words.filter(isWeak).map(stem);
    let terms = [...new Set(words.filter((w) => !isWeak(w)).map(stem))];
    if (terms.length > MAX_QUERY_TERMS) {
      terms = terms.sort((a, b) => this.idf(b) - this.idf(a)).slice(0, MAX_QUERY_TERMS);
    }
    const own = new Set(terms);
    const expandedFrom: Record<string, string[]> = Object.fromEntries(
      weak.filter((w) => !own.has(w)).map((w) => [w, []]),
    );
    for (const { from, adds } of vocab.expansions) {
      const sources = contentWords(from).map(stem);
      for (const e of contentWords(adds).map(stem)) {
        if (own.has(e)) continue;
        expandedFrom[e] = [...new Set([...(expandedFrom[e] ?? []), ...sources])];
      }
    }
    const surface: Record<string, string> = {};
    for (const w of words) surface[stem(w)] ??= w;
    const phrases: Record<string, string[]> = {};
    const phraseSpans = vocab.phrases.map(({ synonym, words: found }) => ({
      synonym,
      words: [...new Set(contentWords(found).map(stem))],
    }));
    for (const { synonym, words: found } of phraseSpans) {
      phrases[synonym] = [...new Set([...(phrases[synonym] ?? []), ...found])];
    }
    const expansionGroups = vocab.expansions.map(({ from, adds }) => ({
      from: contentWords(from).map(stem),
      adds: [...new Set(contentWords(adds).map(stem))].filter((a) => !own.has(a)),
    }));
    const analysis: Omit<QueryAnalysis, 'concepts'> = {
      // Read on the corrected words: "how lnog" asks for a duration as "how long" does.
      intent: questionIntent(withCorrections(cut, corrections)),
      terms,
      synonyms: [...new Set(vocab.synonyms)],
      expansions: Object.keys(expandedFrom),
      corrections,
      expandedFrom,
      phrases,
      surface,
      weak: [...new Set(weak)],
      phraseSpans,
      expansionGroups,
    };
    return { ...analysis, concepts: conceptsOf({ ...analysis, concepts: [] }, this) };
  }

  /** Top `k` passages for free text, best first. Never throws on user text. */
  search(text: string, k = SEARCH_DEFAULT_K): Hit[] {
    return this.searchAnalyzed(this.analyze(text), k);
  }

  /** Top `k` passages for an already analyzed query, best first. */
  searchAnalyzed(q: QueryAnalysis, k = SEARCH_DEFAULT_K): Hit[] {
    const clauses: ScoredClause[] = [
      ...q.terms.map((term) => ({ term, fields: OWN_FIELDS, boost: 1 })),
      ...q.synonyms.map((term) => ({ term, fields: ALIAS_FIELDS, boost: 1 })),
      ...q.expansions.map((term) => ({
        term,
        fields: isSynonymToken(term) ? ALIAS_FIELDS : EXPANSION_FIELDS,
        boost: EXPANSION_BOOST,
      })),
    ];
    const hits: Hit[] = [];
    for (const r of this.#scorer.top(clauses, Math.max(k, RERANK_DEPTH))) {
      const passage = this.passages[Number(r.ref)];
      if (passage) hits.push({ passage, score: r.score, matched: r.matched });
    }
    const top = hits[0]?.score || 1;
    const ranked = hits
      .map((h) => ({
        h,
        s:
          coverage(q.concepts, new Set(h.matched)) +
          (BM25_WEIGHT * h.score) / top +
          INTENT_WEIGHT * intentFit(q.intent, h.passage.text) +
          HEADING_WEIGHT * headingPrecision(q, h.passage),
      }))
      .sort((a, b) => b.s - a.s)
      .map(({ h, s }) => ({ ...h, score: s }));
    return (q.dense?.length ? this.#fuse(ranked, q.dense, clauses) : ranked).slice(0, k);
  }

  /**
   * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009) of the lexical ranking and
   * the dense one: score = Σ 1 / ({@link RRF_K} + rank). A passage only the vectors found gets
   * the clause terms it contains as `matched`.
   */
  #fuse(lexical: Hit[], dense: readonly number[], clauses: readonly ScoredClause[]): Hit[] {
    const byId = new Map<number, { hit: Hit; score: number }>();
    for (const [rank, hit] of lexical.entries())
      byId.set(hit.passage.id, { hit, score: 1 / (RRF_K + rank + 1) });
    const terms = new Set(clauses.map((c) => c.term));
    dense.forEach((id, rank) => {
      const entry = byId.get(id);
      if (entry) entry.score += 1 / (RRF_K + rank + 1);
      else {
        const passage = this.passages[id];
        if (!passage) return;
        const fields = passageFields(passage);
        const matched = [...new Set(Object.values(fields).flat())].filter((t) => terms.has(t));
        byId.set(id, { hit: { passage, score: 0, matched }, score: 1 / (RRF_K + rank + 1) });
      }
    });
    return [...byId.values()].sort((a, b) => b.score - a.score).map(({ hit, score }) => ({ ...hit, score }));
  }
}
