/** Registers block_actions handlers. */

import type { App, BlockButtonAction } from '@slack/bolt';
import { SHARE_ACTION } from '../../views/answer-blocks.ts';
import { shareAnswer } from './share-answer.ts';

/** Registers every button handler. */
export function registerActions(app: App): void {
  app.action<BlockButtonAction>(SHARE_ACTION, shareAnswer);
}
