/**
 * The model's reply → answer text and sources (pure), or why it cannot be used.
 * In: the raw reply and the passages the prompt numbered. Out: plain text (Markdown emphasis
 * marks dropped, `-` bullets → `•`; adapters escape it for their surface), clipped to about
 * {@link MAX_ANSWER_WORDS} words, with citations of ids that were not given removed and the
 * remaining ones renumbered to the order of the sources shown (cited passages' file and heading,
 * one per heading). A reply left with no valid citation is refused: the caller falls back to the
 * extractive answer. Reasoning models' `<think>…</think>` blocks are dropped.
 */

import type { Source } from './answer-types.ts';
import { sourceOf } from './compose-answer.ts';
import { MAX_ANSWER_WORDS, NOT_COVERED_REPLY, type PromptPassage } from './llm-prompt.ts';

/** A reply is clipped only past this share above {@link MAX_ANSWER_WORDS}: a few words over is fine. */
const WORD_TOLERANCE = 1.25;
/** Longest text kept (chars), under Slack's 3,000-char section limit. */
const MAX_TEXT_CHARS = 2800;

/** What a reply yields: a usable answer, or the reason it is not used. `dropped` lists invalid ids cited. */
export type ReadReply =
  | { ok: true; text: string; sources: Source[]; dropped: number[] }
  | { ok: false; reason: string; dropped: number[] };

/** One citation group: `[1]`, `[1, 2]`, `[1;2]`. */
const CITATION = /\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/g;
const ONLY_CITATIONS = /^(?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+[.,;:!?)]*$/;
const SENTENCE_END = /[.!?]["')\]]*$|[.!?](?:\[[\d,;\s]+\])+$/;

/** Removes reasoning blocks some local models emit before the answer. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '').trim();
}

/**
 * Cuts `text` to about `max` words (citations not counted), at the last sentence end in the
 * second half when there is one, else after the max-th word with "…". Text within
 * {@link WORD_TOLERANCE} of `max` is returned as is.
 */
export function clipWords(text: string, max = MAX_ANSWER_WORDS): string {
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({
    word: m[0],
    end: (m.index ?? 0) + m[0].length,
    counts: !ONLY_CITATIONS.test(m[0]),
  }));
  if (tokens.filter((t) => t.counts).length <= max * WORD_TOLERANCE) return text;
  let words = 0;
  let hard = -1;
  let sentence = -1;
  for (const [i, t] of tokens.entries()) {
    if (t.counts) words += 1;
    if (words > max) break;
    hard = i;
    if (words >= max / 2 && SENTENCE_END.test(t.word)) sentence = i;
  }
  let cut = sentence >= 0 ? sentence : hard;
  // A sentence's citations may follow it ("… 15 minutes. [1]").
  while (sentence >= 0 && tokens[cut + 1] && !tokens[cut + 1]?.counts) cut += 1;
  const kept = text.slice(0, tokens[cut]?.end ?? 0);
  return sentence >= 0 ? kept : `${kept.replace(/[\s,;:–-]+$/, '')}…`;
}

/** Model Markdown → plain text: emphasis marks dropped, list bullets as "• ", no runs of blank lines. */
function toPlainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^[ \t]*[-*][ \t]+/gm, '• ')
    .replace(/\n{3,}/g, '\n\n');
}

/** Reads the model's reply against the passages it was given. Pure; never throws. */
export function readReply(raw: string, given: readonly PromptPassage[]): ReadReply {
  const body = stripThinking(raw);
  if (!body) return { ok: false, reason: 'the model returned an empty reply', dropped: [] };
  const text = clipWords(toPlainText(body));
  const byId = new Map(given.map((g) => [g.id, g.passage]));
  const sources: Source[] = [];
  const sourceIndex = new Map<string, number>();
  const dropped: number[] = [];
  const numberOf = (id: number): number | undefined => {
    const passage = byId.get(id);
    if (!passage) {
      if (!dropped.includes(id)) dropped.push(id);
      return undefined;
    }
    const source = sourceOf(passage);
    const key = `${source.file}#${source.heading}`;
    if (!sourceIndex.has(key)) {
      sources.push(source);
      sourceIndex.set(key, sources.length);
    }
    return sourceIndex.get(key);
  };
  const renumbered = text
    .replace(CITATION, (_all, ids: string) => {
      const numbers = ids
        .split(/[,;]/)
        .map((s) => numberOf(Number(s.trim())))
        .filter((n): n is number => n !== undefined);
      return [...new Set(numbers)].map((n) => `[${n}]`).join('');
    })
    .replace(/(\[\d+\])(?:\1)+/g, '$1')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
    .slice(0, MAX_TEXT_CHARS);
  if (sources.length === 0) {
    const notCovered = body.toLowerCase().includes(NOT_COVERED_REPLY.toLowerCase().replace(/\.$/, ''));
    const reason = notCovered
      ? 'the model says the notes do not cover it'
      : dropped.length
        ? `the model cited only passages it was not given (${dropped.map((d) => `[${d}]`).join(', ')})`
        : 'the model cited no passage';
    return { ok: false, reason, dropped };
  }
  return { ok: true, text: renumbered, sources, dropped };
}
