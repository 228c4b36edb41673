/**
 * "Delete my data" under `/saa forget me` (after Slack's confirmation dialog): deletes the
 * clicker's rows in this workspace and says what went. Only the person the button was made for
 * can use it (the value is their user id): a forwarded or forged click deletes nothing.
 */

import type { LifecycleContext } from '../../../data-lifecycle/lifecycle-context.ts';
import { DatabaseUnavailableError } from '../../../database-unavailable.ts';
import { NOTHING_DELETED } from '../../../user-messages.ts';
import { respondSafely } from '../../respond-safely.ts';
import { decodeForget } from '../../views/button-payloads.ts';
import { type ButtonClickArgs, clickTeamId } from './button-value.ts';

/** Builds the handler. */
export function forgetMe(lifecycle: LifecycleContext) {
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs): Promise<void> => {
    await ack();
    const reply = (text: string) =>
      respondSafely(
        respond,
        { response_type: 'ephemeral', replace_original: true, text },
        { logger, what: 'forget-me reply failed', context: { user: body.user.id } },
      );
    if (decodeForget(action.value)?.userId !== body.user.id) {
      await reply(
        'This button deletes the data of the person who asked for it, not yours: run `/saa forget me`.',
      );
      return;
    }
    try {
      await lifecycle.ready();
      const counts = await lifecycle.repo.forgetPerson(clickTeamId(body), body.user.id);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      logger.info('person forgotten', { user: body.user.id, rows });
      await reply(
        rows === 0
          ? 'Done: the bot kept nothing about you here.'
          : `Done: deleted ${rows} records about you (answers ${(counts.quiz_answers ?? 0) + (counts.practice_answers ?? 0)}, study cards ${counts.study_cards ?? 0}, reviews ${counts.study_card_reviews ?? 0}, and your settings). You are off the leaderboards.`,
      );
    } catch (err) {
      if (!(err instanceof DatabaseUnavailableError))
        logger.error('forget-me failed', { user: body.user.id, err });
      await reply(NOTHING_DELETED);
    }
  };
}
