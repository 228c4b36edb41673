/**
 * Posts a channel's quiz for its current local day, exactly once across processes, restarts and
 * retries: claim (team, channel, local date) in the database first, post to Slack second, store
 * the message ts third. A claim left without a ts for `staleClaimMs` (a crash between claim and
 * post) is taken over by exactly one later caller, with the question first chosen. The schedule
 * tick and `saa quiz post` both come through here.
 */

import { localTime } from '../quiz/daily-schedule.ts';
import { pickQuestion } from '../quiz/pick-question.ts';
import type { QuizPost } from '../storage/quiz-post-repository.ts';
import { type QuizContext, questionById } from './quiz-context.ts';
import { revealQuiz } from './reveal-quiz.ts';

/** What happened: posted now, posted earlier today, being posted by another process, or no questions. */
export type PostOutcome =
  | { status: 'posted'; post: QuizPost; tookOver: boolean }
  | { status: 'already-posted'; post: QuizPost }
  | { status: 'in-progress'; post: QuizPost }
  | { status: 'no-questions' };

/**
 * Posts today's quiz in `channelId` unless it is already there.
 * @throws DatabaseUnavailableError when the database is down; Slack errors from the messenger
 *   (the claim then stays unposted and is retried after `staleClaimMs`).
 */
export async function postDailyQuiz(
  ctx: QuizContext,
  teamId: string,
  channelId: string,
): Promise<PostOutcome> {
  await ctx.ready();
  const schedule = await ctx.schedules.get(teamId, channelId);
  const timeZone = schedule?.timezone ?? ctx.defaults.timeZone;
  const now = ctx.clock();
  const localDate = localTime(now, timeZone).date;
  const bank = ctx.bank();
  if (bank.length === 0) return { status: 'no-questions' };
  const used = await ctx.posts.usedQuestionIds(teamId, channelId);
  const chosen = pickQuestion(bank, used, `${teamId}:${channelId}:${localDate}`);
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
  let question = questionById(ctx, claim.post.questionId);
  if (!question) {
    // A takeover whose question left the bank (a deploy between crash and restart): store the
    // new pick, so clicks on the post find their question.
    await ctx.posts.replaceQuestion(claim.post.id, chosen.id);
    question = chosen;
    claim.post.questionId = chosen.id;
  }
  // The new question closes the previous one: reveal it before posting.
  for (const previous of await ctx.posts.previousUnrevealed(teamId, channelId, localDate)) {
    await revealQuiz(ctx, previous).catch((err) =>
      ctx.log.error('reveal before next quiz failed', { id: previous.id, err }),
    );
  }
  const ts = await ctx.messenger.postQuestion(claim.post, question);
  await ctx.posts.markPosted(claim.post.id, ts, ctx.clock());
  ctx.log.info(`quiz ${claim.post.id} (${question.id}) posted in ${channelId} for ${localDate}`);
  return {
    status: 'posted',
    post: { ...claim.post, messageTs: ts, postedAt: ctx.clock() },
    tookOver: claim.tookOver,
  };
}
