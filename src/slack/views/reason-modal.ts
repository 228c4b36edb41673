/**
 * A "what was wrong?" modal (pure): a context line, a required choice of reasons as radio
 * buttons, an optional comment, and one small JSON object carried in `private_metadata`. The
 * report form (report-blocks.ts) and the 👎 form (feedback-blocks.ts) are both this modal.
 * Limits from Slack's reference: title ≤ 24 chars, private_metadata ≤ 3,000 chars, a context
 * element ≤ 2,000 (https://api.slack.com/reference/surfaces/views).
 */

import type { View } from '@slack/types';

/** What one reason modal says and carries. */
export interface ReasonModal {
  callbackId: string;
  /** Returned with the submission (JSON, well under 3,000 chars). */
  metadata: Record<string, string>;
  title: string;
  submit: string;
  close: string;
  /** Shown on top, clipped to 300 chars. */
  context: string;
  /** Label of the reasons' radio buttons. */
  label: string;
  reasons: ReadonlyArray<{ reason: string; label: string }>;
  /** block_id and action_id of the reasons and of the comment. */
  reasonBlock: string;
  commentBlock: string;
  /** Longest comment (chars). */
  commentMax: number;
}

/** The modal view. */
export function reasonModal(m: ReasonModal): View {
  return {
    type: 'modal',
    callback_id: m.callbackId,
    private_metadata: JSON.stringify(m.metadata),
    title: { type: 'plain_text', text: m.title },
    submit: { type: 'plain_text', text: m.submit },
    close: { type: 'plain_text', text: m.close },
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: m.context.slice(0, 300) }] },
      {
        type: 'input',
        block_id: m.reasonBlock,
        label: { type: 'plain_text', text: m.label },
        element: {
          type: 'radio_buttons',
          action_id: m.reasonBlock,
          options: m.reasons.map((r) => ({ text: { type: 'plain_text', text: r.label }, value: r.reason })),
        },
      },
      {
        type: 'input',
        block_id: m.commentBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Details (optional)' },
        element: {
          type: 'plain_text_input',
          action_id: m.commentBlock,
          multiline: true,
          max_length: m.commentMax,
        },
      },
    ],
  };
}

/** A modal that only says `text` (the thanks after a submission). */
export function noticeView(title: string, text: string): View {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
