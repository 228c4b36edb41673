/**
 * Review reminders as Slack DMs: conversations.open with the person (`openDm`, once; the sweep
 * stores the channel and paces opens apart from posts) and chat.postMessage in that DM, in one attempt (`postClient`, no automatic retry: a retry of
 * a post Slack did accept would remind twice). Scopes: `im:write` (conversations.open) and
 * `chat:write`. An error answer from Slack (`ok: false`) or a rate limit means nothing was
 * posted: reported as ReminderNotSentError, so the sweep gives the day back and retries.
 */

import { ErrorCode, type WebClient } from '@slack/web-api';
import {
  type DueReminder,
  type ReminderMessenger,
  ReminderNotSentError,
} from '../spaced-repetition/reminder-ports.ts';
import type { TeamClients } from './team-clients.ts';

/** Slack errors after which nothing was posted: Slack answered with an error, or refused the rate. */
function certainlyNotSent(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === ErrorCode.PlatformError || code === ErrorCode.RateLimitedError;
}

/** The reminder's text (Slack mrkdwn). */
export function reminderText(r: Pick<DueReminder, 'cards' | 'minutes'>): string {
  const cards = r.cards === 1 ? '1 card' : `${r.cards} cards`;
  return (
    `:brain: ${cards} due for review, ~${r.minutes} min. Run \`/saa review\` to go through them.\n` +
    '_`/saa remind off` stops these reminders._'
  );
}

/**
 * A client of the person's workspace (team-clients.ts); none (the workspace has no token) means
 * nothing was sent: ReminderNotSentError.
 */
async function clientOf(get: (teamId: string) => Promise<WebClient>, teamId: string): Promise<WebClient> {
  try {
    return await get(teamId);
  } catch (err) {
    throw new ReminderNotSentError(`no Slack client for workspace ${teamId}`, { cause: err });
  }
}

/**
 * A reminder messenger on the clients of each person's workspace: `client` (with retries) to
 * open DMs, `postClient` (one attempt) to post.
 */
export function slackReminderMessenger(clients: TeamClients): ReminderMessenger {
  return {
    async openDm(teamId, userId) {
      const client = await clientOf(clients.client, teamId);
      let channelId: string | undefined;
      try {
        channelId = (await client.conversations.open({ users: userId })).channel?.id;
      } catch (err) {
        throw new ReminderNotSentError(`conversations.open failed for ${userId}`, { cause: err });
      }
      if (!channelId) throw new ReminderNotSentError(`conversations.open returned no channel for ${userId}`);
      return channelId;
    },
    async sendReminder(reminder, channelId) {
      const postClient = await clientOf(clients.postClient, reminder.teamId);
      try {
        await postClient.chat.postMessage({ channel: channelId, text: reminderText(reminder) });
      } catch (err) {
        if (certainlyNotSent(err))
          throw new ReminderNotSentError(`chat.postMessage refused for ${reminder.userId}`, { cause: err });
        throw err;
      }
    },
  };
}
