/** Registers Events API listeners. */

import type { App } from '@slack/bolt';
import type { GenericMessageEvent } from '@slack/types';
import type { CommandServices } from '../../../commands/handle-command.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { conversation } from './conversation.ts';
import { messagesTabOpened } from './messages-tab.ts';

/** A mention of the bot in message text: `<@U123>` or `<@U123|name>`. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

/**
 * Registers the App Home (when scores are available), the Messages tab's suggested prompts, and
 * the conversation: DM messages and channel mentions. `example()` gives a question from the notes.
 */
export function registerEvents(
  app: App,
  services: CommandServices,
  example: () => string | undefined = () => undefined,
): void {
  if (services.scores) app.event('app_home_opened', appHomeOpened(services.scores));
  app.event('app_home_opened', messagesTabOpened(example, Boolean(services.quiz)));
  const reply = conversation(services);
  app.event('message', async ({ event, body, client, logger }) => {
    const m = event as GenericMessageEvent;
    // DMs only, and only people's own new messages (no edits, joins or bot messages, ours included).
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id) return;
    await reply(
      {
        channel: m.channel,
        ts: m.ts,
        threadTs: m.thread_ts,
        teamId: body.team_id ?? m.team ?? '',
        userId: m.user,
        text: m.text ?? '',
        surface: 'dm',
      },
      client,
      logger,
    );
  });
  app.event('app_mention', async ({ event, body, client, logger }) => {
    if (event.bot_id || !event.user) return;
    await reply(
      {
        channel: event.channel,
        ts: event.ts,
        threadTs: event.thread_ts,
        teamId: body.team_id ?? event.team ?? '',
        userId: event.user,
        text: (event.text ?? '').replace(MENTION, ' ').trim(),
        surface: 'mention',
      },
      client,
      logger,
    );
  });
}
