/**
 * Ranked units → the pieces an answer quotes. Greedy, best first, in the manner of maximal
 * marginal relevance: after the best unit, a further unit must score at least
 * {@link FOLLOW_UP_RATIO} of the best, say something the chosen ones do not (several notes often
 * say the same thing), and it is preferred when it covers question words the chosen ones miss
 * ("max timeout and the default" wants both lines). Units of one passage join one piece, in note
 * order, with their parent bullets for context.
 */

import { flattenItems } from '../knowledge/build-passages.ts';
import type { Passage, PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import { type Concept, coveredWeight, totalWeight } from '../retrieval/query-concepts.ts';
import { ancestorsOf, sentences, type Unit } from './rank-units.ts';

/** One quoted piece: a passage's chosen lines, flattened, with the heading that labels it. */
export interface Piece {
  passage: Passage;
  /** The quoted text (parent bullets, then the chosen lines), plain text as in the notes. */
  text: string;
  /** The passage's own heading when the text does not already name it ("TTL", "Limits"). */
  label?: string;
}

/** A further unit must score at least this share of the best one. */
export const FOLLOW_UP_RATIO = 0.6;
/** At most this many units are quoted. */
export const MAX_UNITS = 4;
/** Weight of newly covered question words when choosing the next unit. */
const NOVELTY_WEIGHT = 0.6;
/** A piece grows with neighbouring lines up to this length (chars). */
const GROW_TO = 450;
/** Longest heading (chars) used as a label. */
const MAX_LABEL_CHARS = 60;

function stems(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

/**
 * True when `b` adds next to nothing to `a`: at most one content word in five of `b` (and at
 * least one) is new.
 */
export function isDuplicate(a: string, b: string): boolean {
  const sa = stems(a);
  // What `b` says is its words; its vocabulary tokens only help match them ("SG" for "security group").
  const sb = new Set(analyzeText(b).terms);
  if (sa.size === 0 || sb.size === 0) return false;
  let novel = 0;
  for (const t of sb) if (!sa.has(t)) novel += 1;
  return novel <= Math.max(1, sb.size * 0.2);
}

/** True when `text` has at least two content words beyond the question's own (it says something). */
export function saysMore(text: string, asked: ReadonlySet<string>): boolean {
  let extra = 0;
  for (const t of stems(text)) if (!asked.has(t) && ++extra >= 2) return true;
  return false;
}

/** The label for a passage's text: its own heading, unless the text already names it. */
export function labelFor(passage: Passage, text: string): string | undefined {
  const heading = (passage.headingPath[passage.headingPath.length - 1] ?? passage.topic.at(-1) ?? '').trim();
  if (!heading || heading.length > MAX_LABEL_CHARS) return undefined;
  const inText = stems(text);
  const words = stems(heading);
  return words.size > 0 && [...words].every((w) => inText.has(w)) ? undefined : heading;
}

/** Chars a piece takes when posted (label, separator, bullet). */
export function pieceLength(p: Piece): number {
  return p.text.length + (p.label ? p.label.length + 2 : 0) + 2;
}

interface Draft {
  passage: Passage;
  lines: Map<number, PassageItem>;
}

function draftsOf(units: readonly Unit[]): Draft[] {
  const byPassage = new Map<Passage, Draft>();
  // The quoted parts (sentences, or the whole text) of each item.
  const parts = new Map<PassageItem, string[]>();
  for (const u of units) {
    const draft = byPassage.get(u.passage) ?? { passage: u.passage, lines: new Map() };
    byPassage.set(u.passage, draft);
    for (const a of u.ancestors) draft.lines.set(u.passage.items.indexOf(a), a);
    const item = u.passage.items[u.item] as PassageItem;
    const list = [...(parts.get(item) ?? []), u.text];
    parts.set(item, list);
    // Sentences of one item are quoted in the order the note has them, whatever their scores.
    const text = list.sort((a, b) => item.text.indexOf(a) - item.text.indexOf(b)).join(' ');
    draft.lines.set(u.item, { ...item, text });
  }
  return [...byPassage.values()];
}

function pieceOf(d: Draft): Piece {
  const items = [...d.lines.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  const text = flattenItems(items);
  return { passage: d.passage, text, label: labelFor(d.passage, text) };
}

const totalLength = (drafts: readonly Draft[]) => drafts.reduce((n, d) => n + pieceLength(pieceOf(d)), 0);

/**
 * Grows a piece with the lines around its chosen ones while `room` chars allow: terse notes
 * spread one answer over sibling bullets ("Features: parallel; error handling; human approval").
 * Nearest lines first; a line comes with its parent bullets.
 */
function grow(d: Draft, room: number): void {
  const items = d.passage.items;
  const chosen = [...d.lines.keys()];
  const order = items
    .map((_, i) => i)
    .filter((i) => !d.lines.has(i))
    .sort((a, b) => distance(a, chosen) - distance(b, chosen) || a - b);
  let length = pieceLength(pieceOf(d));
  for (const i of order) {
    const trial: Draft = { passage: d.passage, lines: new Map(d.lines) };
    trial.lines.set(i, items[i] as PassageItem);
    for (const a of ancestorsOf(items, i)) trial.lines.set(items.indexOf(a), a);
    const next = pieceLength(pieceOf(trial));
    if (next - length > room) continue;
    room -= next - length;
    length = next;
    d.lines = trial.lines;
  }
}

function distance(i: number, chosen: readonly number[]): number {
  return Math.min(...chosen.map((c) => (i > c ? i - c : (c - i) * 1.5)));
}

/**
 * Chooses up to {@link MAX_UNITS} units for an answer of at most `budget` chars: the best one
 * that says more than the question (`asked`: its own stems), then, while they score at least
 * {@link FOLLOW_UP_RATIO} of it, the units that add most (score plus the weight of question
 * concepts they newly cover), skipping duplicates and what does not fit. Pure.
 */
export function chooseUnits(
  ranked: readonly Unit[],
  concepts: readonly Concept[],
  asked: ReadonlySet<string>,
  budget: number,
): Unit[] {
  const best = ranked.find((u) => saysMore(u.text, asked));
  if (!best) return [];
  const total = totalWeight(concepts) || 1;
  const chosen: Unit[] = [best];
  const covered = new Set<string>(stems(`${best.text} ${best.ancestors.map((a) => a.text).join(' ')}`));
  const pool = ranked.filter((u) => u !== best && u.score >= best.score * FOLLOW_UP_RATIO);
  while (chosen.length < MAX_UNITS) {
    let pick: Unit | undefined;
    let pickScore = -1;
    for (const u of pool) {
      if (chosen.includes(u) || !saysMore(u.text, asked)) continue;
      if (chosen.some((c) => isDuplicate(c.text, u.text) || isDuplicate(u.text, c.text))) continue;
      const novel =
        coveredWeight(concepts, new Set([...covered, ...stems(u.text)])) - coveredWeight(concepts, covered);
      const s = u.score + (NOVELTY_WEIGHT * novel) / total;
      if (s > pickScore) {
        pick = u;
        pickScore = s;
      }
    }
    if (!pick) break;
    if (!fits([...chosen, pick], budget)) {
      pool.splice(pool.indexOf(pick), 1);
      continue;
    }
    chosen.push(pick);
    for (const t of stems(pick.text)) covered.add(t);
  }
  return chosen;
}

/** True when `units`, quoted bare, fit in `budget` chars. */
export function fits(units: readonly Unit[], budget: number): boolean {
  return totalLength(draftsOf(units)) <= budget;
}

/**
 * The pieces quoting `units` (one per passage, in the order of each passage's first unit), each
 * grown with neighbouring lines from what the units leave of `budget`, best piece first, each
 * to at most {@link GROW_TO} chars. Pure.
 */
export function piecesOf(units: readonly Unit[], budget: number): Piece[] {
  const drafts = draftsOf(withAntecedents(units, budget));
  let room = budget - totalLength(drafts);
  for (const d of drafts) {
    const before = totalLength([d]);
    grow(d, Math.min(room, Math.max(0, GROW_TO - before)));
    room -= totalLength([d]) - before;
  }
  return drafts.map(pieceOf);
}

/** A sentence that opens with a pronoun ("It is not available for Spot Instances.") refers to the one before it. */
const ANAPHOR = /^(It|Its|This|These|They|Their|That|Those)\b/;

/**
 * `units` with each pronoun-led sentence quoted after the sentence it refers to, when the answer
 * still fits `budget`: "This feature is available for On-Demand and Reserved Instances. It is not
 * available for Spot Instances." Chosen units are not changed otherwise.
 */
function withAntecedents(units: readonly Unit[], budget: number): Unit[] {
  const out = [...units];
  out.forEach((u, i) => {
    if (!ANAPHOR.test(u.text)) return;
    const all = sentences(u.passage.items[u.item]?.text ?? '');
    const at = all.indexOf(u.text);
    const before = at > 0 ? all[at - 1] : undefined;
    if (!before || out.some((o) => o.passage === u.passage && o.item === u.item && o.text === before)) return;
    const trial = [...out];
    trial[i] = { ...u, text: `${before} ${u.text}` };
    if (fits(trial, budget)) out[i] = trial[i] as Unit;
  });
  return out;
}

/** {@link chooseUnits} then {@link piecesOf}. */
export function selectPieces(
  ranked: readonly Unit[],
  concepts: readonly Concept[],
  asked: ReadonlySet<string>,
  budget: number,
): Piece[] {
  return piecesOf(chooseUnits(ranked, concepts, asked, budget), budget);
}
