/**
 * Block Kit for an answer (pure): the answer text, a context line of sources, and buttons
 * ("Share in channel", and "Quiz me on this" when the quiz runs). A model-phrased answer cites
 * `[1]`, `[2]`…, so its sources are listed with those numbers.
 * Limits (https://api.slack.com/reference/block-kit): section text ≤ 3,000 chars, context
 * element text ≤ 2,000, button value ≤ 2,000, action_id ≤ 255.
 */

import type { KnownBlock } from '@slack/types';
import type { Answer, Source } from '../../answer/answer-types.ts';
import { sourceLines } from '../../answer/source-line.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { answerFallbackText, answerMrkdwn } from './answer-mrkdwn.ts';
import { type CarriedAnswer, encodeShare } from './answer-value.ts';
import { encodeQuizMe } from './button-payloads.ts';
import { feedbackBlock } from './feedback-blocks.ts';
import type { SlackMessage } from './reply-message.ts';

/** action_id of the "Share in channel" button. */
export const SHARE_ACTION = 'share_answer';
/** action_id of the "Quiz me on this" button; value: `encodeQuizMe` (button-payloads.ts). */
export const QUIZ_ME_ACTION = 'quiz_me';
/** What the asker sees while the model writes the answer (replaced by the answer). */
export const PENDING_ANSWER_TEXT = 'Looking that up in the notes…';

/**
 * One escaped line per source (see `sourceLine`); `numbered` prefixes `[1]`, `[2]`… to match a
 * model-phrased answer's citations.
 */
export function formatSources(sources: Source[], numbered = false): string {
  return sourceLines(sources, numbered).map(escapeMrkdwn).join('\n');
}

/** Which optional buttons an answer gets. */
export interface AnswerBlockOptions {
  /** Adds "Quiz me on this" (only where its handler is registered: the quiz runs). */
  quizMe?: boolean;
  /** Adds 👍/👎 (only where its handler is registered: the quiz runs, with its database). */
  feedback?: boolean;
}

/**
 * Blocks for an answer shown to the asker (ephemeral): when it found something, the share button
 * and, with `quizMe`, "Quiz me on this" for its top source.
 */
export function answerBlocks(answer: Answer, options: AnswerBlockOptions = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: answerMrkdwn(answer) } }];
  if (answer.sources.length) {
    const list = formatSources(answer.sources, answer.mode === 'llm');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `📄 ${list}`.slice(0, 2000) }] });
  }
  if (answer.found) {
    const top = answer.sources[0];
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION,
          text: { type: 'plain_text', text: 'Share in channel' },
          value: encodeShare(answer),
        },
        ...(options.quizMe && top
          ? [
              {
                type: 'button' as const,
                action_id: QUIZ_ME_ACTION,
                text: { type: 'plain_text' as const, text: 'Quiz me on this' },
                value: encodeQuizMe(top),
              },
            ]
          : []),
      ],
    });
  }
  if (options.feedback && answer.question.trim()) blocks.push(feedbackBlock(answer));
  return blocks;
}

/** An answer as an ephemeral message for `respond()`. */
export function answerMessage(answer: Answer, options: AnswerBlockOptions = {}): SlackMessage {
  return {
    text: answerFallbackText(answer),
    blocks: answerBlocks(answer, options),
    response_type: 'ephemeral',
  };
}

/**
 * Blocks for an answer someone shared with the channel. `sharedBy` is a display name, not a
 * mention; `feedback` adds 👍/👎 for everyone who reads it.
 */
export function sharedAnswerBlocks(
  share: CarriedAnswer,
  sharedBy: string,
  options: { feedback?: boolean } = {},
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `*${escapeMrkdwn(sharedBy)}* asked: ${escapeMrkdwn(share.question)}`.slice(0, 2000),
        },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(share.text).slice(0, 3000) } },
  ];
  if (share.sources.length) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `📄 ${formatSources(share.sources, share.mode === 'llm')}`.slice(0, 2000) },
      ],
    });
  }
  if (options.feedback) blocks.push(feedbackBlock(share));
  return blocks;
}
