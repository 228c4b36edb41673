/**
 * Block Kit for answer feedback (pure): 👍/👎 as Slack's `feedback_buttons` element in a
 * `context_actions` block under an answer, and the 👎 reason form. Each button's value carries the
 * answer it rates (question, text, sources, mode) within the 2,000-char value limit
 * (https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element), since an
 * ephemeral answer is not sent back with the click.
 */

import type { ContextActionsBlock, View } from '@slack/types';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT_CHARS } from '../../feedback/ports.ts';
import { type CarriedAnswer, encodeRating } from './answer-value.ts';
import { noticeView, reasonModal } from './reason-modal.ts';

/** action_id of the 👍/👎 element. */
export const FEEDBACK_ACTION = 'answer_feedback';
/** callback_id of the 👎 reason form. */
export const FEEDBACK_VIEW = 'answer_feedback_reason';
/** block_id and action_id of the form's reason choice and comment. */
export const FEEDBACK_REASON_BLOCK = 'feedback_reason';
export const FEEDBACK_COMMENT_BLOCK = 'feedback_comment';

/** The 👍/👎 block for an answer. */
export function feedbackBlock(answer: CarriedAnswer): ContextActionsBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION,
        positive_button: {
          text: { type: 'plain_text', text: '👍' },
          accessibility_label: 'This answer helped',
          value: encodeRating(answer, 'up'),
        },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          accessibility_label: 'This answer did not help',
          value: encodeRating(answer, 'down'),
        },
      },
    ],
  };
}

/** The form asking why an answer got 👎; `answerKey` goes back in private_metadata. */
export function feedbackReasonModal(answerKey: string, question: string): View {
  return reasonModal({
    callbackId: FEEDBACK_VIEW,
    metadata: { k: answerKey },
    title: 'What was wrong?',
    submit: 'Send',
    close: 'Skip',
    context: `Your 👎 is recorded. ${question}`,
    label: 'The answer…',
    reasons: FEEDBACK_REASONS,
    reasonBlock: FEEDBACK_REASON_BLOCK,
    commentBlock: FEEDBACK_COMMENT_BLOCK,
    commentMax: MAX_FEEDBACK_COMMENT_CHARS,
  });
}

/** The form after a reason was sent. */
export function feedbackThanksView(): View {
  return noticeView('Thanks', 'Thanks: noted. Feedback is read with `saa feedback`.');
}
