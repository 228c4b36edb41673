/**
 * {@link FeedbackRepository} in memory, with the SQL repository's rules (one row per person and
 * answer; a changed rating clears the reason). For rule tests and tools; lost on exit.
 */

import type { AnswerFeedback, FeedbackReason, FeedbackRepository } from './ports.ts';

export class MemoryFeedbackRepository implements FeedbackRepository {
  private readonly rows = new Map<string, AnswerFeedback>();

  private static id(k: { teamId: string; userId: string; answerKey: string }): string {
    return `${k.teamId}\u0000${k.userId}\u0000${k.answerKey}`;
  }

  async rate(
    f: Omit<AnswerFeedback, 'reason' | 'comment' | 'createdAt' | 'updatedAt'>,
    at: Date,
  ): Promise<void> {
    const id = MemoryFeedbackRepository.id(f);
    const old = this.rows.get(id);
    const same = old?.rating === f.rating;
    this.rows.set(id, {
      ...f,
      reason: same ? (old?.reason ?? null) : null,
      comment: same ? (old?.comment ?? '') : '',
      createdAt: old?.createdAt ?? at,
      updatedAt: at,
    });
  }

  async explain(
    key: { teamId: string; userId: string; answerKey: string },
    reason: FeedbackReason,
    comment: string,
    at: Date,
  ): Promise<boolean> {
    const row = this.rows.get(MemoryFeedbackRepository.id(key));
    if (row?.rating !== 'down') return false;
    this.rows.set(MemoryFeedbackRepository.id(key), { ...row, reason, comment, updatedAt: at });
    return true;
  }

  async list(since?: Date): Promise<AnswerFeedback[]> {
    return [...this.rows.values()]
      .filter((r) => !since || r.updatedAt >= since)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  }
}
