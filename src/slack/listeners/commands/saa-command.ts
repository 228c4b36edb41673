/**
 * `/saa` listener, two paths (commands/reply-timing.ts says which). A reply ready at once (help,
 * a usage error, an extractive answer) goes back in the ack itself, which saves Slack and us the
 * response_url round trip (Slack shows an ack body as the reply). Everything else is acked at once
 * and answered through response_url; when a question will wait for the model, the asker first
 * sees that an answer is coming, and the answer then replaces that note, once (the answerer
 * resolves once, with the model's answer or, after OPENAI_TIMEOUT_MS or a failure, the
 * extractive one). Nothing else lives here: ack, run the command, render, log on failure.
 */

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answererNow, answererOf } from '../../../answer/team-answerers.ts';
import { type CommandServices, handleCommand, type Reply } from '../../../commands/handle-command.ts';
import { type Command, parseCommand } from '../../../commands/parse-command.ts';
import { repliesAtOnce, waitsForModel } from '../../../commands/reply-timing.ts';
import { COMMAND_FAILED_TEXT } from '../../../user-messages.ts';
import { yieldToEventLoop } from '../../../yield-to-event-loop.ts';
import { respondSafely } from '../../respond-safely.ts';
import { PENDING_ANSWER_TEXT } from '../../views/answer-blocks.ts';
import { replyMessage, type SlackMessage } from '../../views/reply-message.ts';

type SaaArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Builds the `/saa` handler over the given services. */
export function saaCommand(services: CommandServices) {
  return async (args: SaaArgs): Promise<void> => {
    const started = performance.now();
    const parsed = parseCommand(args.command.text);
    // A workspace whose own notes are still being opened takes the slow path: the ack cannot wait.
    const answerer = answererNow(services, args.command.team_id);
    if (answerer && repliesAtOnce(parsed, answerer)) await replyInAck(args, parsed, services, started);
    else await replyLater(args, parsed, services, started);
  };
}

/** The fast path: the reply (or an apology) is the ack's body. */
async function replyInAck(
  { command, ack, logger }: SaaArgs,
  parsed: Command,
  services: CommandServices,
  started: number,
): Promise<void> {
  const reply = await handleCommand(parsed, commandContext(command), services).catch((err) => {
    logFailure(logger, command, err);
    return null;
  });
  if (!reply) {
    await ack({ response_type: 'ephemeral', text: COMMAND_FAILED_TEXT });
    return;
  }
  countAnswer(services, reply, started);
  await ack(render(reply, services));
}

/** The slow path: ack at once, maybe say an answer is coming, then post the reply to response_url. */
async function replyLater(
  { command, ack, respond, logger }: SaaArgs,
  parsed: Command,
  services: CommandServices,
  started: number,
): Promise<void> {
  await ack();
  // Let other requests waiting on the socket be acked before this one's work is done:
  // Slack needs every ack within 3 s; the answer may take longer (response_url lasts 30 min).
  await yieldToEventLoop();
  let pending = false;
  try {
    if (await waitsForModel(parsed, await answererOf(services, command.team_id))) {
      pending = await respondSafely(
        respond,
        { response_type: 'ephemeral', text: PENDING_ANSWER_TEXT },
        { logger, what: 'saa pending note failed', context: { user: command.user_id }, level: 'warn' },
      );
    }
    const reply = await handleCommand(parsed, commandContext(command), services);
    countAnswer(services, reply, started);
    const message = render(reply, services);
    await respond(pending ? { ...message, replace_original: true } : message);
  } catch (err) {
    logFailure(logger, command, err);
    await respondSafely(
      respond,
      {
        response_type: 'ephemeral',
        text: COMMAND_FAILED_TEXT,
        ...(pending ? { replace_original: true } : {}),
      },
      { logger, what: 'saa apology failed', context: { user: command.user_id }, level: 'warn' },
    );
  }
}

function commandContext(command: SaaArgs['command']) {
  return { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
}

/** An answer carries "Quiz me on this" and 👍/👎 where their handlers are registered (the quiz runs). */
function render(reply: Reply, services: CommandServices): SlackMessage {
  const withQuiz = Boolean(services.quiz);
  return replyMessage(reply, { quizMe: withQuiz, feedback: withQuiz });
}

function countAnswer(services: CommandServices, reply: Reply, started: number): void {
  if (reply.kind === 'answer')
    services.metrics?.answer('slash', reply.answer, (performance.now() - started) / 1000);
}

function logFailure(logger: SaaArgs['logger'], command: SaaArgs['command'], err: unknown): void {
  logger.error('saa command failed', { text: command.text, user: command.user_id, err });
}
