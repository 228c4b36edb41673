/**
 * "Share in channel" button: reposts the answer the person saw, for everyone, named by display
 * name (no mention, so nobody is pinged). Once per click: a replayed or redelivered click (same
 * `trigger_id`; issue 9, item 8) posts nothing more. The value is parsed with a schema and its
 * text (plain, as `Answer.text`) escaped, since a forged value could carry `<!channel>` (item 10).
 */

import { LRUCache } from 'lru-cache';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { respondSafely } from '../../respond-safely.ts';
import { sharedAnswerBlocks } from '../../views/answer-blocks.ts';
import { decodeShare } from '../../views/answer-value.ts';
import type { ButtonClickArgs } from './button-value.ts';

/**
 * How long a share click is remembered (ms): Bolt accepts a signed request for 5 minutes
 * (https://api.slack.com/authentication/verifying-requests-from-slack) and we accept timestamps
 * up to 5 minutes ahead, so a replay can arrive up to 10 minutes after the first delivery.
 */
export const SHARE_REMEMBER_MS = 10 * 60_000;
/** Most share clicks remembered at once (per process; the oldest are forgotten first). */
export const SHARE_REMEMBER_MAX = 10_000;

/** The clicks already shared, by key; one per Slack app. */
export type ShareLedger = Pick<LRUCache<string, true>, 'has' | 'set' | 'delete'>;

/** A ledger that forgets after {@link SHARE_REMEMBER_MS}. */
export function shareLedger(): ShareLedger {
  return new LRUCache<string, true>({ max: SHARE_REMEMBER_MAX, ttl: SHARE_REMEMBER_MS });
}

/**
 * Builds the share handler; `ledger` remembers which clicks were posted; `feedback` puts 👍/👎
 * under the shared answer (where their handler is registered).
 */
export function shareAnswer(options: { ledger?: ShareLedger; feedback?: boolean } = {}) {
  const ledger = options.ledger ?? shareLedger();
  return async ({ ack, action, body, respond, logger }: ButtonClickArgs): Promise<void> => {
    await ack();
    // trigger_id is unique per interaction; a replay or a Socket Mode redelivery repeats it.
    const key = body.trigger_id || `${body.user.id}:${action.action_ts}`;
    if (ledger.has(key)) {
      logger.warn('share click delivered again; not posted twice', { user: body.user.id, key });
      return;
    }
    ledger.set(key, true);
    const share = decodeShare(action.value);
    if (!share) {
      await respondSafely(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That answer can no longer be shared; ask again.',
        },
        { logger, what: 'share refusal failed', context: { user: body.user.id } },
      );
      return;
    }
    const name = body.user.name ?? body.user.username ?? 'Someone';
    const shared = await respondSafely(
      respond,
      {
        response_type: 'in_channel',
        replace_original: false,
        // The answer text is plain (answer.text); escaped here and in the blocks.
        text: escapeMrkdwn(share.text),
        blocks: sharedAnswerBlocks(share, name, { feedback: options.feedback }),
      },
      { logger, what: 'share failed', context: { user: body.user.id } },
    );
    // Not posted: a new click on the same button may try again.
    if (!shared) ledger.delete(key);
  };
}
