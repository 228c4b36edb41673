/**
 * Passages → a lunr index plus the statistics our query side needs (document frequency per
 * term, the raw word list for typo correction), as one JSON-serializable value.
 *
 * Fields and boosts (BM25 via lunr): `heading` (the passage's own heading, ×2), `text` (×1),
 * `context` (the parent heading, ×0.5), `alias` (AWS vocabulary synonym tokens, ×1).
 * Tokens come from our analyzer, not lunr's tokenizer; the lunr pipelines are emptied because
 * terms arrive already stemmed.
 */

import { createHash } from 'node:crypto';
import lunr from 'lunr';
import type { Passage } from '../knowledge/note-types.ts';
import { analyzeText } from './analyze-text.ts';
import { EQUIVALENT_TERMS } from './aws-vocabulary.ts';
import { tokenize } from './tokenize.ts';

/** Everything the query side loads: lunr's JSON plus our statistics. */
export interface SerializedIndex {
  /** Bump when analysis changes, so stale caches are rebuilt. */
  format: string;
  lunr: object;
  /** Stemmed term → number of passages containing it. */
  df: Record<string, number>;
  /** Raw (unstemmed) word → occurrences, for typo correction. */
  words: Record<string, number>;
  passageCount: number;
}

/** Version of the analysis code; bump it when tokenizing, stemming or the fields change. */
const PIPELINE_VERSION = 13;

/**
 * Version of an index: the analysis code's and the vocabulary's (synonym tokens are positions in
 * {@link EQUIVALENT_TERMS}, so a service added to the catalogue renumbers them), e.g. "12-3f9a0c1d".
 * Part of the index cache key: an index built before either changed is rebuilt, never misread.
 */
export const INDEX_FORMAT = `${PIPELINE_VERSION}-${createHash('sha256').update(JSON.stringify(EQUIVALENT_TERMS)).digest('hex').slice(0, 8)}`;

/** lunr field boosts: a passage's own heading counts double, its parent heading half. */
export const FIELD_BOOSTS = { heading: 2, text: 1, context: 0.5, topic: 0.5, alias: 1 } as const;

type Field = keyof typeof FIELD_BOOSTS;

/** Document fields of one passage, analyzed. */
export function passageFields(p: Pick<Passage, 'text' | 'headingPath' | 'topic'>): Record<Field, string[]> {
  const own = p.headingPath[p.headingPath.length - 1] ?? '';
  // Only the parent heading: a file's title ("Day 9: Lambda, DynamoDB, API Gateway …") sits
  // above everything in it and would make every passage look relevant to every topic.
  const above = p.headingPath.length > 1 ? (p.headingPath[p.headingPath.length - 2] ?? '') : '';
  const text = analyzeText(p.text);
  const heading = analyzeText(own);
  const context = analyzeText(above);
  const topic = analyzeText(p.topic.join(' '));
  const alias = [...text.synonyms, ...heading.synonyms, ...context.synonyms, ...topic.synonyms];
  return { heading: heading.terms, text: text.terms, context: context.terms, topic: topic.terms, alias };
}

/**
 * Builds the index. Pure and CPU-bound (about 0.3 s per 10k passages on this machine): call it
 * from a worker thread when the event loop must stay responsive (see `index-worker.ts`).
 */
export function buildIndex(passages: readonly Passage[]): SerializedIndex {
  const df: Record<string, number> = {};
  const words: Record<string, number> = {};
  const fieldsById = new Map<string, Record<Field, string[]>>();
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('id');
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
  // Fields arrive as pre-analyzed term arrays; lunr's tokenizer accepts arrays and only
  // lowercases their string form, which our terms already are.
  for (const p of passages) {
    const fields = passageFields(p);
    fieldsById.set(String(p.id), fields);
    for (const term of new Set(Object.values(fields).flat())) {
      df[term] = (df[term] ?? 0) + 1;
    }
    for (const w of tokenize(`${p.text} ${p.headingPath.join(' ')}`)) words[w] = (words[w] ?? 0) + 1;
    builder.add({ id: String(p.id), ...fields });
  }
  return { format: INDEX_FORMAT, lunr: builder.build().toJSON(), df, words, passageCount: passages.length };
}
