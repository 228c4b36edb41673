/**
 * Block Kit for `/saa forget me` (pure): what will be deleted, and a danger button behind Slack's
 * confirmation dialog (https://api.slack.com/reference/block-kit/composition-objects#confirm).
 */

import type { KnownBlock } from '@slack/types';
import { encodeForget } from './button-payloads.ts';

/** action_id of the "Delete my data" button; its value names the asker (`encodeForget`). */
export const FORGET_ACTION = 'forget_me';

/** What the person is told before deleting. */
export const FORGET_TEXT =
  'This deletes everything the bot keeps about you in this workspace: your daily-quiz answers and points (you leave the leaderboards), practice answers, study cards and their review history, reminders, exam date, 👍/👎 feedback, question reports and your cached name. It cannot be undone.';

/** The confirmation message for `userId`. */
export function forgetBlocks(userId: string): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: FORGET_TEXT } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: FORGET_ACTION,
          style: 'danger',
          text: { type: 'plain_text', text: 'Delete my data' },
          value: encodeForget({ userId }),
          confirm: {
            title: { type: 'plain_text', text: 'Delete your data?' },
            text: {
              type: 'plain_text',
              text: 'Your answers, points, cards and settings here are deleted for good.',
            },
            confirm: { type: 'plain_text', text: 'Delete' },
            deny: { type: 'plain_text', text: 'Keep' },
            style: 'danger',
          },
        },
      ],
    },
  ];
}
