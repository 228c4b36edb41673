/**
 * The deadlines fit together (issue 9, item 2): a live poster never holds its claim past the
 * stale window, even at the largest timeouts configuration allows, so a takeover never races a
 * post still in flight; a Web API call's whole retry budget fits in it too, unlike
 * @slack/web-api's default (10 retries over about 30 minutes). And the clients we build carry
 * those settings.
 */

import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { singleAttemptOptions, slackClientOptions } from '../src/slack/slack-client-options.ts';
import {
  claimHoldWorstCaseMs,
  DATABASE_QUERY_TIMEOUT_MS,
  MAX_DATABASE_QUERY_TIMEOUT_MS,
  MAX_SLACK_API_TIMEOUT_MS,
  SLACK_API_TIMEOUT_MS,
  STALE_CLAIM_MS,
  slackCallBudgetMs,
} from '../src/timeouts.ts';

describe('deadlines and the stale-claim window', () => {
  it.each([
    ['defaults', DATABASE_QUERY_TIMEOUT_MS, SLACK_API_TIMEOUT_MS],
    ['largest configurable', MAX_DATABASE_QUERY_TIMEOUT_MS, MAX_SLACK_API_TIMEOUT_MS],
  ])('%s: a poster gives up on its claim well before it turns stale', (_name, db, slack) => {
    expect(claimHoldWorstCaseMs(db, slack)).toBeLessThan(STALE_CLAIM_MS);
    expect(slackCallBudgetMs(slack)).toBeLessThan(STALE_CLAIM_MS);
  });

  it('the defaults: a Web API call with its retries ends within 35 s', () => {
    expect(slackCallBudgetMs(SLACK_API_TIMEOUT_MS)).toBe(34_000);
    expect(claimHoldWorstCaseMs(DATABASE_QUERY_TIMEOUT_MS, SLACK_API_TIMEOUT_MS)).toBeLessThan(90_000);
  });

  it('configuration refuses timeouts past those limits', () => {
    expect(() => loadConfig({ SLACK_API_TIMEOUT_MS: String(MAX_SLACK_API_TIMEOUT_MS + 1) })).toThrow(
      /SLACK_API_TIMEOUT_MS: must be milliseconds/,
    );
    expect(() =>
      loadConfig({ DATABASE_QUERY_TIMEOUT_MS: String(MAX_DATABASE_QUERY_TIMEOUT_MS + 1) }),
    ).toThrow(/DATABASE_QUERY_TIMEOUT_MS: must be milliseconds/);
    expect(loadConfig({})).toMatchObject({
      SLACK_API_TIMEOUT_MS,
      DATABASE_QUERY_TIMEOUT_MS,
    });
  });

  it('our Web API clients have a deadline, a bounded retry policy and no waiting on 429', () => {
    const client = new WebClient('xoxb-test', slackClientOptions({ timeoutMs: 1234 }));
    const fields = client as unknown as {
      timeout: number;
      retryConfig: { retries: number };
      rejectRateLimitedCalls: boolean;
    };
    expect(fields.timeout).toBe(1234);
    expect(fields.retryConfig.retries).toBe(2);
    expect(fields.rejectRateLimitedCalls).toBe(true);
    const once = new WebClient('xoxb-test', singleAttemptOptions()) as unknown as typeof fields;
    expect(once.retryConfig.retries).toBe(0);
    expect(once.timeout).toBe(SLACK_API_TIMEOUT_MS);
  });
});
