/**
 * Bolt's `respond()` (a post to the interaction's response_url, valid 30 min and for 5 posts:
 * https://api.slack.com/interactivity/handling#message_responses) that never throws. A listener
 * has already acked when it responds, so a failed post has nobody left to tell: it is logged with
 * the listener's context (house rule: errors we cause are never swallowed silently) and the
 * listener carries on.
 */

import type { AllMiddlewareArgs, RespondArguments, RespondFn } from '@slack/bolt';

/** How a failed post is logged. */
export interface RespondFailure {
  logger: AllMiddlewareArgs['logger'];
  /** The log line, e.g. 'quiz feedback failed'. */
  what: string;
  /** Logged beside the error, e.g. `{ user }`. */
  context?: Record<string, unknown>;
  /** 'error' unless the message was a nicety (a note that an answer is coming). */
  level?: 'warn' | 'error';
}

/**
 * Posts `message` through `respond`.
 * @returns true when Slack took it, false when the post failed (and was logged).
 */
export async function respondSafely(
  respond: RespondFn,
  message: RespondArguments,
  failure: RespondFailure,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (err) {
    failure.logger[failure.level ?? 'error'](failure.what, { ...failure.context, err });
    return false;
  }
}
