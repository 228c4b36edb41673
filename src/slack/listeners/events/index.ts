/** Registers Events API listeners. */

import type { App } from '@slack/bolt';
import type { CommandServices } from '../../../commands/handle-command.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { conversation } from './conversation.ts';
import { appMention, directMessage } from './incoming-message.ts';
import { messagesTabOpened } from './messages-tab.ts';

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
  app.event('message', directMessage(reply));
  app.event('app_mention', appMention(reply));
}
