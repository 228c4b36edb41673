/**
 * Ranked passages → ranked quotable units. A unit is one item of a passage (a bullet, a table row,
 * a paragraph line), or one sentence of a long item, read with its context: its parent bullets,
 * the passage's headings and the file's topic. Units are scored on how much of the question they
 * cover (IDF-weighted, the unit's own words counting more than its context), on the passage's
 * retrieval rank, and on whether they hold the kind of answer asked for (see `question-intent.ts`).
 */

import type { Passage, PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';
import { type Concept, coverage } from '../retrieval/query-concepts.ts';
import { intentFit, type QuestionIntent } from '../retrieval/question-intent.ts';
import type { Hit } from '../retrieval/search-index.ts';

/** One quotable unit. `item` indexes `passage.items`; `ancestors` are items above it (outermost first). */
export interface Unit {
  passage: Passage;
  item: number;
  text: string;
  ancestors: PassageItem[];
  /** 0-based rank of the passage among the hits. */
  rank: number;
  score: number;
  /**
   * Share (0..1) of the question's weight in the unit's own text, or with its own heading at
   * {@link OWN_HEADING_SHARE}, whichever is more.
   */
  own: number;
  /** Share (0..1) of the question's weight in the unit with its context. */
  withContext: number;
}

/** Items longer than this (chars) are scored per sentence. */
export const SENTENCE_SPLIT_CHARS = 260;

/**
 * Score weights: coverage of the question by the unit with its context (parent bullets, headings,
 * file topic), by the unit's own words, the passage's retrieval rank, and intent fit. Set by
 * measuring both evaluation corpora (see bench/eval.ts), not one.
 */
const WEIGHTS = { withContext: 0.3, own: 0.5, retrieval: 0.35, intent: 0.15 };

/**
 * A line under a heading that names what is asked ("Integration" > "invoke lambda; HTTP; any AWS
 * service") says it with its heading: its own words count as the line and that heading together,
 * at this share. Measured on every eval corpus: 0.15–0.7 lowers none, 0.25–0.4 raises both
 * (saa-c02 hit 85.6 → 86.4 %, shared-notes 86.8 → 87.6 %).
 */
export const OWN_HEADING_SHARE = 0.35;

/** The index tokens of `text`: its stemmed terms and vocabulary synonym tokens. */
export function tokensOf(text: string): Set<string> {
  const a = analyzeText(text);
  return new Set([...a.terms, ...a.synonyms]);
}

/** The items above `items[i]` in its bullet tree, outermost first. */
export function ancestorsOf(items: readonly PassageItem[], i: number): PassageItem[] {
  const out: PassageItem[] = [];
  let depth = items[i]?.depth ?? 0;
  for (let j = i - 1; j >= 0 && depth > 0; j -= 1) {
    const item = items[j] as PassageItem;
    if (item.depth < depth) {
      out.unshift(item);
      depth = item.depth;
    }
  }
  return out;
}

/** The sentences of an item's text: split after `.`, `!` or `?` before a capital, digit, quote or bracket. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/).filter((s) => s.trim());
}

/** What a passage says about itself beyond its lines: its last two headings and its file's topic. */
export function passageContext(p: Passage): string {
  return [...p.headingPath.slice(-2), ...p.topic.slice(-2)].join(' ');
}

/** Every unit of the hit passages, scored for the question's `concepts`, best first. Pure. */
export function rankUnits(
  hits: readonly Hit[],
  concepts: readonly Concept[],
  intent: QuestionIntent,
): Unit[] {
  const units: Unit[] = [];
  hits.forEach((hit, rank) => {
    const p = hit.passage;
    const context = passageContext(p);
    const headingTokens = tokensOf(p.headingPath.at(-1) ?? '');
    const retrieval = 1 / (1 + rank * 0.25);
    p.items.forEach((item, i) => {
      const ancestors = ancestorsOf(p.items, i);
      const around = `${ancestors.map((a) => a.text).join(' ')} ${context}`;
      const pieces = item.text.length > SENTENCE_SPLIT_CHARS ? sentences(item.text) : [item.text];
      // A table row is about its row label and values; the column labels repeat on every row.
      const ownText = item.cells
        ? `${item.text.split(':')[0]} ${item.cells.map(([, v]) => v).join(' ')}`
        : null;
      const labels = item.cells ? item.cells.map(([l]) => l).join(' ') : '';
      for (const text of pieces) {
        const ownTokens = tokensOf(ownText ?? text);
        const headed = coverage(concepts, new Set([...ownTokens, ...headingTokens]));
        const own = Math.max(coverage(concepts, ownTokens), OWN_HEADING_SHARE * headed);
        const withContext = coverage(concepts, tokensOf(`${text} ${around} ${labels}`));
        const score =
          WEIGHTS.withContext * withContext +
          WEIGHTS.own * own +
          WEIGHTS.retrieval * retrieval +
          WEIGHTS.intent * intentFit(intent, text);
        units.push({ passage: p, item: i, text, ancestors, rank, score, own, withContext });
      }
    });
  });
  return units.sort((a, b) => b.score - a.score || a.rank - b.rank || a.item - b.item);
}
