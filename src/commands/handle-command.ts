/**
 * Use cases behind `/saa`, shared by Slack and the console: a parsed command in, a reply out.
 * Replies are data; each adapter renders them (Block Kit in src/slack/views, text in src/console).
 */

import type { Answer } from '../answer/answer-types.ts';
import type { Answerer } from '../answer/answerer.ts';
import type { Command } from './parse-command.ts';

/** Who is asking and where (Slack ids; the console uses fixed local ids). */
export interface CommandContext {
  teamId: string;
  channelId: string;
  userId: string;
}

/** What a command produces. `visibility` says whether the channel sees it or only the asker. */
export type Reply =
  | { kind: 'help' }
  | { kind: 'answer'; answer: Answer }
  | { kind: 'text'; text: string; visibility: 'ephemeral' | 'in_channel' };

/** The services commands use. Quiz and scores are optional so the answer engine runs alone. */
export interface CommandServices {
  answerer: Answerer;
  extra?: (command: Command, ctx: CommandContext) => Promise<Reply | null>;
}

/** Runs one command. Never throws: failures become a reply that says what to do. */
export async function handleCommand(
  command: Command,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  switch (command.kind) {
    case 'help':
      return { kind: 'help' };
    case 'ask':
      return { kind: 'answer', answer: await services.answerer.answer(command.question) };
    case 'invalid':
      return { kind: 'text', text: command.message, visibility: 'ephemeral' };
    default: {
      const reply = await services.extra?.(command, ctx);
      return (
        reply ?? {
          kind: 'text',
          text: 'The quiz and scores need the bot’s database; this instance runs answers only.',
          visibility: 'ephemeral',
        }
      );
    }
  }
}
