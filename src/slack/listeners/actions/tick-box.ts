/**
 * A ticked (or unticked) box of a multiple-response question: only acked. Slack sends a
 * block_actions for every tick; the question's Submit button reads the ticks from the message's
 * `state.values` (button-value.ts `tickedChoice`), so there is nothing to do until then.
 */

import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';

/** Builds the checkbox handler. */
export function tickBox() {
  return async ({ ack }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
  };
}
