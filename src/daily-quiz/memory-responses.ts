/**
 * {@link ResponseRepository} in memory: the same rules as the SQL one (the contract tests in
 * tests/storage/response-repository.test.ts run on both): one daily response per person per quiz
 * (later clicks get the first back, as the (quiz_id, user_id) key gives them), practice responses
 * appended, counts per quiz and per question. Stores each daily response with its post's channel
 * and its delay after the post, as SQL does, for scores/memory-scores.ts. For rule tests; not
 * shared between processes.
 */

import type { QuestionResult } from '../quiz/team-domain-weights.ts';
import { byText, MemoryQuizRecords } from './memory-quiz-records.ts';
import type { PracticeResponse, QuizResponse, QuizStats, RecordResult, ResponseRepository } from './ports.ts';

/** In-memory responses, over `records` (shared with the quiz-post and score repositories). */
export class MemoryResponseRepository implements ResponseRepository {
  constructor(private readonly records: MemoryQuizRecords = new MemoryQuizRecords()) {}

  /** @throws Error when quiz `quizId` does not exist (SQL stores nothing and throws too). */
  async recordDaily(r: QuizResponse): Promise<RecordResult> {
    const existing = this.records.responses.find((s) => s.quizId === r.quizId && s.userId === r.userId);
    if (existing)
      return { status: 'duplicate', existing: { choice: existing.choice, correct: existing.correct } };
    const post = this.records.posts.get(r.quizId);
    if (!post)
      throw new Error(`quiz_answers: quiz ${r.quizId} of the response of ${r.userId} does not exist`);
    const since = post.postedAt ?? post.claimedAt;
    this.records.responses.push({
      ...structuredClone(r),
      channelId: post.channelId,
      delayMs: r.answeredAt.getTime() - since.getTime(),
    });
    return { status: 'recorded' };
  }

  async quizStats(quizId: number): Promise<QuizStats> {
    const stats: QuizStats = { answered: 0, correct: 0, byChoice: {} };
    const mine = this.records.responses.filter((r) => r.quizId === quizId);
    for (const r of mine.sort((a, b) => byText(a.choice, b.choice))) {
      stats.answered += 1;
      if (r.correct) stats.correct += 1;
      stats.byChoice[r.choice] = (stats.byChoice[r.choice] ?? 0) + 1;
    }
    return stats;
  }

  async recordPractice(r: PracticeResponse): Promise<void> {
    this.records.practice.push({ ...structuredClone(r), id: this.records.newPracticeId() });
  }

  async recentPracticeIds(teamId: string, userId: string, limit: number): Promise<string[]> {
    return this.records.practice
      .filter((r) => r.teamId === teamId && r.userId === userId)
      .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime() || b.id - a.id)
      .slice(0, limit)
      .map((r) => r.questionId);
  }

  async questionResults(teamId: string, since: Date, until: Date): Promise<QuestionResult[]> {
    const inWindow = (r: { teamId: string; answeredAt: Date }) =>
      r.teamId === teamId &&
      r.answeredAt.getTime() >= since.getTime() &&
      r.answeredAt.getTime() < until.getTime();
    const results = new Map<string, QuestionResult>();
    const add = (questionId: string, correct: boolean) => {
      const q = results.get(questionId) ?? { questionId, answered: 0, correct: 0 };
      q.answered += 1;
      if (correct) q.correct += 1;
      results.set(questionId, q);
    };
    for (const r of this.records.responses.filter(inWindow)) {
      const post = this.records.posts.get(r.quizId);
      if (post) add(post.questionId, r.correct);
    }
    for (const r of this.records.practice.filter(inWindow)) add(r.questionId, r.correct);
    return [...results.values()].sort((a, b) => byText(a.questionId, b.questionId));
  }
}
