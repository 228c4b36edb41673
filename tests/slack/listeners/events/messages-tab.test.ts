/** The Messages tab listener alone: Bolt's arguments and Web API client faked. */

import { describe, expect, it } from 'vitest';
import { messagesTabOpened, suggestedPrompts } from '../../../../src/slack/listeners/events/messages-tab.ts';
import { boltFakes, listenerArgs } from '../../../helpers/bolt-fakes.ts';

async function open(tab: string, fail: string[] = []) {
  const fakes = boltFakes({ fail });
  const handler = messagesTabOpened(() => 'What is DAX?', true);
  await handler(
    listenerArgs(handler, {
      ...fakes.args,
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab },
    }),
  );
  return fakes;
}

describe('messagesTabOpened', () => {
  it('pins the suggested prompts, one from the notes, at the top of the Messages tab', async () => {
    const fakes = await open('messages');
    expect(fakes.calls).toEqual([
      {
        method: 'assistant.threads.setSuggestedPrompts',
        args: {
          channel_id: 'D1',
          title: 'Study with your notes',
          prompts: suggestedPrompts('What is DAX?', true),
        },
      },
    ]);
  });

  it('ignores the Home tab', async () => {
    expect((await open('home')).calls).toEqual([]);
  });

  it('prompts that cannot be set are a warning', async () => {
    const fakes = await open('messages', ['assistant.threads.setSuggestedPrompts']);
    expect(fakes.logged('warn')).toEqual(['suggested prompts not set']);
  });
});
