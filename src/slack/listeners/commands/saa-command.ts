/**
 * `/saa` listener. Extractive answers, help and usage errors go back in the ack itself (Slack
 * wants an ack within 3 s; these take about a millisecond). Everything else (the model, the
 * database) is acked at once and answered through response_url. When a question will wait for the model, the asker first sees that an answer is
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
    const started = performance.now();
    const counted = (reply: Awaited<ReturnType<typeof handleCommand>> | null) => {
      if (reply?.kind === 'answer')
        services.metrics?.answer('slash', reply.answer, (performance.now() - started) / 1000);
    };
    const parsed = parseCommand(command.text);
    const { answerer } = services;
    const ids = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    if (
      (parsed.kind === 'ask' && answerer.immediate) ||
      parsed.kind === 'help' ||
      parsed.kind === 'invalid'
    ) {
      // Extractive answers take about a millisecond: they ride in the ack itself, which saves
      // Slack and us the response_url round trip (Slack shows an ack body as the reply).
      const reply = await handleCommand(parsed, ids, services).catch((err) => {
        logger.error('saa command failed', { text: command.text, user: command.user_id, err });
        return null;
      });
      counted(reply);
      if (reply) {
        await ack(
          reply.kind === 'answer'
            ? answerMessage(reply.answer, {
                quizMe: Boolean(services.quiz),
                feedback: Boolean(services.quiz),
              })
            : replyMessage(reply),
        );
        return;
      }
      await ack({
        response_type: 'ephemeral',
        text: 'Something went wrong on my side; please try again in a minute.',
      });
      return;
    }
    await ack();
    // Let other requests waiting on the socket be acked before this one's work is done:
    // Slack needs every ack within 3 s; the answer may take longer (response_url lasts 30 min).
    await new Promise((resolve) => setImmediate(resolve));
    let pending = false;
    try {
      if (
        parsed.kind === 'ask' &&
        isModelAnswerer(answerer) &&
        (await answerer.willCallModel(parsed.question))
      ) {
        pending = await respond({ response_type: 'ephemeral', text: PENDING_ANSWER_TEXT }).then(
          () => true,
          (err) => {
            logger.warn('saa pending note failed', { user: command.user_id, err });
            return false;
          },
        );
      }
      const reply = await handleCommand(parsed, ids, services);
      counted(reply);
      const message =
        reply.kind === 'answer'
          ? answerMessage(reply.answer, { quizMe: Boolean(services.quiz), feedback: Boolean(services.quiz) })
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
