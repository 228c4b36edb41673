/**
 * "Share in channel" button: reposts the answer the person saw, for everyone, named by display
 * name (no mention, so nobody is pinged).
 */

import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { decodeShare, sharedAnswerBlocks } from '../../views/answer-blocks.ts';

/** Handles a share click. */
export async function shareAnswer({
  ack,
  action,
  body,
  respond,
  logger,
}: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> {
  await ack();
  const share = decodeShare(action.value);
  if (!share) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'That answer can no longer be shared; ask again.',
    });
    return;
  }
  const name = body.user.name ?? body.user.username ?? 'Someone';
  try {
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: escapeMrkdwn(share.t),
      blocks: sharedAnswerBlocks(share, name),
    });
  } catch (err) {
    logger.error('share failed', { user: body.user.id, err });
  }
}
