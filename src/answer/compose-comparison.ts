/**
 * The answer to "A vs B (vs C)": the question's best lines as for any question (the whole
 * question's words, the aspect "max iops on each" among them, find the passages that compare),
 * with two rules of its own:
 * - a table row that names the sides is cut to their columns ("Max IOPS: io1 64,000; gp2 16,000");
 * - every side gets at least one line: a side the chosen lines do not name gets its best line from
 *   a search for that side (in the context of the rest of the question), a line under another
 *   side's heading or led by another side's name not counting as its line.
 * Returns null when a side is not in the notes, so the caller can answer as for any question.
 */

import type { PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import type { Concept } from '../retrieval/query-concepts.ts';
import type { QueryAnalysis, SearchIndex } from '../retrieval/search-index.ts';
import { isCovered } from './abstention.ts';
import { MAX_ANSWER_CHARS } from './answer-types.ts';
import type { Comparison } from './parse-comparison.ts';
import { rankUnits, type Unit } from './rank-units.ts';
import { chooseUnits, fits, isDuplicate, type Piece, piecesOf, saysMore } from './select-pieces.ts';

/** Weight of the rest of the question next to a side's own words, in a search for one side. */
const CONTEXT_WEIGHT = 0.5;
/** A unit led by, or under a heading about, another side only keeps this share of its score. */
const OFF_SIDE = 0.5;
/** Words that set two things against each other in one line ("X is stateful, unlike Y"). */
const CONTRAST = /\b(vs\.?|versus|v\/s|unlike|opposite|whereas|instead of|rather than|compared|but|while|however)\b/i;

function termSet(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

const namesAny = (terms: ReadonlySet<string>, side: ReadonlySet<string>) => [...terms].some((t) => side.has(t));

/** The terms of a unit with its parent bullets and heading: what it is about. */
function aboutTerms(u: Unit): Set<string> {
  return termSet(`${u.text} ${u.ancestors.map((a) => a.text).join(' ')} ${u.passage.headingPath.at(-1) ?? ''}`);
}

/** True when a unit names every side and is written to contrast them (a table row, a contrast word, a "vs" heading). */
function contrasts(u: Unit, sides: readonly Set<string>[]): boolean {
  const about = aboutTerms(u);
  if (!sides.every((side) => namesAny(about, side))) return false;
  return u.passage.kind === 'table' || CONTRAST.test(u.text) || CONTRAST.test(u.passage.headingPath.at(-1) ?? '');
}

/** A table row cut to its label and the columns that name a side. */
function cutRow(unit: Unit, sides: readonly Set<string>[]): Unit {
  const item = unit.passage.items[unit.item] as PassageItem;
  if (!item.cells) return unit;
  const keep = item.cells.filter(([label]) => sides.some((side) => namesAny(termSet(label), side)));
  if (keep.length < 2 || keep.length === item.cells.length) return unit;
  const lead = item.text.split(':')[0] ?? '';
  return { ...unit, text: `${lead}: ${keep.map(([l, v]) => `${l} ${v}`.trim()).join('; ')}` };
}

/** 0.5 for a unit that is another side's line (under its heading, or led by its name), else 1. */
function sideFactor(u: Unit, own: ReadonlySet<string>, others: ReadonlySet<string>): number {
  const heading = termSet(u.passage.headingPath.at(-1) ?? '');
  const lead = termSet(u.text.split(/[:;,.(]/)[0] ?? '');
  if (namesAny(heading, others) && !namesAny(heading, own)) return OFF_SIDE;
  if (namesAny(lead, others) && !namesAny(lead, own)) return OFF_SIDE;
  return 1;
}

/** The best unit for one side from a search for that side, in the context of the whole question. */
function bestForSide(
  index: SearchIndex,
  whole: QueryAnalysis,
  own: QueryAnalysis,
  others: ReadonlySet<string>,
  k: number,
): Unit | undefined {
  const ownSet = new Set([...own.terms, ...own.synonyms]);
  const context = whole.terms.filter((t) => !own.terms.includes(t));
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
    intent: whole.intent,
  };
  const asked = new Set([...own.terms, ...context]);
  return rankUnits(index.searchAnalyzed(q, k), concepts, whole.intent)
    .map((u) => ({ ...u, score: u.score * sideFactor(u, ownSet, others) }))
    .sort((a, b) => b.score - a.score)
    .find((u) => namesAny(aboutTerms(u), ownSet) && saysMore(u.text, asked));
}

/**
 * The units of the comparison answer for `comparison` (sides of `question`), drawing on `k`
 * passages, or null when a side is not in the notes. Pure given the index.
 */
export function composeComparison(
  question: string,
  comparison: Comparison,
  index: SearchIndex,
  k: number,
): Piece[] | null {
  const whole = index.analyze(question);
  const sides = comparison.sides.map((side) => index.analyze(side));
  if (sides.some((a) => a.terms.length === 0 && a.synonyms.length === 0)) return null;
  const hits = index.searchAnalyzed(whole, k);
  if (!isCovered(index, whole, hits)) return null;
  const sideTerms = sides.map((a) => new Set([...a.terms, ...a.synonyms]));
  const ranked = rankUnits(hits, whole.concepts, whole.intent)
    .map((u) => (contrasts(u, sideTerms) ? cutRow(u, sideTerms) : u));
  const chosen = chooseUnits(ranked, whole.concepts, new Set(whole.terms), MAX_ANSWER_CHARS);
  for (const [i, side] of sides.entries()) {
    const own = sideTerms[i] as Set<string>;
    const others = new Set(sideTerms.flatMap((s, j) => (j === i ? [] : [...s])).filter((t) => !own.has(t)));
    // A line that names the other sides too does not say what this side is.
    const isOwnLine = (u: Unit) => namesAny(aboutTerms(u), own) && !namesAny(termSet(u.text), others);
    if (chosen.some(isOwnLine)) continue;
    const pick = bestForSide(index, whole, side, others, k);
    if (!pick || chosen.some((c) => isDuplicate(c.text, pick.text) || isDuplicate(pick.text, c.text))) continue;
    // Room for the side's line: the weakest lines that name no other side not otherwise named go.
    while (chosen.length > 1 && !fits([...chosen, pick], MAX_ANSWER_CHARS)) chosen.pop();
    chosen.push(pick);
  }
  return chosen.length ? piecesOf(chosen, MAX_ANSWER_CHARS) : null;
}
