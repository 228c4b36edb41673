/**
 * 60 simulated days of `/saa review` with an injected clock (issue 12, "done when"): a person
 * reviews every card shown, gets one card wrong once, and takes two weeks off. Every card lands
 * exactly where ts-fsrs itself schedules it (a shadow scheduler fed the same answers); a card's
 * intervals grow while it is answered right and fall back to minutes when it is missed; no day
 * shows more new cards or reviews than the limits; and with nothing due, review ahead offers the
 * card due soonest.
 */

import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/quiz/question.ts';
import { answerReview } from '../../src/spaced-repetition/answer-review.ts';
import { SCHEDULER_PARAMETERS } from '../../src/spaced-repetition/fsrs-scheduler.ts';
import { MemoryStudyCardRepository } from '../../src/spaced-repetition/memory-study-cards.ts';
import { nextReview } from '../../src/spaced-repetition/next-review.ts';
import type { ReviewContext } from '../../src/spaced-repetition/review-context.ts';
import { TestClock } from '../helpers/test-clock.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const LIMITS = { newPerDay: 3, reviewsPerDay: 5 };
const bank: Question[] = Array.from({ length: 40 }, (_, i) =>
  makeQuestion(`q-${String(i).padStart(2, '0')}`),
);
const VACATION = { from: 30, to: 44 }; // days off, inclusive
const ME = { teamId: 'T1', userId: 'U1' };

interface Answered {
  day: number;
  at: Date;
  questionId: string;
  kind: 'due' | 'new' | 'ahead';
  correct: boolean;
  rating: Grade;
  stateBefore: State;
  due: Date;
}

function context(clock: TestClock): ReviewContext {
  return {
    bank: () => bank,
    cards: new MemoryStudyCardRepository(),
    ready: () => Promise.resolve(),
    clock: clock.now,
    reviewLimits: LIMITS,
    defaults: { cron: '0 9 * * *', timeZone: 'UTC' },
  };
}

/** Runs the simulation; `wrongOnce` is missed on its fourth answer. */
async function simulate() {
  const clock = new TestClock('2026-03-02T09:00:00Z');
  const ctx = context(clock);
  const shadowScheduler = fsrs(SCHEDULER_PARAMETERS);
  const shadow = new Map<string, { card: Card; last: Grade }>();
  const answered: Answered[] = [];
  const endOfDay: string[] = [];
  let wrongOnce: string | undefined;
  for (let day = 0; day < 60; day++) {
    clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + day * DAY));
    if (day >= VACATION.from && day <= VACATION.to) continue;
    for (let step = 0; step < 100; step++) {
      const next = await nextReview(ctx, ME);
      if (next.status !== 'card') {
        endOfDay[day] = next.status;
        break;
      }
      wrongOnce ??= next.question.id;
      const correct = !(next.question.id === wrongOnce && next.reps === 3);
      const choice = correct ? 'B' : 'A';
      const at = clock.now();
      const outcome = await answerReview(ctx, {
        ...ME,
        questionId: next.question.id,
        choice,
        reps: next.reps,
      });
      if (outcome.status !== 'recorded') throw new Error(`expected a recorded answer, got ${outcome.status}`);
      // What ts-fsrs itself makes of the same answer.
      const before = shadow.get(next.question.id);
      const rating: Grade = !correct
        ? Rating.Again
        : before?.last === Rating.Again
          ? Rating.Hard
          : Rating.Good;
      const expected = shadowScheduler.next(before?.card ?? createEmptyCard(at), at, rating);
      shadow.set(next.question.id, { card: expected.card, last: rating });
      expect(outcome.card.fsrs).toEqual(expected.card);
      answered.push({
        day,
        at,
        questionId: next.question.id,
        kind: next.kind,
        correct,
        rating,
        stateBefore: before?.card.state ?? State.New,
        due: outcome.card.fsrs.due,
      });
      clock.advance(MINUTE);
    }
  }
  return { answered, endOfDay, wrongOnce: wrongOnce as string, ctx, clock };
}

