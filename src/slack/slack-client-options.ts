/**
 * Options for every Slack Web API client we make (Bolt's `app.client`, the CLI's, the daily
 * post's), so each call has a deadline and a retry budget we chose (issue 9, items 1 and 2):
 * @slack/web-api's defaults are no timeout and `tenRetriesInAboutThirtyMinutes`, longer than the
 * 5-minute stale-claim window. The same `fetch`, with the deadline, serves Bolt's `respond()`
 * (Bolt uses `clientOptions.fetch` for response_url posts), so a hung response_url cannot hold
 * a listener either. Values: timeouts.ts.
 */

import type { WebClientOptions } from '@slack/web-api';
import { SLACK_API_RETRY, SLACK_API_TIMEOUT_MS } from '../timeouts.ts';

/** What the options depend on: the API base URL (tests, proxies) and the per-call deadline (ms). */
export interface SlackClientSettings {
  apiUrl?: string;
  timeoutMs?: number;
}

/** `fetch` that gives up after `timeoutMs` (ms), on top of any signal the caller passes. */
export function fetchWithDeadline(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return fetch(input, { ...init, signal });
  };
}

/**
 * Client options: `timeout` per attempt, {@link SLACK_API_RETRY} (2 retries of timeouts, network
 * errors and 5xx), rate-limited calls rejected at once (a 429's `Retry-After` could exceed any
 * budget), and {@link fetchWithDeadline}.
 */
export function slackClientOptions(settings: SlackClientSettings = {}): WebClientOptions {
  const timeoutMs = settings.timeoutMs ?? SLACK_API_TIMEOUT_MS;
  return {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    timeout: timeoutMs,
    retryConfig: { ...SLACK_API_RETRY },
    rejectRateLimitedCalls: true,
    fetch: fetchWithDeadline(timeoutMs),
  };
}

/**
 * The same options without retries: for a call that must not be repeated blindly, the daily
 * question's `chat.postMessage` (a retry after a timeout or a 5xx that Slack did process would
 * post twice; see daily-quiz/post-daily-quiz.ts for how a failure is retried safely).
 */
export function singleAttemptOptions(settings: SlackClientSettings = {}): WebClientOptions {
  return { ...slackClientOptions(settings), retryConfig: { retries: 0 } };
}
