/**
 * When a `/saa` reply is ready, which decides how an adapter delivers it. Slack wants an ack
 * within 3 s (https://api.slack.com/interactivity/handling#acknowledgment_response): a reply
 * ready in about a millisecond (help, a usage error, an extractive answer) can ride in the ack
 * itself; anything else (the database, the model) is acked at once and answered later
 * (response_url lasts 30 min).
 */

import type { Answerer } from '../answer/answerer.ts';
import { isModelAnswerer } from '../answer/llm-answerer.ts';
import type { Command } from './parse-command.ts';

/** True when `command`'s reply needs neither the database nor the model (about a millisecond). */
export function repliesAtOnce(command: Command, answerer: Answerer): boolean {
  return (
    (command.kind === 'ask' && answerer.immediate) || command.kind === 'help' || command.kind === 'invalid'
  );
}

/**
 * True when `command` is a question the model will answer, so the asker should first be told an
 * answer is coming (the model may take up to OPENAI_TIMEOUT_MS).
 */
export async function waitsForModel(command: Command, answerer: Answerer): Promise<boolean> {
  return (
    command.kind === 'ask' && isModelAnswerer(answerer) && (await answerer.willCallModel(command.question))
  );
}