describe('60 days of reviews', () => {
  it('schedules every answer as ts-fsrs does: intervals grow while right, reset when missed', async () => {
    const { answered, wrongOnce } = await simulate();
    const card = answered.filter((a) => a.questionId === wrongOnce);
    const intervals = card.map((a) => a.due.getTime() - a.at.getTime());
    expect(card.map((a) => a.rating).slice(0, 5)).toEqual([
      Rating.Good,
      Rating.Good,
      Rating.Good,
      Rating.Again,
      Rating.Hard,
    ]);
    // Right answers in review: each interval at least a day and longer than the one before.
    const [first, second, third, missed] = intervals as [number, number, number, number];
    expect(first).toBeLessThan(DAY); // the learning step
    expect(second).toBeGreaterThanOrEqual(DAY);
    expect(third).toBeGreaterThan(second);
    // Missed: back to a relearning step of minutes.
    expect(missed).toBeLessThan(DAY);
    expect(card[3]?.stateBefore).toBe(State.Review);
    // After the miss, right answers grow the interval again.
    const after = intervals.slice(5);
    expect(after.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < after.length; i++) expect(after[i]).toBeGreaterThan(after[i - 1] as number);

    // Every other card is answered right each time: its interval grows at every review.
    const others = new Map<string, number[]>();
    for (const a of answered) {
      if (a.questionId === wrongOnce || a.stateBefore !== State.Review) continue;
      others.set(a.questionId, [...(others.get(a.questionId) ?? []), a.due.getTime() - a.at.getTime()]);
    }
    expect(others.size).toBeGreaterThan(5);
    for (const series of others.values())
      for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThan(series[i - 1] as number);
  });

  it('never shows more than the daily limits, and stops at the review limit after time off', async () => {
    const { answered, endOfDay } = await simulate();
    const perDay = new Map<number, { fresh: number; reviews: number }>();
    for (const a of answered) {
      const c = perDay.get(a.day) ?? { fresh: 0, reviews: 0 };
      if (a.stateBefore === State.New) c.fresh += 1;
      else c.reviews += 1;
      perDay.set(a.day, c);
    }
    for (const c of perDay.values()) {
      expect(c.fresh).toBeLessThanOrEqual(LIMITS.newPerDay);
      expect(c.reviews).toBeLessThanOrEqual(LIMITS.reviewsPerDay);
    }
    // Back from two weeks off: a backlog, of which exactly the day's reviews are shown.
    expect(perDay.get(VACATION.to + 1)?.reviews).toBe(LIMITS.reviewsPerDay);
    expect(endOfDay[VACATION.to + 1]).toBe('limit');
    // New cards come in every active day until the limit.
    expect(perDay.get(0)?.fresh).toBe(LIMITS.newPerDay);
  });

  it('with nothing due, review ahead shows the card due soonest and moves it', async () => {
    const clock = new TestClock('2026-03-02T09:00:00Z');
    const ctx = { ...context(clock), reviewLimits: { newPerDay: 1, reviewsPerDay: 5 } };
    const first = await nextReview(ctx, ME);
    if (first.status !== 'card') throw new Error('expected a new card');
    await answerReview(ctx, { ...ME, questionId: first.question.id, choice: 'B', reps: 0 });
    const nothing = await nextReview(ctx, ME);
    const due = (await ctx.cards?.card('T1', 'U1', first.question.id))?.fsrs.due;
    expect(nothing).toEqual({ status: 'nothing-due', nextDue: due });

    const ahead = await nextReview(ctx, { ...ME, ahead: true });
    expect(ahead).toMatchObject({
      status: 'card',
      kind: 'ahead',
      reps: 1,
      question: { id: first.question.id },
    });
    const outcome = await answerReview(ctx, { ...ME, questionId: first.question.id, choice: 'B', reps: 1 });
    expect(outcome.status).toBe('recorded');
    // The same button again (a double click): the card does not move twice.
    const again = await answerReview(ctx, { ...ME, questionId: first.question.id, choice: 'B', reps: 1 });
    expect(again.status).toBe('stale');
    expect((await ctx.cards?.card('T1', 'U1', first.question.id))?.fsrs.reps).toBe(2);
  });
});
