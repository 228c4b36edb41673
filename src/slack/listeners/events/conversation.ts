/**
 * The study partner in the bot's Messages tab and in channel threads (issue 13): a DM message,
 * or a channel message that mentions the bot, is a question. The bot shows a status at once
 * ("Searching your notes…"), then answers in the message's thread: a model answer streamed as it
 * is written (slack-stream.ts; citations checked before they are shown), an extractive answer
 * whole. A follow-up in the same thread ("and its limits?") is answered with the thread's earlier
 * question (conversation/follow-up.ts); "quiz me" gives a practice question on the thread's topic.
 * One reply per message: a message seen before (Slack retries an event it thinks was not
 * received) is ignored. In channels the bot reads only messages that mention it, so a follow-up
 * in a channel thread mentions it again.
 */

import type { AllMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Answer } from '../../../answer/answer-types.ts';
import type { Answerer } from '../../../answer/answerer.ts';
import { isModelAnswerer } from '../../../answer/llm-answerer.ts';
import type { ChatMessage } from '../../../answer/llm-prompt.ts';
import { type AnswerersByTeam, answererOf } from '../../../answer/team-answerers.ts';
import { resolveFollowUp } from '../../../conversation/follow-up.ts';
import { messageIntent } from '../../../conversation/message-intent.ts';
import { ThreadMemory } from '../../../conversation/thread-memory.ts';
import { practiceToShow } from '../../../daily-quiz/practice-quiz.ts';
import type { QuizContext } from '../../../daily-quiz/quiz-context.ts';
import type { BotMetrics } from '../../../observability/metrics.ts';
import { quizMeHint } from '../../../quiz/quiz-me-hint.ts';
import { statsLines } from '../../../scores/format-scores.ts';
import { personalStats } from '../../../scores/personal-stats.ts';
import type { ScoreContext } from '../../../scores/score-context.ts';
import {
  BANK_EMPTY,
  MESSAGE_FAILED_TEXT,
  REVIEWS_NOT_SET_UP,
  REVIEWS_READ_UNAVAILABLE,
  STATS_UNAVAILABLE,
} from '../../../user-messages.ts';
import { SlackStream } from '../../slack-stream.ts';
import { answerBlocks, formatSources } from '../../views/answer-blocks.ts';
import { feedbackBlock } from '../../views/feedback-blocks.ts';
import { practiceQuestionBlocks } from '../../views/quiz-blocks.ts';

/** The status shown while the answer is prepared (assistant.threads.setStatus). */
export const SEARCHING_STATUS = 'Searching your notes…';
/** How long a message is remembered as answered (ms): Slack retries an event for up to about an hour. */
export const SEEN_MESSAGE_MS = 2 * 3_600_000;
/** Most due cards counted for "what's due for review?" (the reply says "100+" past it). */
const DUE_COUNTED = 100;
/** About this long per review (seconds), for "~4 min": a question read, answered and its explanation skimmed. */
export const SECONDS_PER_REVIEW = 30;

/** What the conversation needs: the answerer and, for "quiz me" and 👍/👎, the quiz context. */
export interface ConversationServices {
  /** The answerer over NOTES_DIR, for every workspace without its own notes (`answerers`). */
  answerer: Answerer;
  answerers?: AnswerersByTeam;
  /** Counts answers and their latency; absent: nothing is counted. */
  metrics?: BotMetrics;
  quiz?: () => QuizContext;
  scores?: () => ScoreContext;
  memory?: ThreadMemory;
}

/** One incoming question: where it was asked and by whom. */
export interface IncomingMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  teamId: string;
  userId: string;
  text: string;
  /** A DM (the Messages tab) or a channel mention. */
  surface: 'dm' | 'mention';
}

