/**
 * The answer to "A vs B (vs C)": one line per side, and first, when the notes have one, the line
 * or table row that names every side ("Security groups are stateful, NACLs stateless"; the
 * "Max IOPS" row of a volume-type table, cut to the columns asked about). Each side's line is the
 * best unit for that side's words, read in the context of the rest of the question (the aspect
 * "max iops on each", the shared words "placement groups"); a line whose lead is about another
 * side only is not this side's answer. Returns null when a side is not in the notes, so the
 * caller can answer the question as a whole instead.
 */

import type { PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import type { Concept } from '../retrieval/query-concepts.ts';
import type { QueryAnalysis, SearchIndex } from '../retrieval/search-index.ts';
import { isCovered } from './abstention.ts';
import { MAX_ANSWER_CHARS } from './answer-types.ts';
import type { Comparison } from './parse-comparison.ts';
import { questionIntent } from '../retrieval/question-intent.ts';
import { rankUnits, type Unit } from './rank-units.ts';
import { isDuplicate, type Piece, saysMore, selectPieces } from './select-pieces.ts';

/** Weight of the rest of the question next to a side's own words. */
const CONTEXT_WEIGHT = 0.5;
/** A unit led by another side's words only keeps this share of its score. */
const OFF_SIDE = 0.5;
/** A unit naming another side anywhere keeps this share of its score (it is about both). */
const MENTIONS_OTHER = 0.7;
/** A unit whose lead names this side ("Security groups are stateful") gets this factor. */
const LEAD_OWN = 1.2;
/** Units naming every side lead the answer when they score at least this share of the sides' mean. */
const BOTH_RATIO = 0.8;
/** At most this many such units. */
const MAX_BOTH = 2;
/** Words that set two things against each other in one line ("X is stateful, unlike Y"). */
const CONTRAST = /\b(vs\.?|versus|v\/s|unlike|opposite|whereas|instead of|rather than|compared|but|while|however)\b/i;



function termSet(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

/** True when `unitText` (with its context) names at least one term of each side. */
function namesAll(unit: Unit, sides: readonly Set<string>[]): boolean {
  const terms = termSet(`${unit.text} ${unit.ancestors.map((a) => a.text).join(' ')}`);
  return sides.every((side) => [...side].some((t) => terms.has(t)));
}

/** A table row cut to the label column and the columns that name a side. */
function cutRow(unit: Unit, sides: readonly Set<string>[]): Unit {
  const item = unit.passage.items[unit.item] as PassageItem;
  if (!item.cells) return unit;
  const keep = item.cells.filter(([label]) => {
    const t = termSet(label);
    return sides.some((side) => [...side].some((s) => t.has(s)));
  });
  if (keep.length < 2 || keep.length === item.cells.length) return unit;
  const lead = item.text.split(':')[0] ?? '';
  return { ...unit, text: `${lead}: ${keep.map(([l, v]) => `${l} ${v}`.trim()).join('; ')}` };
}

/**
 * The pieces of the comparison answer for `comparison` (sides of `question`), drawing on `k`
 * passages per side: the piece naming every side first (if any), then one per side, labelled with
 * the side. Pure given the index.
 */
export function composeComparison(
  question: string,
  comparison: Comparison,
  index: SearchIndex,
  k: number,
): Piece[] | null {
  const whole = index.analyze(question);
  const analyses = comparison.sides.map((side) => index.analyze(side));
  if (analyses.some((a) => a.terms.length === 0)) return null;
  const sideTerms = analyses.map((a) => new Set([...a.terms, ...a.synonyms]));
  const intent = questionIntent(comparison.aspect || question);

  // Units that name every side, from the whole question's passages: a contrast in one line.
  const asked = new Set(whole.terms);
  const both = rankUnits(index.searchAnalyzed(whole, k), whole.concepts, intent)
    .filter((u) => namesAll(u, sideTerms) && saysMore(u.text, asked))
    .map((u) => ({ ...(u.passage.kind === 'table' ? cutRow(u, sideTerms) : u), score: u.score * contrastFactor(u) }))
    .filter((u) => u.score > 0)
    .sort((a, b) => b.score - a.score);

  const leadingPassages = new Set(both.slice(0, MAX_BOTH).map((u) => u.passage));
  const candidates: Unit[][] = [];
  for (const [i, own] of analyses.entries()) {
    const ownSet = sideTerms[i] as Set<string>;
    const others = new Set(sideTerms.flatMap((s, j) => (j === i ? [] : [...s])).filter((t) => !ownSet.has(t)));
    const context = whole.terms.filter((t) => !own.terms.includes(t));
    // The rest of the question weighs less than the side's own words.
    const concepts: Concept[] = [
      ...own.concepts,
      ...whole.concepts
        .filter((c) => c.own.length > 0 && !c.own.some((t) => own.terms.includes(t)))
        .map((c) => ({ ...c, weight: c.weight * CONTEXT_WEIGHT })),
    ];
    const q: QueryAnalysis = {
      ...own,
      expansions: [...new Set([...own.expansions, ...context])],
      expandedFrom: { ...own.expandedFrom, ...Object.fromEntries(context.map((t) => [t, []])) },
      concepts,
    };
    const hits = index.searchAnalyzed(q, k);
    if (!isCovered(index, own, hits)) return null;
    const sideAsked = new Set([...own.terms, ...context]);
    const ranked = rankUnits(hits, concepts, intent)
      .map((u) => ({ ...u, score: u.score * sideFactor(u, ownSet, others) }))
      .filter((u) => !leadingPassages.has(u.passage) && saysMore(u.text, sideAsked))
      .sort((a, b) => b.score - a.score)
      .slice(0, SIDE_CANDIDATES);
    if (ranked.length === 0) return null;
    candidates.push(ranked);
  }
  const ignore = new Set([...sideTerms.flatMap((s) => [...s]), ...whole.terms]);
  const perSide = chooseSides(candidates, ignore);
  if (!perSide) return null;

  const sideBest = perSide.reduce((n, u) => n + u.score, 0) / perSide.length;
  const leading = both.filter((u) => u.score >= sideBest * BOTH_RATIO).slice(0, MAX_BOTH);
  const share = Math.floor(MAX_ANSWER_CHARS / (perSide.length + leading.length));
  const pieces: Piece[] = [];
  for (const u of leading) pieces.push(...selectPieces([u], whole.concepts, new Set(), share));
  perSide.forEach((unit, i) => {
    const [piece] = selectPieces([unit], (analyses[i] as QueryAnalysis).concepts, new Set(), share);
    if (piece) pieces.push({ ...piece, label: sideLabel(comparison.sides[i] ?? '', piece, sideTerms, i) });
  });
  return pieces;
}

/** Units considered per side when pairing sides. */
const SIDE_CANDIDATES = 8;
/** Bonus per word two sides' lines share beyond the question's ("pull-based" / "push-based"), at most 2. */
const PARALLEL_BONUS = 0.15;

/** Words two lines share that the question does not already name: the attribute they contrast on. */
function parallel(a: Unit, b: Unit, ignore: ReadonlySet<string>): number {
  const tb = termSet(b.text);
  let shared = 0;
  for (const t of termSet(a.text)) if (!ignore.has(t) && tb.has(t)) shared += 1;
  return Math.min(2, shared);
}

/**
 * One unit per side, from different passages and saying different things. Two sides: the pair
 * with the best scores plus a bonus for lines written in parallel (they contrast on one
 * attribute: "Layer 7" / "Layer 4"). More sides: the best remaining unit for each in turn.
 */
function chooseSides(candidates: readonly Unit[][], ignore: ReadonlySet<string>): Unit[] | null {
  const distinct = (a: Unit, b: Unit) =>
    a.passage !== b.passage && !isDuplicate(a.text, b.text) && !isDuplicate(b.text, a.text);
  const [first, second] = candidates;
  if (candidates.length === 2 && first && second) {
    let best: [Unit, Unit] | null = null;
    let bestScore = -1;
    for (const a of first) {
      for (const b of second) {
        if (!distinct(a, b)) continue;
        const score = a.score + b.score + PARALLEL_BONUS * parallel(a, b, ignore);
        if (score > bestScore) {
          best = [a, b];
          bestScore = score;
        }
      }
    }
    return best;
  }
  const chosen: Unit[] = [];
  for (const list of candidates) {
    const pick = list.find((u) => chosen.every((c) => distinct(c, u)));
    if (!pick) return null;
    chosen.push(pick);
  }
  return chosen;
}

/**
 * How much a unit naming every side is worth as a contrast: a line with a contrast word counts
 * most, then a table row, then a line under a "X vs Y" heading; other lines that merely name
 * both ("combine SQS with SNS") are not contrasts (0).
 */
function contrastFactor(u: Unit): number {
  if (CONTRAST.test(u.text)) return 1.3;
  if (u.passage.kind === 'table') return 1.2;
  return CONTRAST.test(u.passage.headingPath.at(-1) ?? '') ? 1 : 0;
}

/**
 * How much a unit is this side's: a line under a heading about another side only, or led by
 * another side's name, is that side's line ({@link OFF_SIDE}); one that also names another side
 * is about both ({@link MENTIONS_OTHER}); one led by, or under a heading about, this side is
 * this side's best kind of line ({@link LEAD_OWN}).
 */
function sideFactor(u: Unit, own: ReadonlySet<string>, others: ReadonlySet<string>): number {
  const names = (terms: ReadonlySet<string>, side: ReadonlySet<string>) => [...terms].some((t) => side.has(t));
  const heading = termSet(u.passage.headingPath.at(-1) ?? '');
  const lead = termSet(u.text.split(/[:;,.(]/)[0] ?? '');
  if (names(heading, others) && !names(heading, own)) return OFF_SIDE;
  if (names(lead, others) && !names(lead, own)) return OFF_SIDE;
  if (names(termSet(u.text), others)) return MENTIONS_OTHER;
  return names(lead, own) || names(heading, own) ? LEAD_OWN : 1;
}

/** A side's label: the note's own heading when it is about this side only, else the learner's words. */
function sideLabel(side: string, piece: Piece, sideTerms: readonly Set<string>[], i: number): string {
  const heading = piece.passage.headingPath.at(-1) ?? '';
  const h = termSet(heading);
  const own = sideTerms[i] as Set<string>;
  const aboutOwn = [...h].some((t) => own.has(t));
  const aboutOther = sideTerms.some((s, j) => j !== i && [...h].some((t) => s.has(t) && !own.has(t)));
  return heading && heading.length <= 60 && aboutOwn && !aboutOther ? heading : side;
}
