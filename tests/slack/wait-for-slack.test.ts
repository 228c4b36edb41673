/**
 * The bot waits for Slack at start instead of dying: auth.test failing on the network or with a
 * 5xx is retried (said once), a token Slack refuses stops at once with a clear error, and a Slack
 * that never answers gives up after the wait. Real WebClient against the Slack stand-in.
 */

import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleAttemptOptions } from '../../src/slack/slack-client-options.ts';
import { SlackTokenRefusedError, waitForSlack } from '../../src/slack/wait-for-slack.ts';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-stand-in.ts';

describe('waitForSlack', () => {
  let standIn: SlackStandIn;
  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  afterAll(() => standIn?.close());

  const client = (apiUrl: string) =>
    new WebClient('xoxb-test', singleAttemptOptions({ apiUrl, timeoutMs: 500 }));

  it('retries while Slack answers 503, says so once, and goes on when it answers', async () => {
    let failures = 2;
    const remove = standIn.fault('auth.test', () =>
      failures-- > 0 ? { kind: 'status', status: 503 } : null,
    );
    const warnings: string[] = [];
    try {
      await waitForSlack(
        client(standIn.apiUrl),
        { warn: (m: string) => warnings.push(m), info: () => undefined },
        { retryMs: 10 },
      );
    } finally {
      remove();
    }
    expect(standIn.calls.filter((c) => c.method === 'auth.test')).toHaveLength(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Slack is not reachable yet/);
  });

  it('stops at once when Slack refuses the token', async () => {
    standIn.reply('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    await expect(
      waitForSlack(client(standIn.apiUrl), { warn: () => undefined, info: () => undefined }, { retryMs: 10 }),
    ).rejects.toBeInstanceOf(SlackTokenRefusedError);
  });

  it('gives up after the wait when Slack never answers', async () => {
    await expect(
      waitForSlack(
        client('http://127.0.0.1:1/api/'),
        { warn: () => undefined, info: () => undefined },
        { retryMs: 10, waitMs: 100 },
      ),
    ).rejects.toThrow();
  });
});
