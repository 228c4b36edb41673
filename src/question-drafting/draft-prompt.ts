/**
 * The prompt that asks a chat model for one multiple-choice question from one notes passage
 * (pure), and the parser of its reply. The reply must be one JSON object in the bank's own field
 * names (knowledge/QUESTIONS-FORMAT.md); anything else is dropped with the reason.
 */

import type { ChatMessage } from '../answer/llm-prompt.ts';
import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Passage } from '../knowledge/note-types.ts';

/** The system message: what a good draft is, and the JSON shape. */
export const DRAFT_SYSTEM_PROMPT = [
  'You write practice questions for the AWS Certified Solutions Architect – Associate exam from a study-notes passage.',
  'Write ONE multiple-choice question with four options (A–D) and exactly one right option.',
  'The right option must rest on a fact stated in the passage. The three wrong options must be plausible but NOT stated or implied by the passage.',
  'Prefer a short scenario ("A company needs …") over recall of wording. Never give the answer away in the question.',
  'key_facts: 1–2 short phrases copied exactly, word for word, from the passage, that make the right option right.',
  'Reply with one JSON object only, no prose, no code fence:',
  '{"question": "…", "options": {"A": "…", "B": "…", "C": "…", "D": "…"}, "answer": "B", "explanation": "…", "why_wrong": {"A": "…", "C": "…", "D": "…"}, "key_facts": ["…"], "difficulty": "easy|medium|hard"}',
].join('\n');

/** Messages asking for a draft from `passage` (its heading path gives context). */
export function draftMessages(passage: Passage): ChatMessage[] {
  const text = passage.items.map((i) => `${'  '.repeat(i.depth)}- ${i.text}`).join('\n');
  return [
    { role: 'system', content: DRAFT_SYSTEM_PROMPT },
    {
      role: 'user',
      content: `Notes section: ${formatHeadingPath(passage.headingPath)}\n\nPassage:\n${text}`,
    },
  ];
}

/** The fields a model draft gives; the rest (id, source, tags) is ours. */
const MODEL_FIELDS = ['question', 'options', 'answer', 'explanation', 'why_wrong', 'key_facts', 'difficulty'];

/**
 * The JSON object in a model reply (a code fence around it is tolerated), restricted to the
 * draft fields. Resolves to the reason when there is none.
 */
export function parseDraftReply(
  reply: string,
): { ok: true; fields: Record<string, unknown> } | { ok: false; reason: string } {
  const body = reply.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, reason: 'the reply holds no JSON object' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(start, end + 1));
  } catch (err) {
    return { ok: false, reason: `the reply is not valid JSON (${(err as Error).message.slice(0, 80)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, reason: 'the reply is not a JSON object' };
  const fields = Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).filter(([k]) => MODEL_FIELDS.includes(k)),
  );
  fields.difficulty = ['easy', 'medium', 'hard'].includes(String(fields.difficulty))
    ? fields.difficulty
    : 'medium';
  return { ok: true, fields };
}
