/**
 * The extractive answer: question → ranked passages → ranked units → the best pieces, de-duplicated,
 * best first, at most {@link MAX_ANSWER_CHARS}, with citations. "A vs B" questions get one line per
 * side (`compose-comparison.ts`). When the notes do not cover the question (`abstention.ts`), the
 * answer says so and names close topics; it never invents.
 */

import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';
import { ANSWER_DEPTH } from '../retrieval/passage-counts.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import { isCovered } from './abstention.ts';
import { type Answer, MAX_ANSWER_CHARS, type Source } from './answer-types.ts';
import { composeComparison } from './compose-comparison.ts';
import { parseComparison } from './parse-comparison.ts';
import { rankUnits } from './rank-units.ts';
import { type Piece, selectPieces } from './select-pieces.ts';

/** Citation for a passage. */
export function sourceOf(p: Passage): Source {
  return { file: p.file, heading: formatHeadingPath(p.headingPath), line: p.line };
}

/** Cuts text at a word boundary so it fits `max` chars, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const kept = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:–-]+$/, '')}…`;
}

/** Plain text of pieces: one piece alone, several as "• " lines; labels first ("TTL: …"). */
export function renderPieces(pieces: readonly Piece[], budget: number): string {
  const line = (p: Piece) => (p.label ? `${p.label}: ${p.text}` : p.text);
  if (pieces.length === 1 && pieces[0]) return clip(line(pieces[0]), budget);
  return clip(pieces.map((p) => `• ${line(p)}`).join('\n'), budget);
}

/** Citations for passages, best first, one per file and heading: every quoted piece is cited. */
export function sourcesFor(passages: readonly Passage[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const p of passages) {
    const s = sourceOf(p);
    const key = `${s.file}#${s.heading}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

function closeTopics(index: SearchIndex, passages: readonly Passage[]): string[] {
  const topics: string[] = [];
  for (const p of passages) {
    const h = p.headingPath.at(-1) ?? p.topic.at(-1);
    if (h && !topics.includes(h)) topics.push(h);
  }
  if (topics.length === 0) {
    const counts = new Map<string, number>();
    for (const p of index.passages) {
      const h = p.headingPath.at(-1);
      if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    topics.push(...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h));
  }
  return topics.slice(0, 3);
}

/** The "not in the notes" answer, naming up to three close topics. */
export function notFound(question: string, index: SearchIndex, near: readonly Passage[]): Answer {
  const topics = closeTopics(index, near);
  const suggest = topics.length ? ` Close topics in the notes: ${topics.join(', ')}.` : '';
  return {
    question,
    text: `I couldn't find that in the notes.${suggest}`,
    sources: [],
    mode: 'extractive',
    found: false,
  };
}

/** The answer made of `pieces`, best first. */
function fromPieces(question: string, pieces: readonly Piece[]): Answer {
  return {
    question,
    text: renderPieces(pieces, MAX_ANSWER_CHARS),
    pieces: pieces.map((p) => ({ label: p.label, text: p.text, source: sourceOf(p.passage) })),
    sources: sourcesFor(pieces.map((p) => p.passage)),
    mode: 'extractive',
    found: true,
  };
}

/** Options for {@link composeAnswer}. */
export interface ComposeOptions {
  /** Passage ids ranked by dense retrieval for this question (see `dense-retriever.ts`), fused with lunr's ranking. */
  dense?: readonly number[] | null;
}

function composeSingle(question: string, index: SearchIndex, k: number, options: ComposeOptions): Answer {
  const q = { ...index.analyze(question), dense: options.dense ?? undefined };
  const hits = index.searchAnalyzed(q, k);
  const near = hits.map((h) => h.passage);
  if (!isCovered(index, q, hits)) return notFound(question, index, near);
  const units = rankUnits(hits, q.concepts, q.intent);
  const pieces = selectPieces(units, q.concepts, new Set(q.terms), MAX_ANSWER_CHARS);
  return pieces.length ? fromPieces(question, pieces) : notFound(question, index, near);
}

/**
 * Answers `question` from `index` without a model. Pure given the index; never throws on user text.
 * A question with no searchable words gets a short usage hint instead of an answer.
 */
export function composeAnswer(question: string, index: SearchIndex, options: ComposeOptions = {}): Answer {
  const k = ANSWER_DEPTH;
  const trimmed = question.trim();
  if (index.analyze(trimmed).terms.length === 0) {
    return {
      question,
      text: 'Ask me about a topic in the notes, for example `/saa dax vs elasticache` or `/saa lambda max execution time`.',
      sources: [],
      mode: 'extractive',
      found: false,
    };
  }
  const comparison = parseComparison(trimmed);
  if (comparison) {
    const pieces = composeComparison(comparison, index, k, options.dense ?? undefined);
    if (pieces?.length) return fromPieces(question, pieces);
  }
  return composeSingle(question, index, k, options);
}
