/**
 * The DM and mention listeners alone: which events reach the conversation, and as what. Bolt's
 * arguments faked; the conversation is the real one (conversation.ts), whose reply to an empty
 * question (the examples, in the message's thread) shows what it was given.
 */

import { describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../../src/answer/answerer.ts';
import { conversation } from '../../../../src/slack/listeners/events/conversation.ts';
import { appMention, directMessage } from '../../../../src/slack/listeners/events/incoming-message.ts';
import { boltFakes, listenerArgs } from '../../../helpers/bolt-fakes.ts';

const EXAMPLES = 'Ask me anything about your AWS notes, e.g. “dax vs elasticache”, or say “quiz me”.';
const reply = () =>
  conversation({
    answerer: new ExtractiveAnswerer(() => {
      throw new Error('only empty questions here');
    }),
  });
let n = 0;
const ts = () => `${++n}.000200`;

async function dm(event: Record<string, unknown>) {
  const fakes = boltFakes();
  const handler = directMessage(reply());
  await handler(
    listenerArgs(handler, { ...fakes.args, event: { type: 'message', ...event }, body: { team_id: 'T1' } }),
  );
  return fakes;
}

describe('directMessage', () => {
  it('a person’s DM reaches the conversation, answered in its thread', async () => {
    const at = ts();
    const fakes = await dm({ channel_type: 'im', channel: 'D1', user: 'U1', ts: at, text: '' });
    expect(fakes.calls.map((c) => [c.method, c.args.channel, c.args.thread_ts, c.args.text])).toEqual([
      ['chat.postMessage', 'D1', at, EXAMPLES],
    ]);
  });

  it.each([
    ['a channel message', { channel_type: 'channel' }],
    ['an edit', { channel_type: 'im', subtype: 'message_changed' }],
    ['a bot’s message (ours too)', { channel_type: 'im', bot_id: 'B1' }],
  ])('%s is ignored', async (_name, event) => {
    const fakes = await dm({ channel: 'D1', user: 'U1', ts: ts(), text: '', ...event });
    expect(fakes.calls).toEqual([]);
  });
});

describe('appMention', () => {
  async function mention(event: Record<string, unknown>) {
    const fakes = boltFakes();
    const handler = appMention(reply());
    await handler(
      listenerArgs(handler, {
        ...fakes.args,
        event: { type: 'app_mention', channel: 'C1', ...event },
        body: { team_id: 'T1' },
      }),
    );
    return fakes;
  }

  it('the mention is taken out of the question; the reply goes in the thread', async () => {
    const at = ts();
    const fakes = await mention({ user: 'U1', ts: at, thread_ts: '1.000001', text: '<@U0BOT|saa>  ' });
    expect(fakes.calls.map((c) => [c.args.channel, c.args.thread_ts, c.args.text])).toEqual([
      ['C1', '1.000001', EXAMPLES],
    ]);
  });

  it('a bot’s mention is ignored', async () => {
    expect((await mention({ user: 'U1', bot_id: 'B1', ts: ts(), text: '<@U0BOT>' })).calls).toEqual([]);
  });
});
