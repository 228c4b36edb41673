/**
 * {@link ScoreRepository} in memory, over the daily quiz's in-memory rows
 * (daily-quiz/memory-quiz-records.ts): the same reads as the SQL one (the contract tests in
 * tests/storage/score-repository.test.ts run on both). Standings are computed from the responses
 * on every call, all time as for a period: the SQL one's trigger-kept totals are a speed-up that
 * must give the same rows (tests/storage/score-totals.test.ts). For rule tests; not shared between
 * processes.
 */

import { byText, type MemoryQuizRecords } from '../daily-quiz/memory-quiz-records.ts';
import type { AnsweredQuestion, QuizDay, ScoreRepository, Standing, StandingsQuery } from './ports.ts';

/** How many quiz days `quizDays` returns at most, the latest ones (as the SQL read). */
const QUIZ_DAYS_LIMIT = 400;

/** In-memory score reads. */
export class MemoryScoreRepository implements ScoreRepository {
  constructor(private readonly records: MemoryQuizRecords) {}

  async standings(q: StandingsQuery): Promise<Standing[]> {
    const people = new Map<string, { points: number; answered: number; correct: number; delaySum: number }>();
    for (const r of this.records.responses) {
      if (r.teamId !== q.teamId) continue;
      if (q.channelId !== undefined && r.channelId !== q.channelId) continue;
      if (q.since && r.answeredAt.getTime() < q.since.getTime()) continue;
      if (q.until && r.answeredAt.getTime() >= q.until.getTime()) continue;
      const p = people.get(r.userId) ?? { points: 0, answered: 0, correct: 0, delaySum: 0 };
      p.points += r.points;
      p.answered += 1;
      if (r.correct) p.correct += 1;
      p.delaySum += r.delayMs;
      people.set(r.userId, p);
    }
    const ranked = [...people.entries()]
      .map(([userId, p]) => ({
        userId,
        points: p.points,
        answered: p.answered,
        correct: p.correct,
        meanDelayMs: p.delaySum / p.answered,
      }))
      .sort((a, b) => b.points - a.points || a.meanDelayMs - b.meanDelayMs || byText(a.userId, b.userId))
      .map((s, i, all): Standing => ({ ...s, rank: i + 1, total: all.length }));
    return ranked.filter((s) => q.limit === undefined || s.rank <= q.limit || s.userId === q.userId);
  }

  async quizDays(teamId: string, userId: string): Promise<QuizDay[]> {
    const mine = this.records.responses.filter((r) => r.teamId === teamId && r.userId === userId);
    const channels = new Set(mine.map((r) => r.channelId));
    return [...this.records.posts.values()]
      .filter((p) => p.teamId === teamId && p.postedAt !== null && channels.has(p.channelId))
      .sort((a, b) => (a.postedAt?.getTime() ?? 0) - (b.postedAt?.getTime() ?? 0) || a.id - b.id)
      .slice(-QUIZ_DAYS_LIMIT)
      .map((p) => ({
        postedAt: new Date(p.postedAt ?? 0),
        correct:
          this.records.responses.find((r) => r.quizId === p.id && r.userId === userId)?.correct ?? null,
        revealed: p.revealedAt !== null,
      }));
  }

  async answeredQuestions(teamId: string, userId: string): Promise<AnsweredQuestion[]> {
    const daily = this.records.responses.flatMap((r) => {
      const post = this.records.posts.get(r.quizId);
      return r.teamId === teamId && r.userId === userId && post
        ? [{ questionId: post.questionId, correct: r.correct }]
        : [];
    });
    const practice = this.records.practice
      .filter((r) => r.teamId === teamId && r.userId === userId)
      .map((r) => ({ questionId: r.questionId, correct: r.correct }));
    return [...daily, ...practice];
  }

  async teamIds(): Promise<string[]> {
    return [...new Set([...this.records.posts.values()].map((p) => p.teamId))].sort(byText);
  }
}
