/**
 * The quiz messenger over Slack's Web API: chat.postMessage for the question, chat.update for the
 * answer count and the reveal, a threaded chat.postMessage for the result.
 */

import type { WebClient } from '@slack/web-api';
import type { QuizMessenger } from '../daily-quiz/quiz-context.ts';
import type { Question } from '../quiz/question.ts';
import type { QuizStats } from '../storage/answer-repository.ts';
import type { QuizPost } from '../storage/quiz-post-repository.ts';
import { dailyQuestionBlocks, revealText } from './views/quiz-blocks.ts';

/** Builds a messenger on a Web API client (Bolt's `app.client`). */
export function slackQuizMessenger(client: WebClient): QuizMessenger {
  return {
    async postQuestion(post: QuizPost, question: Question) {
      const res = await client.chat.postMessage({
        channel: post.channelId,
        text: `Daily SAA question: ${question.question}`,
        blocks: dailyQuestionBlocks(question, post.id, { answered: 0, correct: 0, byChoice: {} }, false),
      });
      if (!res.ts) throw new Error(`chat.postMessage returned no ts for quiz ${post.id}`);
      return res.ts;
    },
    async updateQuestion(post: QuizPost, question: Question, state: { stats: QuizStats; revealed: boolean }) {
      if (!post.messageTs) return;
      await client.chat.update({
        channel: post.channelId,
        ts: post.messageTs,
        text: `Daily SAA question: ${question.question}`,
        blocks: dailyQuestionBlocks(question, post.id, state.stats, state.revealed),
      });
    },
    async postReveal(post: QuizPost, question: Question, stats: QuizStats) {
      if (!post.messageTs) return;
      await client.chat.postMessage({
        channel: post.channelId,
        thread_ts: post.messageTs,
        text: revealText(question, stats),
      });
    },
  };
}
