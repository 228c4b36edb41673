/**
 * A command reply → a Slack message (text fallback + blocks + response_type). Pure.
 */

import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../commands/handle-command.ts';
import { HELP_TEXT } from '../../commands/parse-command.ts';
import { leaderboardLines, statsLines } from '../../scores/format-scores.ts';
import { type AnswerBlockOptions, answerBlocks } from './answer-blocks.ts';
import { answerFallbackText } from './answer-mrkdwn.ts';
import { FORGET_TEXT, forgetBlocks } from './forget-blocks.ts';
import { practiceQuestionBlocks } from './quiz-blocks.ts';
import { reviewBlocks } from './review-blocks.ts';
import { leaderboardBlocks, statsBlocks } from './score-blocks.ts';

/** A message as `respond()` / `chat.postMessage` take it. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  response_type: 'ephemeral' | 'in_channel';
}

/** Renders a reply for Slack; `answer` says which buttons go under an answer (none by default). */
export function replyMessage(reply: Reply, answer: AnswerBlockOptions = {}): SlackMessage {
  switch (reply.kind) {
    case 'help':
      return {
        text: HELP_TEXT,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: HELP_TEXT } }],
        response_type: 'ephemeral',
      };
    case 'leaderboard':
      return {
        text: leaderboardLines(reply.board, true).join('\n'),
        blocks: leaderboardBlocks(reply.board),
        response_type: reply.visibility,
      };
    case 'stats':
      return {
        text: statsLines(reply.stats, true).join('\n'),
        blocks: statsBlocks(reply.stats),
        response_type: 'ephemeral',
      };
    case 'practice':
      return {
        text: `Practice question: ${reply.question.question}`,
        blocks: practiceQuestionBlocks(reply.question, reply.cardReps),
        response_type: 'ephemeral',
      };
    case 'review':
      return { ...reviewBlocks(reply.step), response_type: 'ephemeral' };
    case 'forget-confirm':
      return { text: FORGET_TEXT, blocks: forgetBlocks(reply.userId), response_type: 'ephemeral' };
    case 'answer':
      return {
        text: answerFallbackText(reply.answer),
        blocks: answerBlocks(reply.answer, answer),
        response_type: 'ephemeral',
      };
    case 'text':
      return {
        text: reply.text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: reply.text.slice(0, 3000) } }],
        response_type: reply.visibility,
      };
  }
}
