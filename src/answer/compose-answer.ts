/**
 * The extractive answer: question → ranked passages → the best quotable pieces, de-duplicated
 * (several notes often say the same thing), best first, at most {@link MAX_ANSWER_CHARS}, with
 * citations. "A vs B" questions get one line per side. When the notes do not cover the question,
 * the answer says so and names close topics; it never invents.
 */

import type { Passage } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import { EQUIVALENT_TERMS } from '../retrieval/aws-vocabulary.ts';
import type { Hit, QueryAnalysis, SearchIndex } from '../retrieval/search-index.ts';
import { type Answer, MAX_ANSWER_CHARS, type Source } from './answer-types.ts';
import { extractSnippet, type Snippet, weightOf } from './extract-snippet.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { parseComparison } from './parse-comparison.ts';

/** Share of the question's weight (IDF) the best passage must cover to count as an answer. */
export const MIN_COVERAGE = 0.2;
/** Words the notes never use may carry at most this share of the question's weight. */
export const MAX_UNKNOWN_SHARE = 0.5;
/** A further piece is added only when it scores at least this share of the best one. */
const FOLLOW_UP_RATIO = 0.45;
const MAX_PIECES = 3;
const EXPANSION_WEIGHT = 0.6;

/** Citation for a passage. */
export function sourceOf(p: Passage): Source {
  return { file: p.file, heading: p.headingPath.join(' > '), line: p.line };
}

function termWeights(index: SearchIndex, q: QueryAnalysis): Map<string, number> {
  const w = new Map<string, number>();
  for (const t of q.terms) w.set(t, index.idf(t));
  for (const s of q.synonyms) w.set(s, Math.max(w.get(s) ?? 0, index.idf(s)));
  for (const e of q.expansions) if (!w.has(e)) w.set(e, index.idf(e) * EXPANSION_WEIGHT);
  return w;
}

const SYNONYM_STEMS: string[][] = EQUIVALENT_TERMS.map((group) => [
  ...new Set(group.flatMap((phrase) => analyzeText(phrase).terms)),
]);

/** Share (0..1) of the question's IDF weight that `hit` matches, synonyms counting for their words. */
export function coverage(index: SearchIndex, q: QueryAnalysis, hit: Hit | undefined): number {
  if (!hit || q.terms.length === 0) return hit ? 1 : 0;
  const matched = new Set(hit.matched);
  for (const syn of q.synonyms) {
    if (matched.has(syn)) for (const t of SYNONYM_STEMS[Number(syn.slice(3))] ?? []) matched.add(t);
  }
  for (const [expansion, sources] of Object.entries(q.expandedFrom)) {
    if (matched.has(expansion)) for (const t of sources) matched.add(t);
  }
  let total = 0;
  let got = 0;
  for (const t of q.terms) {
    const idf = index.idf(t);
    total += idf;
    if (matched.has(t)) got += idf;
  }
  return total === 0 ? 1 : got / total;
}

/** Share (0..1) of the question's IDF weight carried by words no note contains ("kubernetes"). */
export function unknownShare(index: SearchIndex, q: QueryAnalysis): number {
  // A word the notes lack still counts as understood when it maps to one they have
  // ("temp" → "tmp", "disk space" → "/tmp").
  const understood = new Set<string>();
  for (const syn of q.synonyms) {
    if (index.knows(syn)) for (const t of SYNONYM_STEMS[Number(syn.slice(3))] ?? []) understood.add(t);
  }
  for (const [expansion, sources] of Object.entries(q.expandedFrom)) {
    if (index.knows(expansion)) for (const t of sources) understood.add(t);
  }
  let total = 0;
  let unknown = 0;
  for (const t of q.terms) {
    const idf = index.idf(t);
    total += idf;
    if (!index.knows(t) && !understood.has(t)) unknown += idf;
  }
  return total === 0 ? 0 : unknown / total;
}

/** True when the best hit answers the question at all (see MIN_COVERAGE, MAX_UNKNOWN_SHARE). */
export function isCovered(index: SearchIndex, q: QueryAnalysis, hits: Hit[]): boolean {
  const best = Math.max(0, ...hits.slice(0, 3).map((h) => coverage(index, q, h)));
  return hits.length > 0 && unknownShare(index, q) < MAX_UNKNOWN_SHARE && best >= MIN_COVERAGE;
}

function stemsOf(text: string): Set<string> {
  return new Set(analyzeText(text).terms);
}