/** Builds the reply function shared by the DM and mention listeners. */
export function conversation(services: ConversationServices) {
  const memory = services.memory ?? new ThreadMemory();
  const seen = new LRUCache<string, true>({ max: 20_000, ttl: SEEN_MESSAGE_MS });
  return async (
    message: IncomingMessage,
    client: WebClient,
    logger: AllMiddlewareArgs['logger'],
  ): Promise<void> => {
    const key = `${message.channel}:${message.ts}`;
    if (seen.has(key)) {
      logger.warn('message delivered again; answered once', { channel: message.channel, ts: message.ts });
      return;
    }
    seen.set(key, true);
    const threadTs = message.threadTs ?? message.ts;
    const post = (text: string, blocks?: KnownBlock[]) =>
      client.chat.postMessage({
        channel: message.channel,
        thread_ts: threadTs,
        text: text.slice(0, 3000),
        blocks,
      });
    const text = message.text.trim();
    if (!text) {
      await post('Ask me anything about your AWS notes, e.g. “dax vs elasticache”, or say “quiz me”.');
      return;
    }
    const turns = memory.turns(message.channel, threadTs);
    const started = performance.now();
    try {
      const intent = messageIntent(text, {
        quiz: Boolean(services.quiz),
        scores: Boolean(services.scores),
        get cards() {
          return Boolean(services.quiz?.().cards);
        },
      });
      if (intent === 'quiz-me' && services.quiz) {
        await quizMe(services.quiz(), message, turns.at(-1)?.source, post);
        return;
      }
      if (intent === 'weakest-topics' && services.scores) {
        await post(await weakestText(services.scores(), message));
        return;
      }
      if (intent === 'due-reviews' && services.quiz) {
        await post(await dueText(services.quiz(), message));
        return;
      }
      await client.assistant.threads
        .setStatus({ channel_id: message.channel, thread_ts: threadTs, status: SEARCHING_STATUS })
        .catch((err) => logger.debug('status not set', { err }));
      const { search } = resolveFollowUp(text, turns.at(-1));
      const history: ChatMessage[] = turns.flatMap((t) => [
        { role: 'user' as const, content: t.question },
        { role: 'assistant' as const, content: t.answer },
      ]);
      const feedback = Boolean(services.quiz);
      const answerer = await answererOf(services, message.teamId);
      let answer: Answer;
      if (isModelAnswerer(answerer) && (await answerer.willCallModel(search))) {
        const stream = new SlackStream(client, {
          channel: message.channel,
          threadTs,
          teamId: message.teamId,
          userId: message.userId,
        });
        const result = await answerer.answerStream(search, { history, onText: (t) => stream.append(t) });
        answer = { ...result.answer, question: text };
        if (result.streamed === 'none') await post(answer.text, answerBlocks(answer, { feedback }));
        else
          await stream.finish(
            streamedBlocks(answer, feedback),
            result.streamed === 'replace' ? answer.text : undefined,
          );
      } else {
        answer = { ...(await answerer.answer(search)), question: text };
        await post(answer.text, answerBlocks(answer, { feedback }));
      }
      services.metrics?.answer(message.surface, answer, (performance.now() - started) / 1000);
      memory.add(message.channel, threadTs, {
        question: text,
        answer: answer.text,
        ...(answer.found && answer.sources[0]
          ? { source: { file: answer.sources[0].file, heading: answer.sources[0].heading } }
          : {}),
      });
    } catch (err) {
      logger.error('conversation reply failed', { channel: message.channel, err });
      await post(MESSAGE_FAILED_TEXT).catch(() => undefined);
    }
  };
}

/** Blocks under a streamed answer: its sources, numbered as cited, and 👍/👎. */
function streamedBlocks(answer: Answer, feedback: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (answer.sources.length)
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `📄 ${formatSources(answer.sources, answer.mode === 'llm')}`.slice(0, 2000) },
      ],
    });
  if (feedback && answer.question.trim()) blocks.push(feedbackBlock(answer));
  return blocks;
}

/** "My weakest topic": the person's weakest topics with what to read (as `/saa stats` shows them). */
async function weakestText(ctx: ScoreContext, message: IncomingMessage): Promise<string> {
  try {
    const stats = await personalStats(ctx, { teamId: message.teamId, userId: message.userId });
    if (stats.weakest.length === 0)
      return 'Not enough answers yet to tell: take the daily quiz or say “quiz me” a few times.';
    const lines = statsLines(stats, true);
    return lines.slice(lines.findIndex((l) => l.startsWith('Weakest topics'))).join('\n');
  } catch {
    return STATS_UNAVAILABLE;
  }
}

/** "What's due for review?": how many cards are due now and how long they take. */
async function dueText(ctx: QuizContext, message: IncomingMessage): Promise<string> {
  const cards = ctx.cards;
  if (!cards) return REVIEWS_NOT_SET_UP;
  try {
    await ctx.ready();
    const due = await cards.due(message.teamId, message.userId, ctx.clock(), DUE_COUNTED);
    if (due.length === 0)
      return 'Nothing is due for review right now. `/saa review` can review ahead, or say “quiz me”.';
    const minutes = Math.max(1, Math.round((due.length * SECONDS_PER_REVIEW) / 60));
    const count = due.length >= DUE_COUNTED ? `${DUE_COUNTED}+` : String(due.length);
    return `${count} card${due.length === 1 ? '' : 's'} due, about ${minutes} min: run \`/saa review\`.`;
  } catch {
    return REVIEWS_READ_UNAVAILABLE;
  }
}

/** "quiz me": a practice question on the thread's topic, posted in the thread. */
async function quizMe(
  ctx: QuizContext,
  message: IncomingMessage,
  topic: { file: string; heading: string } | undefined,
  post: (text: string, blocks?: KnownBlock[]) => Promise<unknown>,
): Promise<void> {
  const hint = topic ? quizMeHint(ctx.bank(), topic) : undefined;
  const shown = await practiceToShow(ctx, { teamId: message.teamId, userId: message.userId, hint });
  if (!shown) {
    await post(BANK_EMPTY);
    return;
  }
  await post(
    `Practice question: ${shown.question.question}`,
    practiceQuestionBlocks(shown.question, shown.cardReps),
  );
}
