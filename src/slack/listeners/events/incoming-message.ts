/**
 * The two events that carry a question for the conversation (conversation.ts): a DM to the bot
 * (`message` with `channel_type: "im"`) and a channel message that mentions it (`app_mention`,
 * with the mention taken out of the text). Only people's own new messages count: no edits, joins
 * or bot messages (ours included), so the bot never answers itself.
 */

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { GenericMessageEvent } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { IncomingMessage } from './conversation.ts';

/** A mention of the bot in message text: `<@U123>` or `<@U123|name>`. */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

/** The conversation's reply function (conversation.ts `conversation()`). */
export type Reply = (
  message: IncomingMessage,
  client: WebClient,
  logger: AllMiddlewareArgs['logger'],
) => Promise<void>;

/** Builds the `message` handler: DMs only, people's own new messages only. */
export function directMessage(reply: Reply) {
  return async ({ event, body, client, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const m = event as GenericMessageEvent;
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
  };
}

/** Builds the `app_mention` handler: people's mentions, the mention taken out of the question. */
export function appMention(reply: Reply) {
  return async ({
    event,
    body,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
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
  };
}
