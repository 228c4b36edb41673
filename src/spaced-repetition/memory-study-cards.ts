/**
 * {@link StudyCardRepository} in memory: the same behaviour as the SQL one (the contract tests
 * in tests/storage/study-card-repository.test.ts run on both), for rule tests. Not shared
 * between processes.
 */

import { type Grade, type ReviewLog, State } from 'ts-fsrs';
import type { CardRecord, CardReview, ReviewCounts, StudyCard, StudyCardRepository } from './ports.ts';

const key = (teamId: string, userId: string, questionId: string) => [teamId, userId, questionId].join('\0');

const byDue = (a: StudyCard, b: StudyCard) =>
  a.fsrs.due.getTime() - b.fsrs.due.getTime() || (a.questionId < b.questionId ? -1 : 1);

/** In-memory study cards. */
export class MemoryStudyCardRepository implements StudyCardRepository {
  readonly #cards = new Map<string, StudyCard>();
  readonly #log: Array<CardReview & { teamId: string; userId: string; questionId: string }> = [];

  async card(teamId: string, userId: string, questionId: string): Promise<StudyCard | undefined> {
    const c = this.#cards.get(key(teamId, userId, questionId));
    return c && structuredClone(c);
  }

  async save(card: StudyCard, review: CardReview, expectedReps: number): Promise<boolean> {
    const k = key(card.teamId, card.userId, card.questionId);
    const stored = this.#cards.get(k);
    if ((stored?.fsrs.reps ?? 0) !== expectedReps) return false;
    this.#cards.set(k, structuredClone(card));
    this.#log.push({
      ...structuredClone(review),
      teamId: card.teamId,
      userId: card.userId,
      questionId: card.questionId,
    });
    return true;
  }

  async lastAnswer(teamId: string, userId: string, questionId: string): Promise<ReviewLog | undefined> {
    const mine = this.#log.filter(
      (r) =>
        r.teamId === teamId &&
        r.userId === userId &&
        r.questionId === questionId &&
        (r.kind ?? 'answer') === 'answer',
    );
    const last = mine[mine.length - 1];
    return last && structuredClone(last.log);
  }

  async saveEasy(
    card: StudyCard,
    review: CardReview,
    expectedReps: number,
    expectedRating: Grade,
  ): Promise<boolean> {
    const k = key(card.teamId, card.userId, card.questionId);
    const stored = this.#cards.get(k);
    if (!stored || stored.fsrs.reps !== expectedReps || stored.lastRating !== expectedRating) return false;
    this.#cards.set(k, structuredClone(card));
    this.#log.push({
      ...structuredClone(review),
      kind: 'easy',
      teamId: card.teamId,
      userId: card.userId,
      questionId: card.questionId,
    });
    return true;
  }

  #of(teamId: string, userId: string): StudyCard[] {
    return [...this.#cards.values()].filter((c) => c.teamId === teamId && c.userId === userId);
  }

  async due(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]> {
    return this.#of(teamId, userId)
      .filter((c) => c.fsrs.due.getTime() <= now.getTime())
      .sort(byDue)
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  async dueCount(teamId: string, userId: string, now: Date): Promise<number> {
    return this.#of(teamId, userId).filter((c) => c.fsrs.due.getTime() <= now.getTime()).length;
  }

  async upcoming(teamId: string, userId: string, now: Date, limit: number): Promise<StudyCard[]> {
    return this.#of(teamId, userId)
      .filter((c) => c.fsrs.due.getTime() > now.getTime())
      .sort(byDue)
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  async questionIds(teamId: string, userId: string): Promise<Set<string>> {
    return new Set(this.#of(teamId, userId).map((c) => c.questionId));
  }

  async reviewCounts(teamId: string, userId: string, since: Date): Promise<ReviewCounts> {
    const counts: ReviewCounts = { newCards: 0, reviews: 0 };
    for (const r of this.#log) {
      if (r.teamId !== teamId || r.userId !== userId || r.source !== 'review' || r.kind === 'easy') continue;
      if (r.log.review.getTime() < since.getTime()) continue;
      if (r.log.state === State.New) counts.newCards += 1;
      else counts.reviews += 1;
    }
    return counts;
  }

  async records(teamId: string, userId: string): Promise<CardRecord[]> {
    return this.#of(teamId, userId)
      .sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
      .map((c) => ({
        ...structuredClone(c),
        correctAnswers: this.#log.filter(
          (r) =>
            r.teamId === teamId &&
            r.userId === userId &&
            r.questionId === c.questionId &&
            r.log.rating > 1 &&
            r.kind !== 'easy',
        ).length,
      }));
  }
}
