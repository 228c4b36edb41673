/**
 * `/saa` listener: ack at once (Slack wants it within 3 s), run the command, respond through
 * response_url. Nothing else lives here.
 */

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type CommandServices, handleCommand } from '../../../commands/handle-command.ts';
import { parseCommand } from '../../../commands/parse-command.ts';
import { replyMessage } from '../../views/reply-message.ts';

/** Builds the `/saa` handler over the given services. */
export function saaCommand(services: CommandServices) {
  return async ({
    command,
    ack,
    respond,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Let other requests waiting on the socket be acked before this one's answer is composed:
    // Slack needs every ack within 3 s; the answer may take longer (response_url lasts 30 min).
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const reply = await handleCommand(
        parseCommand(command.text),
        { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id },
        services,
      );
      await respond(replyMessage(reply));
    } catch (err) {
      logger.error('saa command failed', { text: command.text, user: command.user_id, err });
      await respond({
        response_type: 'ephemeral',
        text: 'Something went wrong on my side; please try again in a minute.',
      }).catch(() => undefined);
    }
  };
}
