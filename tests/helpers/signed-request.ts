/**
 * Sends requests to a Bolt HTTP receiver the way Slack does: form-encoded, signed with
 * `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{body}`) (https://api.slack.com/authentication/verifying-requests-from-slack).
 */

import { createHmac } from 'node:crypto';

/** Signature header value for a body at a timestamp (s). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Options for {@link postSigned}. `timestamp` (s) defaults to now; `secret: null` sends no signature. */
export interface SignOptions {
  secret: string | null;
  timestamp?: number;
  headers?: Record<string, string>;
}

/** POSTs a form body to `url`, signed as Slack would. */
export async function postSigned(
  url: string,
  form: Record<string, string>,
  opts: SignOptions,
): Promise<Response> {
  const body = new URLSearchParams(form).toString();
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...opts.headers,
  };
  if (opts.secret !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(opts.secret, timestamp, body);
  }
  return fetch(url, { method: 'POST', headers, body });
}

/** A `/saa` slash command form, as Slack sends it. */
export function slashCommandForm(
  text: string,
  responseUrl: string,
  ids: Partial<Record<'team' | 'channel' | 'user', string>> = {},
) {
  return {
    token: 'legacy',
    team_id: ids.team ?? 'T1',
    team_domain: 'study',
    channel_id: ids.channel ?? 'C1',
    channel_name: 'saa-study',
    user_id: ids.user ?? 'U1',
    user_name: 'ana',
    command: '/saa',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

let interactions = 0;

/**
 * A block_actions interaction form (`payload=<json>`) for a button click. Each call is a new
 * click: its own `trigger_id` and `action_ts`, as Slack gives every interaction, unless `triggerId` says.
 */
export function buttonClickForm(args: {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  team?: string;
  channel?: string;
  messageTs?: string;
  triggerId?: string;
  /** The option letters ticked in the message's checkboxes `pickActionId` (sent as `state.values`). */
  ticked?: { pickActionId: string; letters: string[] };
  /** The element clicked (default `button`; `feedback_buttons` for 👍/👎). */
  elementType?: 'button' | 'feedback_buttons';
}) {
  interactions += 1;
  const triggerId = args.triggerId ?? `${interactions}.${process.pid}.${Date.now()}`;
  const payload = {
    type: 'block_actions',
    team: { id: args.team ?? 'T1', domain: 'study' },
    user: {
      id: args.user ?? 'U1',
      username: `user-${args.user ?? 'U1'}`,
      name: `user-${args.user ?? 'U1'}`,
      team_id: args.team ?? 'T1',
    },
    api_app_id: 'A1',
    token: 'legacy',
    container: {
      type: 'message',
      message_ts: args.messageTs ?? '1.1',
      channel_id: args.channel ?? 'C1',
      is_ephemeral: false,
    },
    trigger_id: triggerId,
    channel: { id: args.channel ?? 'C1', name: 'saa-study' },
    message: { ts: args.messageTs ?? '1.1', type: 'message', text: '', blocks: [] },
    response_url: args.responseUrl,
    ...(args.ticked
      ? {
          state: {
            values: {
              b1: {
                [args.ticked.pickActionId]: {
                  type: 'checkboxes',
                  selected_options: args.ticked.letters.map((l) => ({
                    text: { type: 'plain_text', text: l },
                    value: l,
                  })),
                },
              },
            },
          },
        }
      : {}),
    actions: [
      {
        type: args.elementType ?? 'button',
        action_id: args.actionId,
        block_id: 'b1',
        value: args.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${Math.floor(Date.now() / 1000)}.${String(interactions).padStart(6, '0')}`,
      },
    ],
  };
  return { payload: JSON.stringify(payload) };
}

/**
 * A view_submission payload (form field `payload`) for modal `callbackId`, with `values` as the
 * modal's `state.values` (block id → action id → state).
 */
export function viewSubmissionForm(args: {
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, Record<string, unknown>>>;
  user?: string;
  team?: string;
}) {
  interactions += 1;
  const payload = {
    type: 'view_submission',
    team: { id: args.team ?? 'T1', domain: 'study' },
    user: {
      id: args.user ?? 'U1',
      username: `user-${args.user ?? 'U1'}`,
      name: `user-${args.user ?? 'U1'}`,
      team_id: args.team ?? 'T1',
    },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `${interactions}.${process.pid}.${Date.now()}`,
    view: {
      id: `V${interactions}`,
      team_id: args.team ?? 'T1',
      type: 'modal',
      callback_id: args.callbackId,
      private_metadata: args.privateMetadata,
      blocks: [],
      state: { values: args.values },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      app_id: 'A1',
      bot_id: 'B1',
    },
    response_urls: [],
  };
  return { payload: JSON.stringify(payload) };
}

/** POSTs an Events API payload (JSON) to `url`, signed as Slack would; `headers` adds e.g. `x-slack-retry-num`. */
export async function postSignedEvent(
  url: string,
  payload: Record<string, unknown>,
  secret: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const raw = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(secret, timestamp, raw),
      ...headers,
    },
    body: raw,
  });
}

let events = 0;

/** An `event_callback` envelope for `event` in workspace `team` (a new event id unless given). */
export function eventCallback(
  event: Record<string, unknown>,
  team = 'T1',
  eventId?: string,
): Record<string, unknown> {
  events += 1;
  return {
    type: 'event_callback',
    team_id: team,
    api_app_id: 'A1',
    event,
    event_id: eventId ?? `Ev${process.pid}${events}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
  };
}
