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
import { type Concept, conceptCredit } from '../retrieval/query-concepts.ts';
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
const CONTRAST =
  /\b(vs\.?|versus|v\/s|unlike|opposite|whereas|instead of|rather than|compared|but|while|however)\b/i;

function termSet(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

const namesAny = (terms: ReadonlySet<string>, side: ReadonlySet<string>) =>
  [...terms].some((t) => side.has(t));

/** A side as what names it: its most specific concept, by its words or a synonym ("security groups", "SG"). */
interface Side {
  terms: Set<string>;
  key: Concept | undefined;
}

function sideOf(a: QueryAnalysis): Side {
  const key = [...a.concepts].filter((c) => c.own.length > 0).sort((x, y) => y.weight - x.weight)[0];
  return { terms: new Set([...a.terms, ...a.synonyms]), key };
}

/** True when `tokens` name the side: all its key concept's words, or one of its synonyms. */
function names(tokens: ReadonlySet<string>, side: Side): boolean {
  return side.key ? conceptCredit(side.key, tokens) >= 1 : namesAny(tokens, side.terms);
}

/** The terms of a unit with its parent bullets and heading: what it is about. */
function aboutTerms(u: Unit): Set<string> {
  return termSet(
    `${u.text} ${u.ancestors.map((a) => a.text).join(' ')} ${u.passage.headingPath.at(-1) ?? ''}`,
  );
}

/** True when a unit names every side and is written to contrast them (a table row, a contrast word, a "vs" heading). */
function contrasts(u: Unit, sides: readonly Side[]): boolean {
  const about = aboutTerms(u);
  if (!sides.every((side) => names(about, side))) return false;
  return (
    u.passage.kind === 'table' || CONTRAST.test(u.text) || CONTRAST.test(u.passage.headingPath.at(-1) ?? '')
  );
}

/** A table row cut to its label and the columns that name a side. */
function cutRow(unit: Unit, sides: readonly Side[]): Unit {
  const item = unit.passage.items[unit.item] as PassageItem;
  if (!item.cells) return unit;
  const keep = item.cells.filter(([label]) => sides.some((side) => names(termSet(label), side)));
  if (keep.length < 2 || keep.length === item.cells.length) return unit;
  const lead = item.text.split(':')[0] ?? '';
  return { ...unit, text: `${lead}: ${keep.map(([l, v]) => `${l} ${v}`.trim()).join('; ')}` };
}

/** True when `tokens` name one of `others` and not `own`. */
function namesOtherOnly(tokens: ReadonlySet<string>, own: Side, others: readonly Side[]): boolean {
  return others.some((o) => names(tokens, o)) && !names(tokens, own);
}

/** 0.5 for a unit that is another side's line (under its heading, or led by its name), else 1. */
function sideFactor(u: Unit, own: Side, others: readonly Side[]): number {
  const heading = termSet(u.passage.headingPath.at(-1) ?? '');
  const lead = termSet(u.text.split(/[:;,.(]/)[0] ?? '');
  return namesOtherOnly(heading, own, others) || namesOtherOnly(lead, own, others) ? OFF_SIDE : 1;
}

/** True when a unit is about `own` alone: it names the side (with its context) and its text names no other side. */
function isOwnLine(u: Unit, own: Side, others: readonly Side[]): boolean {
  const text = termSet(u.text);
  return names(aboutTerms(u), own) && !others.some((o) => names(text, o));
}

/** The best line for one side from a search for that side, in the context of the whole question. */
function bestForSide(
  index: SearchIndex,
  whole: QueryAnalysis,
  analysis: QueryAnalysis,
  own: Side,
  others: readonly Side[],
  k: number,
): Unit | undefined {
  // Context is the rest of the question but the other sides: "placement groups" in
  // "spread vs partition placement groups", "max iops" in "gp2 vs io1 - max iops".
  const otherTerms = new Set(others.flatMap((o) => o.key?.own ?? []));
  const context = whole.terms.filter((t) => !analysis.terms.includes(t) && !otherTerms.has(t));
  const concepts: Concept[] = [
    ...analysis.concepts,
    ...whole.concepts
      .filter((c) => c.own.length > 0 && c.own.every((t) => context.includes(t)))
      .map((c) => ({ ...c, weight: c.weight * CONTEXT_WEIGHT })),
  ];
  const q: QueryAnalysis = {
    ...analysis,
    expansions: [...new Set([...analysis.expansions, ...context])],
    expandedFrom: { ...analysis.expandedFrom, ...Object.fromEntries(context.map((t) => [t, []])) },
    concepts,
    intent: whole.intent,
  };
  const asked = new Set([...analysis.terms, ...context]);
  return rankUnits(index.searchAnalyzed(q, k), concepts, whole.intent)
    .map((u) => ({ ...u, score: u.score * sideFactor(u, own, others) }))
    .sort((a, b) => b.score - a.score)
    .find((u) => isOwnLine(u, own, others) && saysMore(u.text, asked));
}

/**
 * The pieces of the comparison answer for `comparison` (sides of `question`), drawing on `k`
 * passages (`dense`: the question's dense ranking, fused into the whole question's search), or
 * null when a side is not in the notes. Pure given the index.
 */
export function composeComparison(
  question: string,
  comparison: Comparison,
  index: SearchIndex,
  k: number,
  dense?: readonly number[],
): Piece[] | null {
  const whole = { ...index.analyze(question), dense };
  const analyses = comparison.sides.map((side) => index.analyze(side));
  if (analyses.some((a) => a.terms.length === 0 && a.synonyms.length === 0)) return null;
  const hits = index.searchAnalyzed(whole, k);
  if (!isCovered(index, whole, hits)) return null;
  const sides = analyses.map(sideOf);
  const ranked = rankUnits(hits, whole.concepts, whole.intent).map((u) =>
    contrasts(u, sides) ? cutRow(u, sides) : u,
  );
  const chosen = chooseUnits(ranked, whole.concepts, new Set(whole.terms), MAX_ANSWER_CHARS);
  for (const [i, own] of sides.entries()) {
    const others = sides.filter((_, j) => j !== i);
    // A line that names the other sides too does not say what this side is.
    if (chosen.some((u) => isOwnLine(u, own, others))) continue;
    const pick = bestForSide(index, whole, analyses[i] as QueryAnalysis, own, others, k);
    if (!pick || chosen.some((c) => isDuplicate(c.text, pick.text) || isDuplicate(pick.text, c.text)))
      continue;
    // Room for the side's line: the weakest chosen lines give way.
    while (chosen.length > 1 && !fits([...chosen, pick], MAX_ANSWER_CHARS)) chosen.pop();
    chosen.push(pick);
  }
  return chosen.length ? piecesOf(chosen, MAX_ANSWER_CHARS) : null;
}
