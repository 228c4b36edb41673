/**
 * The quiz messenger over Slack's Web API: chat.postMessage for the question, chat.update for the
 * answer count and the reveal, a threaded chat.postMessage for the result, and
 * conversations.history to find a question posted earlier.
 * The question is posted once, with no automatic retry (`postClient`, see
 * slack-client-options.ts), and carries message metadata naming its quiz
 * (https://api.slack.com/metadata/using): a process that takes over a claim left without a ts
 * finds that message instead of posting again (issue 9, item 2). Reading it back needs the
 * `channels:history` (public) or `groups:history` (private) scope and the bot in the channel.
 */

import type { QuizPost, QuizStats } from '../daily-quiz/ports.ts';
import type { EarlierPost, QuizMessenger } from '../daily-quiz/quiz-context.ts';
import type { Question } from '../quiz/question.ts';
import type { TeamClients } from './team-clients.ts';
import { dailyQuestionBlocks, revealText } from './views/quiz-blocks.ts';
import { withReportButton } from './views/report-blocks.ts';

/** `metadata.event_type` of a daily question; its payload carries `quiz_id` (the quiz_posts id). */
export const QUIZ_EVENT_TYPE = 'saa_daily_quiz';
/** Messages per conversations.history page (Slack's maximum is 999; it recommends ≤ 200). */
export const HISTORY_PAGE_SIZE = 200;
/**
 * Pages read at most, newest first: the channel's last 1,000 messages. A claim is taken over on
 * its own local day, minutes after the post it may have made, so that post is among them unless
 * the channel had over 1,000 messages since. (No `oldest` bound: it would compare our clock with
 * Slack's.)
 */
export const HISTORY_MAX_PAGES = 5;

/**
 * Slack errors that mean the channel's history cannot be read by this app at all (a scope the
 * install lacks, the bot not in the channel): waiting will not help, so the caller posts anyway.
 * Source: https://api.slack.com/methods/conversations.history#errors
 */
const CANNOT_READ = new Set([
  'missing_scope',
  'not_in_channel',
  'channel_not_found',
  'no_permission',
  'not_allowed_token_type',
  'access_denied',
]);

/**
 * Builds a messenger on the Web API clients of each post's workspace (team-clients.ts):
 * `client` (with retries) for everything but the question's chat.postMessage, which goes through
 * `postClient` (one attempt). A workspace without a token (uninstalled) throws NoTeamTokenError
 * before anything is sent.
 */
export function slackQuizMessenger(clients: TeamClients): QuizMessenger {
  return {
    async postQuestion(post: QuizPost, question: Question) {
      const postClient = await clients.postClient(post.teamId);
      const res = await postClient.chat.postMessage({
        channel: post.channelId,
        text: `Daily SAA question: ${question.question}`,
        blocks: dailyQuestionBlocks(question, post.id, { answered: 0, correct: 0, byChoice: {} }, false),
        metadata: {
          event_type: QUIZ_EVENT_TYPE,
          event_payload: { quiz_id: post.id, team_id: post.teamId, local_date: post.localDate },
        },
      });
      if (!res.ts) throw new Error(`chat.postMessage returned no ts for quiz ${post.id}`);
      return res.ts;
    },
    async findQuestion(post: QuizPost): Promise<EarlierPost> {
      const client = await clients.client(post.teamId);
      let cursor: string | undefined;
      try {
        for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
          const res = await client.conversations.history({
            channel: post.channelId,
            limit: HISTORY_PAGE_SIZE,
            include_all_metadata: true,
            ...(cursor ? { cursor } : {}),
          });
          const found = (res.messages ?? []).find(
            (m) =>
              m.metadata?.event_type === QUIZ_EVENT_TYPE &&
              Number((m.metadata.event_payload as { quiz_id?: unknown } | undefined)?.quiz_id) === post.id,
          );
          if (found?.ts) return { found: found.ts };
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!res.has_more || !cursor) break;
        }
      } catch (err) {
        const code = (err as { data?: { error?: unknown } }).data?.error;
        if (typeof code === 'string' && CANNOT_READ.has(code)) return { unchecked: code };
        throw err;
      }
      return { found: null };
    },
    async updateQuestion(post: QuizPost, question: Question, state: { stats: QuizStats; revealed: boolean }) {
      if (!post.messageTs) return;
      const client = await clients.client(post.teamId);
      await client.chat.update({
        channel: post.channelId,
        ts: post.messageTs,
        text: `Daily SAA question: ${question.question}`,
        blocks: dailyQuestionBlocks(question, post.id, state.stats, state.revealed),
      });
    },
    async postReveal(post: QuizPost, question: Question, stats: QuizStats) {
      if (!post.messageTs) return;
      const client = await clients.client(post.teamId);
      await client.chat.postMessage({
        channel: post.channelId,
        thread_ts: post.messageTs,
        text: revealText(question, stats),
        blocks: withReportButton(revealText(question, stats), question.id),
      });
    },
  };
}
