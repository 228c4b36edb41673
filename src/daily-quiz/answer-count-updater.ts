/**
 * Keeps "N answered" on a quiz post fresh without flooding chat.update (Slack rate-limits it,
 * about 50 per minute per workspace for Tier 3): after an answer, one update is scheduled for
 * `delayMs` later; answers arriving meanwhile ride along. Timers are injectable for tests.
 */

import type { QuizPost } from './ports.ts';
import { type QuizContext, questionById } from './quiz-context.ts';

/** Minimal timer API (node's by default). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
}

/** Default delay between answer-count refreshes of one post (ms). */
export const ANSWER_COUNT_DELAY_MS = 3000;

/** Throttled answer-count refresher. */
export class AnswerCountUpdater {
  readonly #pending = new Set<number>();

  constructor(
    private readonly ctx: () => QuizContext,
    private readonly delayMs = ANSWER_COUNT_DELAY_MS,
    private readonly timers: Timers = globalThis,
  ) {}

  /** Schedules a refresh of `post` unless one is already scheduled. */
  bump(post: QuizPost): void {
    if (this.#pending.has(post.id)) return;
    this.#pending.add(post.id);
    this.timers.setTimeout(() => {
      this.#pending.delete(post.id);
      void this.refresh(post.id);
    }, this.delayMs);
  }

  /** Rewrites the post with the current count, unless it was revealed meanwhile. Never throws. */
  async refresh(quizId: number): Promise<void> {
    const ctx = this.ctx();
    try {
      const post = await ctx.posts.get(quizId);
      if (!post?.messageTs || post.revealedAt) return;
      const question = await questionById(ctx, post.questionId);
      if (!question) return;
      const stats = await ctx.responses.quizStats(quizId);
      await ctx.messenger.updateQuestion(post, question, { stats, revealed: false });
      // A reveal that landed while this update was in flight must not be overwritten by it.
      const after = await ctx.posts.get(quizId);
      if (after?.revealedAt) {
        await ctx.messenger.updateQuestion(after, question, {
          stats: await ctx.responses.quizStats(quizId),
          revealed: true,
        });
      }
    } catch (err) {
      ctx.log.warn('answer count refresh failed', { quizId, err });
    }
  }
}
