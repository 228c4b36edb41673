/**
 * {@link QuizPostRepository} in memory: the same claims as the SQL one (the contract tests in
 * tests/storage/quiz-post-repository.test.ts run on both): one post per team, channel and local
 * date; a claim left unposted for longer than `staleAfterMs` is taken over by exactly one caller,
 * question kept; `markPosted` and `markRevealed` flip once. Every method runs without awaiting in
 * between, so concurrent callers in one process see the same exactly-once outcomes. For rule
 * tests; not shared between processes.
 */

import { byText, MemoryQuizRecords } from './memory-quiz-records.ts';
import type { ClaimRequest, ClaimResult, QuizPost, QuizPostRepository } from './ports.ts';

/** In-memory quiz posts, over `records` (shared with the response and score repositories). */
export class MemoryQuizPostRepository implements QuizPostRepository {
  constructor(private readonly records: MemoryQuizRecords = new MemoryQuizRecords()) {}

  async claim(r: ClaimRequest): Promise<ClaimResult> {
    const existing = [...this.records.posts.values()].find(
      (p) => p.teamId === r.teamId && p.channelId === r.channelId && p.localDate === r.localDate,
    );
    if (!existing) {
      const post: QuizPost = {
        id: this.records.newPostId(),
        teamId: r.teamId,
        channelId: r.channelId,
        localDate: r.localDate,
        questionId: r.questionId,
        claimedAt: new Date(r.now),
        claimedBy: r.claimedBy,
        messageTs: null,
        postedAt: null,
        revealedAt: null,
      };
      this.records.posts.set(post.id, post);
      return { status: 'claimed', post: structuredClone(post), tookOver: false };
    }
    const cutoff = r.now.getTime() - r.staleAfterMs;
    if (existing.messageTs === null && existing.claimedAt.getTime() < cutoff) {
      existing.claimedAt = new Date(r.now);
      existing.claimedBy = r.claimedBy;
      return { status: 'claimed', post: structuredClone(existing), tookOver: true };
    }
    return { status: 'taken', post: structuredClone(existing) };
  }

  async markPosted(id: number, messageTs: string, now: Date): Promise<boolean> {
    const post = this.records.posts.get(id);
    if (!post || post.messageTs !== null) return false;
    post.messageTs = messageTs;
    post.postedAt = new Date(now);
    return true;
  }

  async get(id: number): Promise<QuizPost | null> {
    const post = this.records.posts.get(id);
    return post ? structuredClone(post) : null;
  }

  async usedQuestionIds(teamId: string, channelId: string): Promise<string[]> {
    return this.#posts((p) => p.teamId === teamId && p.channelId === channelId && p.messageTs !== null)
      .sort((a, b) => byText(a.localDate, b.localDate) || a.id - b.id)
      .map((p) => p.questionId);
  }

  async replaceQuestion(id: number, questionId: string): Promise<boolean> {
    const post = this.records.posts.get(id);
    if (!post || post.messageTs !== null) return false;
    post.questionId = questionId;
    return true;
  }

  async dueForReveal(postedBefore: Date): Promise<QuizPost[]> {
    return this.#posts(
      (p) =>
        p.messageTs !== null &&
        p.revealedAt === null &&
        p.postedAt !== null &&
        p.postedAt.getTime() < postedBefore.getTime(),
    )
      .sort((a, b) => (a.postedAt?.getTime() ?? 0) - (b.postedAt?.getTime() ?? 0) || a.id - b.id)
      .map((p) => structuredClone(p));
  }

  async previousUnrevealed(teamId: string, channelId: string, beforeLocalDate: string): Promise<QuizPost[]> {
    return this.#posts(
      (p) =>
        p.teamId === teamId &&
        p.channelId === channelId &&
        p.localDate < beforeLocalDate &&
        p.messageTs !== null &&
        p.revealedAt === null,
    )
      .sort((a, b) => byText(a.localDate, b.localDate))
      .map((p) => structuredClone(p));
  }

  async markRevealed(id: number, now: Date): Promise<boolean> {
    const post = this.records.posts.get(id);
    if (!post || post.revealedAt !== null) return false;
    post.revealedAt = new Date(now);
    return true;
  }

  #posts(keep: (p: QuizPost) => boolean): QuizPost[] {
    return [...this.records.posts.values()].filter(keep);
  }
}
