/**
 * Block Kit for "Report a problem" (pure): the button under every quiz reply and the modal it
 * opens (reason as radio buttons, optional comment). Limits from Slack's reference: modal title
 * ≤ 24 chars, plain_text_input max_length ≤ 3000, private_metadata ≤ 3000 chars
 * (https://api.slack.com/reference/surfaces/views).
 */

import type { ActionsBlock, KnownBlock, View } from '@slack/types';
import { MAX_REPORT_COMMENT_CHARS, REPORT_REASONS } from '../../question-review/ports.ts';
import { encodeReport } from './button-payloads.ts';
import { noticeView, reasonModal } from './reason-modal.ts';

/** action_id of the "Report a problem" button; value: `encodeReport` (button-payloads.ts). */
export const REPORT_ACTION = 'report_question';
/** callback_id of the report modal; private_metadata is `{"id":"<question id>"}`. */
export const REPORT_VIEW = 'report_question_view';
/** block_id / action_id of the modal's inputs. */
export const REPORT_REASON_BLOCK = 'reason';
export const REPORT_COMMENT_BLOCK = 'comment';

/** The actions block with the "Report a problem" button for `questionId`. */
export function reportButtonBlock(questionId: string): ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: REPORT_ACTION,
        text: { type: 'plain_text', text: 'Report a problem' },
        value: encodeReport({ questionId }),
      },
    ],
  };
}

/** A quiz reply (Slack mrkdwn) as a section with the report button under it. */
export function withReportButton(text: string, questionId: string): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
    reportButtonBlock(questionId),
  ];
}

/** The report modal for `questionId` (`question` is shown, clipped, so the reporter sees what they report). */
export function reportModal(questionId: string, question: string): View {
  return reasonModal({
    callbackId: REPORT_VIEW,
    metadata: { id: questionId },
    title: 'Report a problem',
    submit: 'Report',
    close: 'Cancel',
    context: question || questionId,
    label: 'What is wrong?',
    reasons: REPORT_REASONS,
    reasonBlock: REPORT_REASON_BLOCK,
    commentBlock: REPORT_COMMENT_BLOCK,
    commentMax: MAX_REPORT_COMMENT_CHARS,
  });
}

/** The modal after a report: thanks, and whether the question left the rotation. */
export function reportThanksView(suspended: boolean): View {
  return noticeView(
    'Thanks',
    suspended
      ? 'Thanks: reported. Two people have now reported this question, so it is out of the quiz here until someone reviews it.'
      : 'Thanks: reported. It is reviewed with `saa questions reported`.',
  );
}
