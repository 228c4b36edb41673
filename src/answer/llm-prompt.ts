/**
 * The prompt for a model-phrased answer (pure): the question plus the top passages, each with a
 * numeric id the model cites as `[1]`. Passages come from the extractive answer first (it already
 * found each side of an "A vs B" question), then from the ranked search hits, at most
 * {@link MAX_PROMPT_PASSAGES}. The rules (answer only from the passages, cite ids, say when the
 * notes don't cover it, ≤ {@link MAX_ANSWER_WORDS} words) are in the system message.
 */

import { DISPLAY_SEPARATOR, formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';
import { PROMPT_HITS_PER_SLOT, TOP_K } from '../retrieval/passage-counts.ts';
import type { SearchIndex } from '../retrieval/search-index.ts';
import type { Answer, AnswerPiece } from './answer-types.ts';
import { composeAnswer } from './compose-answer.ts';
import { diversePassages } from './diverse-passages.ts';
import { parseComparison } from './parse-comparison.ts';

/** Passages sent per question: the bot's k (`TOP_K`, retrieval/passage-counts.ts). */
export const MAX_PROMPT_PASSAGES = TOP_K;
/** Longest answer the model is asked for (words): one Slack message read without scrolling. */
export const MAX_ANSWER_WORDS = 120;
/** Longest question sent (chars): a pasted essay is cut, the notes' passages are what matter. */
export const MAX_QUESTION_CHARS = 500;
/** What the model is told to say when the passages do not answer the question. */
export const NOT_COVERED_REPLY = "The notes don't cover this.";

/** A chat message as the chat-completions endpoint takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A passage as numbered in the prompt: the model cites it as `[id]`. */
export interface PromptPassage {
  id: number;
  passage: Passage;
}

/** The system message: the rules the answer must follow. */
export const SYSTEM_PROMPT = [
  'You answer study questions for the AWS Certified Solutions Architect – Associate exam in a Slack channel.',
  'Use only the numbered note passages in the user message; never add facts from elsewhere.',
  'Cite the passage ids for every fact, in square brackets right after it, like [1] or [2][3]. Cite only ids that appear in the passages.',
  `If the passages do not answer the question, reply exactly: ${NOT_COVERED_REPLY}`,
  `Keep it under ${MAX_ANSWER_WORDS} words: the fact asked for first, in plain sentences or at most four "• " bullets. No headings, no links, no preamble.`,
].join('\n');

function samePlace(p: Passage, file: string, line: number): boolean {
  return p.file === file && p.line === line;
}

/**
 * The passage a piece quotes. A long line cut into chunks gives several passages one file and line
 * (see `passage-builder.ts`): the one that holds most of the piece's words is it.
 */
function quotedPassage(index: SearchIndex, piece: AnswerPiece): Passage | undefined {
  const { file, line } = piece.source;
  const words = piece.text.split(/\s+/);
  const held = (p: Passage) => {
    const own = new Set(p.text.split(/\s+/));
    return words.filter((w) => own.has(w)).length;
  };
  let best: Passage | undefined;
  for (const p of index.passages) {
    if (samePlace(p, file, line) && (!best || held(p) > held(best))) best = p;
  }
  return best;
}

/**
 * The passages to send for `question`, numbered from 1: those the extractive answer quoted, the
 * best search hit, for an "A vs B" question each side's best passage searched alone, then search hits
 * by maximal marginal relevance (see `diverse-passages.ts`), without repeats, at most `max`.
 */
export function selectPassages(
  question: string,
  index: SearchIndex,
  extractive: Answer,
  max = MAX_PROMPT_PASSAGES,
  dense?: readonly number[] | null,
): PromptPassage[] {
  const chosen: Passage[] = [];
  const add = (p: Passage | undefined) => {
    if (p && chosen.length < max && !chosen.includes(p)) chosen.push(p);
  };
  for (const piece of extractive.pieces ?? []) add(quotedPassage(index, piece));
  // Sources beyond the pieces (an answer given without them); a place already sent is not sent twice.
  for (const s of extractive.sources) {
    if (!chosen.some((p) => samePlace(p, s.file, s.line)))
      add(index.passages.find((p) => samePlace(p, s.file, s.line)));
  }
  const q = { ...index.analyze(question), dense: dense ?? undefined };
  const hits = index.searchAnalyzed(q, max * PROMPT_HITS_PER_SLOT);
  // The best search hit always gets a slot, even when the quoted lines come from elsewhere.
  add(hits[0]?.passage);
  // A comparison's model needs each side said on its own, not only the lines naming both.
  for (const side of parseComparison(question.trim())?.sides ?? []) add(index.search(side, 1)[0]?.passage);
  // The rest by maximal marginal relevance: a passage that repeats one already chosen waits.
  const passages = diversePassages(chosen, hits, max);
  return passages.map((passage, i) => ({ id: i + 1, passage }));
}

/**
 * The passages a model would be given for `question`, numbered from 1 (see {@link selectPassages}):
 * what `saa ask --passages` prints and what recall@5 is measured on.
 */
export function topPassages(
  question: string,
  index: SearchIndex,
  max = MAX_PROMPT_PASSAGES,
  dense?: readonly number[] | null,
): PromptPassage[] {
  const extractive = composeAnswer(question, index, { dense });
  return extractive.found ? selectPassages(question, index, extractive, max, dense) : [];
}

/** One passage as the model reads it: `[id] file › heading path` then its text. */
export function formatPassage({ id, passage }: PromptPassage): string {
  const where = formatHeadingPath([passage.file, ...passage.headingPath], DISPLAY_SEPARATOR);
  return `[${id}] ${where}\n${passage.text}`;
}

/** The messages for one question. Pure. */
export function buildPrompt(question: string, passages: readonly PromptPassage[]): ChatMessage[] {
  const q = question.trim().replace(/\s+/g, ' ').slice(0, MAX_QUESTION_CHARS);
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    {
      role: 'user',
      content: `Question: ${q}\n\nPassages:\n\n${passages.map(formatPassage).join('\n\n')}`,
    },
  ];
}
