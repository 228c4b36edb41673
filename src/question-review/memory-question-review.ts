/**
 * {@link QuestionReviewRepository} in memory: the same behaviour as the SQL one (the contract
 * tests in tests/question-review/question-review-repository.test.ts run on both), for rule tests
 * and the console. Not shared between processes.
 */

import type { Question } from '../quiz/question.ts';
import {
  type DraftMethod,
  type QuestionReport,
  type QuestionReviewRepository,
  SUSPEND_AFTER_REPORTS,
  type TeamQuestion,
  type TeamQuestionStatus,
} from './ports.ts';

/** In-memory question review. */
export class MemoryQuestionReviewRepository implements QuestionReviewRepository {
  readonly #questions = new Map<string, TeamQuestion>();
  /** key `team\0question\0user` → report, with `resolvedAt` once reviewed. */
  readonly #reports = new Map<string, QuestionReport & { resolvedAt: Date | null }>();

  async addDrafts(
    drafts: readonly { question: Question; teamId: string; method: DraftMethod }[],
    at: Date,
  ): Promise<string[]> {
    const added: string[] = [];
    for (const d of drafts) {
      if (this.#questions.has(d.question.id)) continue;
      this.#questions.set(d.question.id, {
        question: structuredClone(d.question),
        teamId: d.teamId,
        status: 'draft',
        method: d.method,
        createdAt: at,
        reviewedAt: null,
      });
      added.push(d.question.id);
    }
    return added;
  }

  async teamQuestions(status?: TeamQuestionStatus): Promise<TeamQuestion[]> {
    return [...this.#questions.values()]
      .filter((q) => status === undefined || q.status === status)
      .sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.question.id < b.question.id ? -1 : 1),
      )
      .map((q) => structuredClone(q));
  }

  async teamQuestion(id: string): Promise<TeamQuestion | undefined> {
    const q = this.#questions.get(id);
    return q && structuredClone(q);
  }

  async approvedFor(teamId: string): Promise<Question[]> {
    return [...this.#questions.values()]
      .filter((q) => q.status === 'approved' && (q.teamId === '' || q.teamId === teamId))
      .map((q) => structuredClone(q.question))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async setStatus(ids: readonly string[], status: TeamQuestionStatus, at: Date): Promise<string[]> {
    const found: string[] = [];
    for (const id of ids) {
      const q = this.#questions.get(id);
      if (!q) continue;
      q.status = status;
      q.reviewedAt = at;
      found.push(id);
    }
    return found;
  }

  async report(r: QuestionReport): Promise<void> {
    this.#reports.set([r.teamId, r.questionId, r.userId].join('\0'), { ...r, resolvedAt: null });
  }

  async openReports(teamId?: string): Promise<QuestionReport[]> {
    return [...this.#reports.values()]
      .filter((r) => r.resolvedAt === null && (teamId === undefined || r.teamId === teamId))
      .sort(
        (a, b) =>
          a.reportedAt.getTime() - b.reportedAt.getTime() ||
          a.questionId.localeCompare(b.questionId) ||
          a.userId.localeCompare(b.userId),
      )
      .map(({ resolvedAt: _, ...r }) => r);
  }

  async suspendedIds(teamId: string): Promise<Set<string>> {
    const people = new Map<string, number>();
    for (const r of this.#reports.values()) {
      if (r.teamId === teamId && r.resolvedAt === null)
        people.set(r.questionId, (people.get(r.questionId) ?? 0) + 1);
    }
    return new Set([...people].filter(([, n]) => n >= SUSPEND_AFTER_REPORTS).map(([id]) => id));
  }

  async resolveReports(ids: readonly string[], at: Date): Promise<string[]> {
    const resolved = new Set<string>();
    for (const r of this.#reports.values()) {
      if (r.resolvedAt === null && ids.includes(r.questionId)) {
        r.resolvedAt = at;
        resolved.add(r.questionId);
      }
    }
    return [...resolved];
  }
}
