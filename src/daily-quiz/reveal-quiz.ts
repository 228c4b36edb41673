/**
 * Reveals a posted quiz exactly once: the first caller to flip `revealed_at` marks the right
 * option on the original message and replies in its thread with the team's score and the
 * explanation. Triggered when the next quiz is posted or QUIZ_REVEAL_AFTER has passed.
 */

import type { QuizPost } from './ports.ts';
import { type QuizContext, questionById } from './quiz-context.ts';

/**
 * Reveals `post` if nobody has yet. Resolves true when this call revealed it.
 * @throws DatabaseUnavailableError; Slack errors after the flip are logged, not retried (the
 *   answers are already closed and counted).
 */
export async function revealQuiz(ctx: QuizContext, post: QuizPost): Promise<boolean> {
  if (!post.messageTs) return false;
  if (!(await ctx.posts.markRevealed(post.id, ctx.clock()))) return false;
  const question = await questionById(ctx, post.questionId);
  if (!question) {
    ctx.log.warn(
      `quiz ${post.id}: question ${post.questionId} is no longer in the bank; revealed without a message`,
    );
    return true;
  }
  const stats = await ctx.responses.quizStats(post.id);
  try {
    await ctx.messenger.updateQuestion(post, question, { stats, revealed: true });
    await ctx.messenger.postReveal(post, question, stats);
  } catch (err) {
    ctx.log.error('reveal message failed', { id: post.id, err });
  }
  return true;
}

/** Reveals every posted quiz older than `revealAfterMs`. Resolves with how many this call revealed. */
export async function revealDueQuizzes(ctx: QuizContext): Promise<number> {
  await ctx.ready();
  const due = await ctx.posts.dueForReveal(new Date(ctx.clock().getTime() - ctx.revealAfterMs));
  let revealed = 0;
  for (const post of due) if (await revealQuiz(ctx, post)) revealed += 1;
  return revealed;
}
