/**
 * Hand-built inputs for readiness tests: a bank of `n` questions per exam domain, and FSRS cards
 * with a chosen answer count, right answers, stability and days since the last answer.
 */

import { type Card, State } from 'ts-fsrs';
import { EXAM_DOMAINS } from '../../src/quiz/exam-guide.ts';
import type { Question } from '../../src/quiz/question.ts';
import type { CardRecord } from '../../src/spaced-repetition/ports.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

export const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

/** `n` questions in each of the four domains: ids `secure-0`, `resilient-3`, … */
export function domainBank(n: number): Question[] {
  return EXAM_DOMAINS.flatMap((d) =>
    Array.from({ length: n }, (_, i) => makeQuestion(`${d.domain}-${i}`, { domain: d.domain })),
  );
}

/** A card in Review state answered `reps` times (`correct` of them right), last `daysAgo` days before NOW. */
export function card(
  questionId: string,
  o: { reps: number; correct: number; stability?: number; daysAgo?: number; dueInDays?: number },
): CardRecord {
  const last = new Date(NOW.getTime() - (o.daysAgo ?? 0) * DAY);
  const fsrs: Card = {
    due: new Date(NOW.getTime() + (o.dueInDays ?? 5) * DAY),
    stability: o.stability ?? 10,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 5,
    learning_steps: 0,
    reps: o.reps,
    lapses: o.reps - o.correct,
    state: State.Review,
    last_review: last,
  };
  return {
    teamId: 'T1',
    userId: 'U1',
    questionId,
    fsrs,
    lastRating: o.correct === o.reps ? 3 : 1,
    correctAnswers: o.correct,
  };
}

/** Cards on the first `k` questions of every domain of `bank`, all alike. */
export function cardsOnEach(
  bank: readonly Question[],
  k: number,
  o: Parameters<typeof card>[1],
): CardRecord[] {
  return EXAM_DOMAINS.flatMap((d) =>
    bank
      .filter((q) => q.domain === d.domain)
      .slice(0, k)
      .map((q) => card(q.id, o)),
  );
}