/**
 * True when `b` adds next to nothing to `a`: at most one content word in five of `b` (and at
 * least one) is new. Several notes often say the same thing; the answer says it once.
 */
export function isDuplicate(a: string, b: string): boolean {
  const sa = stemsOf(a);
  const sb = stemsOf(b);
  if (sa.size === 0 || sb.size === 0) return false;
  let novel = 0;
  for (const t of sb) if (!sa.has(t)) novel += 1;
  return novel <= Math.max(1, sb.size * 0.2);
}

/**
 * Splits `budget` chars among pieces of the given natural lengths: short pieces keep their
 * length and what they leave goes to the longer ones (max-min fairness).
 */
export function fairShares(lengths: number[], budget: number): number[] {
  const shares = lengths.map(() => 0);
  let left = budget;
  const order = lengths.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
  order.forEach(({ n, i }, k) => {
    const share = Math.min(n, Math.floor(left / (order.length - k)));
    shares[i] = share;
    left -= share;
  });
  return shares;
}

/** Cuts text at a word boundary so it fits `max` chars, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const kept = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/&[a-z]*$/, '');
  return `${kept.replace(/[\s,;:–-]+$/, '')}…`;
}

interface Ranked {
  snippet: Snippet;
  score: number;
}

/** Weight of the retrieval score next to the snippet's own coverage of the question. */
const RETRIEVAL_SHARE = 0.3;

/**
 * Orders hits by how much of the question their quotable piece covers (IDF-weighted, the
 * passage's own and parent heading counting as part of it), plus a share of lunr's BM25 rank.
 */
function rankSnippets(
  index: SearchIndex,
  q: QueryAnalysis,
  hits: Hit[],
  side?: { own: ReadonlySet<string>; other: ReadonlySet<string> },
): Ranked[] {
  const weights = termWeights(index, q);
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const top = hits[0]?.score || 1;
  return hits
    .map((hit) => {
      const snippet = extractSnippet(hit.passage, weights, followingPassage(index, hit.passage));
      const about = hit.passage.headingPath.slice(-2).join(' ');
      const covered = weightOf(`${snippet.text} ${about}`, weights) / total;
      // In "A vs B", a piece whose lead line is about B ("Identity pools: … integrate with user
      // pools") is not A's answer even though it mentions A.
      const lead = analyzeText(snippet.text.split(/[:;]/)[0] ?? '');
      const leadTerms = [...lead.terms, ...lead.synonyms];
      const offSide =
        side && leadTerms.some((t) => side.other.has(t)) && !leadTerms.some((t) => side.own.has(t));
      return { snippet, score: (offSide ? 0.5 : 1) * (covered + (RETRIEVAL_SHARE * hit.score) / top) };
    })
    .sort((a, b) => b.score - a.score);
}

/** The passage right after `p` under the same heading, if any (its lines may finish p's thought). */
function followingPassage(index: SearchIndex, p: Passage): Passage | undefined {
  const next = index.passages[p.id + 1];
  return next && next.file === p.file && next.headingPath.join('\0') === p.headingPath.join('\0')
    ? next
    : undefined;
}

/** True when `text` has at least two content words beyond the question's own (it says something). */
function saysMore(text: string, asked: ReadonlySet<string>): boolean {
  let extra = 0;
  for (const t of stemsOf(text)) if (!asked.has(t) && ++extra >= 2) return true;
  return false;
}

function pickPieces(
  ranked: Ranked[],
  budget: number,
  asked: ReadonlySet<string>,
): { pieces: Snippet[]; alsoIn: Passage[] } {
  const pieces: Snippet[] = [];
  const alsoIn: Passage[] = [];
  const best = ranked[0]?.score ?? 0;
  let used = 0;
  for (const { snippet, score } of ranked) {
    if (pieces.length >= MAX_PIECES) break;
    if (pieces.length > 0 && score < best * FOLLOW_UP_RATIO) break;
    if (pieces.length > 0 && snippet.itemScore <= 0) continue;
    if (!saysMore(snippet.text, asked)) continue;
    const dupAt = pieces.findIndex((p) => isDuplicate(p.text, snippet.text));
    const dupOf = pieces[dupAt];
    if (dupOf) {
      // Another note saying the same thing and more replaces the shorter one.
      const more = stemsOf(snippet.text).size - stemsOf(dupOf.text).size;
      const grow = labelled(snippet).length - labelled(dupOf).length;
      if (more >= 3 && used + grow <= budget) {
        pieces[dupAt] = snippet;
        used += grow;
        alsoIn.push(dupOf.passage);
      } else if (dupOf.passage.file !== snippet.passage.file) alsoIn.push(snippet.passage);
      continue;
    }
    const cost = labelled(snippet).length + 3;
    if (pieces.length > 0 && used + cost > budget) continue;
    pieces.push(snippet);
    used += cost;
  }
  return { pieces, alsoIn };
}

