/**
 * Posts a channel's quiz for its current local day, exactly once across processes, restarts and
 * retries: claim (team, channel, local date) in the database first, post to Slack second, store
 * the message ts third. A claim left without a ts for `staleClaimMs` is taken over by exactly one
 * later caller, with the question first chosen. The schedule tick and `saa quiz post` both come
 * through here.
 * No double post when Slack accepted a post whose ts was not stored (issue 9, item 2: a crash
 * after the post, the database down while storing, a Slack error after Slack had posted):
 * - the question is posted in one attempt, never retried blindly;
 * - storing the ts is retried while the database is unavailable (`storeRetryDelaysMs`);
 * - once Slack accepted the post it is reported posted, stored or not;
 * - a takeover first looks for the earlier message in the channel (its metadata names the quiz)
 *   and, when found, stores that ts instead of posting.
 * Limit: when the app cannot read the channel's history (missing scope, bot not a member), a
 * takeover posts without that check and says so in the log.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailableError } from '../database-unavailable.ts';
import { localTime } from '../quiz/daily-schedule.ts';
import { pickQuestion } from '../quiz/pick-question.ts';
import type { Question } from '../quiz/question.ts';
import { STORE_TS_RETRY_DELAYS_MS } from '../timeouts.ts';
import { dailyPickWeights } from './daily-pick-weights.ts';
import type { QuizPost } from './ports.ts';
import { type QuizContext, questionById, questionsInRotation } from './quiz-context.ts';
import { revealQuiz } from './reveal-quiz.ts';
import { quizDefaults } from './workspace-defaults.ts';

/**
 * What happened: posted now (`stored`: its ts is in the database; false after the database stayed
 * unavailable, when a later takeover finds the message), found posted earlier by a process that
 * did not store it (`recovered`, ts now stored when `stored`), posted earlier today, being posted
 * by another process, or no questions.
 */
export type PostOutcome =
  | { status: 'posted'; post: QuizPost; tookOver: boolean; stored: boolean }
  | { status: 'recovered'; post: QuizPost; stored: boolean }
  | { status: 'already-posted'; post: QuizPost }
  | { status: 'in-progress'; post: QuizPost }
  | { status: 'no-questions' };

/**
 * Posts today's quiz in `channelId` unless it is already there.
 * @throws DatabaseUnavailableError when the database is down before anything was posted; Slack
 *   errors from the messenger before Slack accepted the post (the claim then stays unposted and
 *   is retried after `staleClaimMs`). Never throws once Slack accepted the post.
 */
export async function postDailyQuiz(
  ctx: QuizContext,
  teamId: string,
  channelId: string,
): Promise<PostOutcome> {
  await ctx.ready();
  const schedule = await ctx.schedules.get(teamId, channelId);
  const timeZone = schedule?.timeZone ?? (await quizDefaults(ctx, teamId)).timeZone;
  const now = ctx.clock();
  const localDate = localTime(now, timeZone).date;
  const bank = await questionsInRotation(ctx, teamId);
  if (bank.length === 0) return { status: 'no-questions' };
  // The new question closes the previous ones: reveal them first. Before the claim, so the claim
  // is held only while posting (revealQuiz flips revealed_at once, whoever gets here).
  for (const previous of await ctx.posts.previousUnrevealed(teamId, channelId, localDate)) {
    await revealQuiz(ctx, previous).catch((err) =>
      ctx.log.error('reveal before next quiz failed', { id: previous.id, err }),
    );
  }
  const used = await ctx.posts.usedQuestionIds(teamId, channelId);
  // Leans toward the domains the team keeps missing (daily-pick-weights.ts); plain pick without data.
  const weights = await dailyPickWeights(ctx, { teamId, bank, now, timeZone });
  const chosen = pickQuestion(
    bank,
    used,
    `${teamId}:${channelId}:${localDate}`,
    weights?.domains,
    weights?.topics,
  );
  if (!chosen) return { status: 'no-questions' };
  const claim = await ctx.posts.claim({
    teamId,
    channelId,
    localDate,
    questionId: chosen.id,
    claimedBy: ctx.instanceId,
    now,
    staleAfterMs: ctx.staleClaimMs,
  });
  if (claim.status === 'taken') {
    return claim.post.messageTs
      ? { status: 'already-posted', post: claim.post }
      : { status: 'in-progress', post: claim.post };
  }
  const post = claim.post;
  if (claim.tookOver) {
    // The claim's owner may have posted and died (or lost the database) before storing the ts.
    const earlier = await ctx.messenger.findQuestion(post);
    if ('found' in earlier && earlier.found) {
      ctx.log.warn(
        `quiz ${post.id} was already in ${channelId} (${earlier.found}), its ts unstored; storing it`,
      );
      const stored = await storeTs(ctx, post, earlier.found);
      return { status: 'recovered', post: { ...post, messageTs: earlier.found }, stored };
    }
    if ('unchecked' in earlier) {
      ctx.log.warn(
        `quiz ${post.id}: cannot read ${channelId} to look for an earlier post (${earlier.unchecked}); ` +
          'posting without that check (add the history scopes and invite the bot to rule out a double post)',
      );
    }
  }
  const question = await questionFor(ctx, post, chosen);
  const ts = await ctx.messenger.postQuestion(post, question);
  // From here on the question is in the channel: report it posted, whatever the database does.
  const stored = await storeTs(ctx, post, ts);
  ctx.log.info(`quiz ${post.id} (${question.id}) posted in ${channelId} for ${localDate}`);
  return {
    status: 'posted',
    post: { ...post, messageTs: ts, postedAt: stored ? ctx.clock() : null },
    tookOver: claim.tookOver,
    stored,
  };
}

/** The claim's question; a takeover whose question left the bank (a deploy meanwhile) gets `chosen`. */
async function questionFor(ctx: QuizContext, post: QuizPost, chosen: Question): Promise<Question> {
  const question = await questionById(ctx, post.questionId);
  if (question) return question;
  // Store the new pick, so clicks on the post find their question.
  await ctx.posts.replaceQuestion(post.id, chosen.id);
  post.questionId = chosen.id;
  return chosen;
}

/**
 * Stores `ts` as the post's message, retrying while the database is unavailable. Resolves false
 * (and logs) when it could not: the post then stays a claim, and a takeover finds the message.
 */
async function storeTs(ctx: QuizContext, post: QuizPost, ts: string): Promise<boolean> {
  const delays = ctx.storeRetryDelaysMs ?? STORE_TS_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      if (!(await ctx.posts.markPosted(post.id, ts, ctx.clock()))) {
        ctx.log.error(`quiz ${post.id} in ${post.channelId} already had a message when ${ts} was stored`);
      }
      return true;
    } catch (err) {
      const wait = delays[attempt];
      if (!(err instanceof DatabaseUnavailableError) || wait === undefined) {
        ctx.log.error(
          `quiz ${post.id} is posted in ${post.channelId} (${ts}) but its ts could not be stored; ` +
            'whoever takes the claim over will find the message instead of posting again',
          { err },
        );
        return false;
      }
      ctx.log.warn(`storing the ts of quiz ${post.id} failed; retrying in ${wait} ms`, {
        err: (err as Error).message,
      });
      await sleep(wait);
    }
  }
}
