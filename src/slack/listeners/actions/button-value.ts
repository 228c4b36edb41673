/**
 * What a click tells beyond its button's value: the option letters ticked in a message's
 * checkboxes, the workspace it came from, and for an answer click the option chosen. The values
 * themselves are encoded and decoded in `views/button-payloads.ts` (quiz, review, report, quiz
 * me, delete my data) and `views/answer-value.ts` (share, 👍/👎). Option keys are A–E
 * (knowledge/QUESTIONS-FORMAT.md).
 */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

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

/** The workspace a click came from (`team.id`, or the user's `team_id` in shared channels); '' when absent. */
export function clickTeamId(body: { team?: { id?: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** What Bolt hands a button's block_actions listener: `ack`, `action`, `body`, `respond`, `logger`, … */
export type ButtonClickArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** How one kind of answer click is read: its Submit and checkbox action ids and its two payload decoders. */
export interface AnswerButtons<S, O extends { choice?: string }> {
  submitAction: string;
  pickAction: string;
  decodeSubmit: (value: string | undefined) => S | null;
  decodeOption: (value: string | undefined) => O | null;
}

/**
 * An answer click (daily quiz, practice, review) read as the button's decoded value and the
 * option letters chosen: a Submit button's choice is the ticked checkboxes (see
 * {@link tickedChoice}), an option button's is the letter it carries; '' when none. `value` is
 * null when the payload is none our buttons carry.
 */
export function clickedAnswer<S, O extends { choice?: string }>(
  action: { action_id: string; value?: string },
  state: Parameters<typeof tickedChoice>[0],
  buttons: AnswerButtons<S, O>,
): { value: S | O | null; choice: string } {
  if (action.action_id === buttons.submitAction) {
    return { value: buttons.decodeSubmit(action.value), choice: tickedChoice(state, buttons.pickAction) };
  }
  const value = buttons.decodeOption(action.value);
  return { value, choice: value?.choice ?? '' };
}