/** Longest heading (chars) used as a piece's label. */
const MAX_LABEL_CHARS = 50;

/**
 * A piece as posted: its own heading in bold first when the text does not already name it
 * ("*TTL*: Automatically delete items after expiry"), since terse bullets lean on their heading.
 */
export function labelled(p: Snippet): string {
  const heading = (p.passage.headingPath[p.passage.headingPath.length - 1] ?? '')
    .replace(/[*_`]/g, '')
    .trim();
  const body = escapeMrkdwn(p.text);
  if (!heading || heading.length > MAX_LABEL_CHARS) return body;
  const words = stemsOf(heading);
  const text = stemsOf(p.text);
  if ([...words].every((w) => text.has(w))) return body;
  return `*${escapeMrkdwn(heading)}*: ${body}`;
}

function render(pieces: Snippet[], budget: number): string {
  if (pieces.length === 1 && pieces[0]) return clip(labelled(pieces[0]), budget);
  return clip(pieces.map((p) => `• ${labelled(p)}`).join('\n'), budget);
}

function sourcesFor(passages: Passage[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const p of passages) {
    const s = sourceOf(p);
    const key = `${s.file}#${s.heading}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.slice(0, 4);
}

function closeTopics(index: SearchIndex, hits: Hit[]): string[] {
  const topics: string[] = [];
  const fromHits = hits.map((h) => h.passage.headingPath[h.passage.headingPath.length - 1]);
  for (const t of fromHits) if (t && !topics.includes(t)) topics.push(t);
  if (topics.length === 0) {
    const counts = new Map<string, number>();
    for (const p of index.passages) {
      const h = p.headingPath[p.headingPath.length - 1];
      if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    topics.push(...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h));
  }
  return topics.slice(0, 3);
}

function notFound(question: string, index: SearchIndex, hits: Hit[]): Answer {
  const topics = closeTopics(index, hits);
  const suggest = topics.length
    ? ` Close topics in the notes: ${topics.map((t) => `*${t}*`).join(', ')}.`
    : '';
  return {
    question,
    text: `I couldn't find that in the notes.${suggest}`,
    sources: [],
    mode: 'extractive',
    found: false,
  };
}

/** Options for {@link composeAnswer}. */
export interface ComposeOptions {
  /** How many retrieved passages the answer may draw from (default 10). */
  k?: number;
}

function composeSingle(question: string, index: SearchIndex, k: number): Answer {
  const q = index.analyze(question);
  const hits = index.searchAnalyzed(q, k);
  if (!isCovered(index, q, hits)) return notFound(question, index, hits);
  const ranked = rankSnippets(index, q, hits);
  // Only the learner's own words count as already said: an expansion ("item size" → 400 KB) is
  // exactly what the answer should add.
  const { pieces, alsoIn } = pickPieces(ranked, MAX_ANSWER_CHARS, new Set(q.terms));
  if (pieces.length === 0) return notFound(question, index, hits);
  return {
    question,
    text: render(pieces, MAX_ANSWER_CHARS),
    sources: sourcesFor([...pieces.map((p) => p.passage), ...alsoIn]),
    mode: 'extractive',
    found: true,
  };
}

function composeComparison(
  question: string,
  sides: [string, string],
  index: SearchIndex,
  k: number,
): Answer | null {
  const whole = index.analyze(question);
  const analyses = sides.map((side) => index.analyze(side)) as [QueryAnalysis, QueryAnalysis];
  if (analyses.some((a) => a.terms.length === 0)) return null;
  const sideTerms = analyses.map((a) => new Set([...a.terms, ...a.synonyms]));
  const both = bothSidesPiece(index, whole, sideTerms, k);
  const perSide: Array<{ label: string; piece: Snippet }> = [];
  for (const [i, side] of sides.entries()) {
    const own = analyses[i] as QueryAnalysis;
    const ownSet = sideTerms[i] as Set<string>;
    const otherOnly = new Set([...(sideTerms[1 - i] as Set<string>)].filter((t) => !ownSet.has(t)));
    // The rest of the question (the other side, "… in dynamodb") is context: it keeps
    // "on-demand" in DynamoDB's capacity modes rather than Lambda's "run on demand".
    const context = whole.terms.filter((t) => !own.terms.includes(t));
    const q: QueryAnalysis = {
      ...own,
      expansions: [...new Set([...own.expansions, ...context])],
      expandedFrom: { ...own.expandedFrom, ...Object.fromEntries(context.map((t) => [t, []])) },
    };
    const hits = index.searchAnalyzed(q, k);
    if (!isCovered(index, own, hits)) return null;
    const asked = new Set([...own.terms, ...own.expansions]);
    const shown = [...(both ? [both.text] : []), ...perSide.map((p) => p.piece.text)];
    const ranked = rankSnippets(index, own, hits, { own: ownSet, other: otherOnly });
    const pick =
      ranked.find(
        (r) => saysMore(r.snippet.text, asked) && !shown.some((t) => isDuplicate(t, r.snippet.text)),
      ) ?? ranked[0];
    if (!pick) return null;
    perSide.push({ label: side, piece: pick.snippet });
  }
  const lines: string[] = [];
  const passages: Passage[] = [];
  const budget = MAX_ANSWER_CHARS - 10;
  const natural = perSide.map((p) => p.piece.text.length + 30);
  const shares = fairShares([...natural, ...(both ? [labelled(both).length] : [])], budget);
  for (const [i, { label, piece }] of perSide.entries()) {
    const name = sideLabel(label, piece, sideTerms[i] as Set<string>, sideTerms[1 - i] as Set<string>);
    lines.push(
      `*${escapeMrkdwn(name)}*: ${clip(escapeMrkdwn(piece.text), (shares[i] ?? 0) - name.length - 4)}`,
    );
    passages.push(piece.passage);
  }
  if (both) {
    lines.unshift(clip(labelled(both), shares[2] ?? 0));
    passages.unshift(both.passage);
  }
  return {
    question,
    text: clip(lines.join('\n'), MAX_ANSWER_CHARS),
    sources: sourcesFor(passages),
    mode: 'extractive',
    found: true,
  };
}

/**
 * The piece that compares both sides, if the notes have one: their own side-by-side table, or a
 * line that names both sides up front ("for DynamoDB, use DAX instead of ElastiCache").
 */
function bothSidesPiece(
  index: SearchIndex,
  whole: QueryAnalysis,
  sideTerms: Set<string>[],
  k: number,
): Snippet | undefined {
  const namesBoth = (text: string) => {
    const a = analyzeText(text);
    const terms = new Set([...a.terms, ...a.synonyms]);
    return sideTerms.every((side) => [...side].some((t) => terms.has(t)));
  };
  const hits = index
    .searchAnalyzed(whole, k)
    .filter((h) => sideTerms.every((terms) => h.matched.some((m) => terms.has(m))));
  const asked = new Set([...whole.terms, ...whole.expansions]);
  return rankSnippets(index, whole, hits)
    .filter((r) => r.snippet.passage.kind === 'table' || namesBoth(r.snippet.text.split(/[;]/)[0] ?? ''))
    .map((r) => ({ ...r, score: r.snippet.passage.kind === 'table' ? r.score * 1.5 : r.score }))
    .sort((a, b) => b.score - a.score)
    .find((r) => saysMore(r.snippet.text, asked))?.snippet;
}

/** A side's label: the note's own heading when it is about this side only, else the learner's words. */
function sideLabel(
  label: string,
  piece: Snippet,
  own: ReadonlySet<string>,
  other: ReadonlySet<string>,
): string {
  const heading = piece.passage.headingPath[piece.passage.headingPath.length - 1] ?? '';
  const h = analyzeText(heading);
  const terms = [...h.terms, ...h.synonyms];
  const aboutOwn = terms.some((t) => own.has(t));
  const aboutOther = terms.some((t) => other.has(t) && !own.has(t));
  const name = heading.length <= MAX_LABEL_CHARS && aboutOwn && !aboutOther ? heading : label;
  return name.replace(/[*_`]/g, '').replace(/\s+/g, ' ');
}

/**
 * Answers `question` from `index` without a model. Pure given the index; never throws on user text.
 * A question with no searchable words gets a short usage hint instead of an answer.
 */
export function composeAnswer(question: string, index: SearchIndex, options: ComposeOptions = {}): Answer {
  const k = Math.max(1, options.k ?? 10);
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
  const sides = parseComparison(trimmed);
  if (sides) {
    const answer = composeComparison(question, sides, index, k);
    if (answer) return answer;
  }
  return composeSingle(question, index, k);
}
