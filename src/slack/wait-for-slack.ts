/**
 * Waits until Slack's Web API accepts the bot token (auth.test) before the Bolt app is built:
 * Bolt verifies the token in its constructor and, when that call fails, the rejection goes
 * unhandled and the process exits (seen with Slack unreachable at start). Here a network failure
 * or a 5xx is retried every {@link SLACK_START_RETRY_MS} for up to {@link SLACK_START_WAIT_MS},
 * logged once per failure kind; a token Slack refuses (`invalid_auth`, `token_revoked`…) is not
 * retried: the caller stops with that message.
 */

import type { WebClient } from '@slack/web-api';

/** Pause between attempts (ms). */
export const SLACK_START_RETRY_MS = 2000;
/** Longest wait for Slack at start (ms): a container is restarted after that, which is fine. */
export const SLACK_START_WAIT_MS = 5 * 60_000;

/** A token Slack refused: retrying cannot help. */
export class SlackTokenRefusedError extends Error {
  constructor(readonly code: string) {
    super(`Slack refused SLACK_BOT_TOKEN (${code}): check the token, or reinstall the app`);
    this.name = 'SlackTokenRefusedError';
  }
}

/**
 * Resolves once auth.test succeeds.
 * @throws SlackTokenRefusedError when Slack answers that the token is not valid; the last
 *   network error after {@link SLACK_START_WAIT_MS}.
 */
export async function waitForSlack(
  client: WebClient,
  log: Pick<Console, 'warn' | 'info'>,
  options: { retryMs?: number; waitMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const retryMs = options.retryMs ?? SLACK_START_RETRY_MS;
  const deadline = Date.now() + (options.waitMs ?? SLACK_START_WAIT_MS);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let said = '';
  for (;;) {
    try {
      await client.auth.test();
      if (said) log.info('Slack answers again; starting.');
      return;
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code) throw new SlackTokenRefusedError(code);
      const message = (err as Error).message;
      if (Date.now() >= deadline) throw err;
      if (message !== said)
        log.warn(`Slack is not reachable yet (${message}); retrying every ${retryMs / 1000} s`);
      said = message;
      await sleep(retryMs);
    }
  }
}
