/**
 * Passage → the part worth quoting for this question. A short passage is quoted whole; a long
 * one is cut down to its best-matching items (bullets, rows, lines), each kept with its parent
 * bullets for context, in note order. This is what puts "the fact asked for first".
 */

import { flattenItems } from '../knowledge/build-passages.ts';
import type { Passage, PassageItem } from '../knowledge/note-types.ts';
import { analyzeText } from '../retrieval/analyze-text.ts';

/** Passages up to this length (chars) are quoted whole. */
export const WHOLE_PASSAGE_CHARS = 200;
const MAX_ITEMS = 3;

/** A quotable piece of one passage, with how well it matches the question. */
export interface Snippet {
  passage: Passage;
  text: string;
  /** Sum of the question-term weights found in the quoted items (0 when only headings matched). */
  itemScore: number;
}

/** Sum of `weights` over the distinct terms and synonyms of `text`. */
export function weightOf(text: string, weights: ReadonlyMap<string, number>): number {
  const a = analyzeText(text);
  let score = 0;
  for (const t of new Set([...a.terms, ...a.synonyms])) score += weights.get(t) ?? 0;
  return score;
}

function withAncestors(items: readonly PassageItem[], chosen: number[]): PassageItem[] {
  const keep = new Set<number>();
  for (const i of chosen) {
    keep.add(i);
    let depth = items[i]?.depth ?? 0;
    for (let j = i - 1; j >= 0 && depth > 0; j -= 1) {
      const d = items[j]?.depth ?? 0;
      if (d < depth) {
        keep.add(j);
        depth = d;
      }
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => items[i] as PassageItem);
}

/** Adds the direct children of chosen items while the quote stays short: children explain their parent. */
function withShortChildren(items: readonly PassageItem[], chosen: number[]): number[] {
  const out = new Set(chosen);
  let length = chosen.reduce((n, i) => n + (items[i]?.text.length ?? 0), 0);
  for (const i of chosen) {
    const depth = items[i]?.depth ?? 0;
    for (let j = i + 1; j < items.length && (items[j]?.depth ?? 0) > depth; j += 1) {
      const item = items[j] as PassageItem;
      if (item.depth !== depth + 1 || out.has(j)) continue;
      if (length + item.text.length > WHOLE_PASSAGE_CHARS) break;
      out.add(j);
      length += item.text.length;
    }
  }
  return [...out];
}

/**
 * Cuts `passage` down to what matches `weights` (term → weight). `following` is the next passage
 * under the same heading: when the best line ends `passage`, its first line may be appended. Pure.
 */
export function extractSnippet(
  passage: Passage,
  weights: ReadonlyMap<string, number>,
  following?: Passage,
): Snippet {
  const whole = weightOf(passage.text, weights);
  if (passage.text.length <= WHOLE_PASSAGE_CHARS || passage.items.length === 1) {
    return { passage, text: passage.text, itemScore: whole };
  }
  const scores = passage.items.map((item) => weightOf(item.text, weights));
  const best = Math.max(...scores);
  const heading = weightOf(passage.headingPath[passage.headingPath.length - 1] ?? '', weights);
  // When the heading answers better than any line ("endpoint types"), quote the list's outline.
  if (best <= 0 || heading > best) {
    const outline = passage.items.some((i) => i.depth === 0 && i !== passage.items[0]);
    const lead: PassageItem[] = [];
    for (const item of passage.items) {
      if (outline && item.depth > 1) continue;
      if (lead.length && flattenItems([...lead, item]).length > WHOLE_PASSAGE_CHARS) {
        if (outline && item.depth === 1) continue;
        break;
      }
      lead.push(item);
    }
    return {
      passage,
      text: flattenItems(lead),
      itemScore: weightOf(lead.map((i) => i.text).join(' '), weights),
    };
  }
  const ranked = scores
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s >= best * 0.6)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, MAX_ITEMS)
    .map(({ i }) => i);
  const top = ranked[0] ?? 0;
  // The line after the best one often finishes its thought ("… then retry with back-off").
  const next = passage.items[top + 1];
  if (next && next.depth === passage.items[top]?.depth && next.text.length <= 120) ranked.push(top + 1);
  const items = withAncestors(passage.items, withShortChildren(passage.items, ranked));
  const tail = following?.items[0];
  // Only a real sentence finishes a thought; a short label ("Stream Processing") starts a new one.
  const sentence = (tail?.text.split(/\s+/).length ?? 0) >= 4;
  if (top === passage.items.length - 1 && tail && sentence && tail.depth === 0 && tail.text.length <= 120) {
    items.push(tail);
  }
  return {
    passage,
    text: flattenItems(items),
    itemScore: weightOf(items.map((i) => i.text).join(' '), weights),
  };
}
