/**
 * `/saa` listener: ack at once (Slack wants it within 3 s), run the command, respond through
 * response_url. When a question will wait for the model, the asker first sees that an answer is
 * coming; the answer then replaces that note, once (the answerer resolves once, with the model's
 * answer or, after OPENAI_TIMEOUT_MS or a failure, the extractive one). Nothing else lives here.
 */

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isModelAnswerer } from '../../../answer/llm-answerer.ts';
import { type CommandServices, handleCommand } from '../../../commands/handle-command.ts';
import { parseCommand } from '../../../commands/parse-command.ts';
import { answerMessage, PENDING_ANSWER_TEXT } from '../../views/answer-blocks.ts';
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
    let pending = false;
    try {
      const parsed = parseCommand(command.text);
      const { answerer } = services;
      if (parsed.kind === 'ask' && isModelAnswerer(answerer) && answerer.willCallModel(parsed.question)) {
        pending = await respond({ response_type: 'ephemeral', text: PENDING_ANSWER_TEXT }).then(
          () => true,
          (err) => {
            logger.warn('saa pending note failed', { user: command.user_id, err });
            return false;
          },
        );
      }
      const reply = await handleCommand(
        parsed,
        { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id },
        services,
      );
      const message =
        reply.kind === 'answer'
          ? answerMessage(reply.answer, { quizMe: Boolean(services.quiz) })
          : replyMessage(reply);
      await respond(pending ? { ...message, replace_original: true } : message);
    } catch (err) {
      logger.error('saa command failed', { text: command.text, user: command.user_id, err });
      await respond({
        response_type: 'ephemeral',
        text: 'Something went wrong on my side; please try again in a minute.',
        ...(pending ? { replace_original: true } : {}),
      }).catch(() => undefined);
    }
  };
}
