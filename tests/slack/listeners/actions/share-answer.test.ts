/** The "Share in channel" listener alone: Bolt's arguments faked. */

import { describe, expect, it } from 'vitest';
import { shareAnswer, shareLedger } from '../../../../src/slack/listeners/actions/share-answer.ts';
import { SHARE_ACTION } from '../../../../src/slack/views/answer-blocks.ts';
import { boltFakes, clickBody, listenerArgs } from '../../../helpers/bolt-fakes.ts';

const value = JSON.stringify({
  q: 'dax vs elasticache',
  t: 'DAX caches DynamoDB <!channel>',
  s: [{ file: 'dynamodb.md', heading: 'DAX', line: 3 }],
});

async function click(handler: ReturnType<typeof shareAnswer>, v: string, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      body: clickBody(),
      action: { action_id: SHARE_ACTION, value: v, action_ts: '1.1' },
    }),
  );
  return fakes;
}

describe('shareAnswer', () => {
  it('posts the answer for the channel, escaped and named by display name, once per click', async () => {
    const handler = shareAnswer({ ledger: shareLedger() });
    const first = await click(handler, value);
    expect(first.acks).toEqual([undefined]);
    expect(first.responses).toHaveLength(1);
    expect(first.responses[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(first.responses[0]?.text).toBe('DAX caches DynamoDB &lt;!channel&gt;');
    expect(JSON.stringify(first.responses[0]?.blocks)).toContain('ada');
    const again = await click(handler, value);
    expect(again.responses).toEqual([]);
    expect(again.logged('warn')).toEqual(['share click delivered again; not posted twice']);
  });

  it('a value that is not ours is refused, only to the clicker', async () => {
    const fakes = await click(shareAnswer(), '{"q":1}');
    expect(fakes.responses).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer can no longer be shared; ask again.',
      },
    ]);
  });

  it('a post that fails is logged and the same click may try again', async () => {
    const handler = shareAnswer({ ledger: shareLedger() });
    const failed = await click(handler, value, ['respond']);
    expect(failed.logged('error')).toEqual(['share failed']);
    const retried = await click(handler, value);
    expect(retried.responses).toHaveLength(1);
  });
});
