/**
 * The JSON our buttons carry in `value`, parsed with a schema per button. Slack delivers a value
 * exactly as our views set it, but anyone holding the signing secret can forge a payload (issue 9,
 * item 10), so nothing is coerced: `{"q":true}` is not quiz 1 and `{"q":"7"}` is not quiz 7.
 * Limits: Slack's button value is at most 2,000 characters
 * (https://api.slack.com/reference/block-kit/block-elements#button); option keys are A–E
 * (knowledge/QUESTIONS-FORMAT.md).
 */

import { z } from 'zod';

/** Longest button value Slack sends (chars); a longer one is not ours. */
export const MAX_BUTTON_VALUE_CHARS = 2000;

const optionKey = z.string().regex(/^[A-E]$/);

/** Daily-quiz button (`quiz-blocks.ts`): quiz id (a `quiz_posts.id`, positive safe integer) and option. */
export const dailyButtonValue = z.object({
  q: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  c: optionKey,
});

/**
 * Practice button: question id (the bank's ids are short slugs), option, and, when known, the
 * person's card's answer count when the question was shown (`r`; practice-quiz.ts `cardReps`).
 */
export const practiceButtonValue = z.object({
  id: z.string().min(1).max(200),
  c: optionKey,
  r: z.number().int().min(0).max(1_000_000).optional(),
});

/** `/saa review` button: question id, option, and the card's answer count when it was shown (0: new). */
export const reviewButtonValue = practiceButtonValue.omit({ r: true }).extend({
  r: z.number().int().min(0).max(1_000_000),
});
/** Submit of a multiple-response review question: question id and answer count. */
export const reviewSubmitValue = reviewButtonValue.pick({ id: true, r: true });
/** Easy under a right review answer: question id and the card's answer count after the answer. */
export const reviewEasyValue = reviewButtonValue.pick({ id: true, r: true });

/** Submit of a daily multiple-response question: the quiz id; the options come from the ticked boxes. */
export const dailySubmitValue = dailyButtonValue.pick({ q: true });
/** Submit of a practice multiple-response question: the question id. */
export const practiceSubmitValue = practiceButtonValue.pick({ id: true, r: true });

/**
 * The option letters ticked in the message's checkboxes `pickActionId`, from a block_actions
 * payload's `state.values` (block id → action id → state), comma-joined in letter order ("A,D");
 * '' when none or no such checkboxes. Letters outside A–E are dropped.
 */
export function tickedChoice(
  state:
    | { values: Record<string, Record<string, { selected_options?: Array<{ value?: string }> }>> }
    | undefined,
  pickActionId: string,
): string {
  const letters = new Set<string>();
  for (const block of Object.values(state?.values ?? {})) {
    for (const o of block[pickActionId]?.selected_options ?? []) {
      if (o.value && /^[A-E]$/.test(o.value)) letters.add(o.value);
    }
  }
  return [...letters].sort().join(',');
}

/** "Quiz me on this" (`answer-blocks.ts` encodeQuizMe): top source file and heading, each ≤ 500 chars. */
export const quizMeButtonValue = z.object({ f: z.string().max(500), h: z.string().max(500) });

/**
 * "Share in channel" (`answer-blocks.ts` encodeShare): question ≤ 300 chars, answer text (Slack
 * mrkdwn, ≤ 3,000 as a section allows), sources, and `m: 'llm'` for numbered sources.
 */
export const shareButtonValue = z.object({
  q: z.string().max(300),
  t: z.string().max(3000),
  s: z.array(z.object({ file: z.string().max(500), heading: z.string().max(1000), line: z.number().int() })),
  m: z.literal('llm').optional(),
});

/**
 * Parses `value` as JSON and checks it against `schema`.
 * @returns the typed value, or null when it is missing, too long, not JSON or not of that shape.
 */
export function parseButtonValue<T>(schema: z.ZodType<T>, value: string | undefined): T | null {
  if (value === undefined || value.length > MAX_BUTTON_VALUE_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The workspace a click came from (`team.id`, or the user's `team_id` in shared channels); '' when absent. */
export function clickTeamId(body: { team?: { id?: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}
