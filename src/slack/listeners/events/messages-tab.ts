/**
 * The Messages tab (Slack's agent messaging experience, `agent_view`): when a person opens it
 * (`app_home_opened` with `tab: "messages"`), pin suggested prompts at its top
 * (assistant.threads.setSuggestedPrompts, no thread_ts needed: bolt-js docs, "Adding agent
 * features"). One example question comes from the team's own notes.
 */

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';

/** A suggested prompt: its button title and the message it sends. */
export interface SuggestedPrompt {
  title: string;
  message: string;
}

/** The prompts shown (Slack shows at most 4). `example` is a question from the notes. */
export function suggestedPrompts(example: string | undefined, reviews: boolean): SuggestedPrompt[] {
  return [
    { title: 'Quiz me', message: 'quiz me' },
    ...(reviews ? [{ title: "What's due for review?", message: "what's due for review?" }] : []),
    { title: 'My weakest topic', message: 'what is my weakest topic?' },
    ...(example ? [{ title: example.slice(0, 60), message: example }] : []),
  ].slice(0, 4);
}

/** Builds the handler; `example()` picks a question from the notes (or undefined). */
export function messagesTabOpened(example: () => string | undefined, reviews: boolean) {
  return async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'messages') return;
    await client.assistant.threads
      .setSuggestedPrompts({
        channel_id: event.channel,
        title: 'Study with your notes',
        prompts: suggestedPrompts(example(), reviews),
      })
      .catch((err) => logger.warn('suggested prompts not set', { user: event.user, err }));
  };
}
