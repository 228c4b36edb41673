/**
 * Block Kit for an answer (pure): the answer text, a context line of sources, and buttons.
 * Limits (https://api.slack.com/reference/block-kit): section text ≤ 3,000 chars, context
 * element text ≤ 2,000, button value ≤ 2,000, action_id ≤ 255.
 */

import type { KnownBlock } from '@slack/types';
import type { Answer, Source } from '../../answer/answer-types.ts';
import { escapeMrkdwn } from '../../answer/mrkdwn.ts';

/** action_id of the "Share in channel" button. */
export const SHARE_ACTION = 'share_answer';

/** What the share button carries: the posted text and its sources, so the share repeats it exactly. */
export interface SharePayload {
  q: string;
  t: string;
  s: Source[];
}

const MAX_VALUE = 2000;

/** Encodes a share payload within Slack's 2,000-char button value (drops sources, then clips the question). */
export function encodeShare(answer: Answer): string {
  const payload: SharePayload = { q: answer.question.slice(0, 300), t: answer.text, s: answer.sources };
  let value = JSON.stringify(payload);
  if (value.length > MAX_VALUE) value = JSON.stringify({ ...payload, s: payload.s.slice(0, 1) });
  if (value.length > MAX_VALUE) value = JSON.stringify({ ...payload, s: [], q: payload.q.slice(0, 80) });
  return value.slice(0, MAX_VALUE);
}

/** Decodes a share button value; null when it is not ours (tampered or truncated). */
export function decodeShare(value: string | undefined): SharePayload | null {
  try {
    const v = JSON.parse(value ?? '') as SharePayload;
    return typeof v.t === 'string' && typeof v.q === 'string' && Array.isArray(v.s) ? v : null;
  } catch {
    return null;
  }
}

/** One line per source: `file › heading (line N)`, the heading shortened to its last two levels. */
export function formatSources(sources: Source[]): string {
  return sources
    .map((s) => `${s.file} › ${s.heading.split(' > ').slice(-2).join(' › ')} (line ${s.line})`)
    .map((line) => escapeMrkdwn(line))
    .join('\n');
}

/** Blocks for an answer shown to the asker (ephemeral), with the share button when it found something. */
export function answerBlocks(answer: Answer, extraButtons: KnownBlock[] = []): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: answer.text.slice(0, 3000) } },
  ];
  if (answer.sources.length) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `📄 ${formatSources(answer.sources)}`.slice(0, 2000) }],
    });
  }
  if (answer.found) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION,
          text: { type: 'plain_text', text: 'Share in channel' },
          value: encodeShare(answer),
        },
      ],
    });
  }
  blocks.push(...extraButtons);
  return blocks;
}

/** Blocks for an answer someone shared with the channel. `sharedBy` is a display name, not a mention. */
export function sharedAnswerBlocks(share: SharePayload, sharedBy: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `*${escapeMrkdwn(sharedBy)}* asked: ${escapeMrkdwn(share.q)}`.slice(0, 2000),
        },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: share.t.slice(0, 3000) } },
  ];
  if (share.s.length) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `📄 ${formatSources(share.s)}`.slice(0, 2000) }],
    });
  }
  return blocks;
}
