/**
 * Today's plan: due reviews plus new questions from the weakest domain first, paced so every
 * question never answered is seen before the exam date, whatever the days left.
 */

import { describe, expect, it } from 'vitest';
import { domainMastery } from '../../src/exam-readiness/domain-mastery.ts';
import { studyPlan } from '../../src/exam-readiness/study-plan.ts';
import type { CardRecord } from '../../src/spaced-repetition/ports.ts';
import { card, domainBank, NOW } from './readiness-fixtures.ts';

const LIMITS = { newPerDay: 10, reviewsPerDay: 100 };
const BANK = domainBank(25); // 100 questions

describe('study plan', () => {
  it('takes new questions from the weakest domain first, then the next weakest', () => {
    // Secure and resilient well known; performance half; cost never answered: weakest.
    const cards: CardRecord[] = [
      ...BANK.filter((q) => q.domain === 'secure' || q.domain === 'resilient').map((q) =>
        card(q.id, { reps: 2, correct: 2 }),
      ),
      ...BANK.filter((q) => q.domain === 'performance')
        .slice(0, 12)
        .map((q) => card(q.id, { reps: 2, correct: 1 })),
    ];
    const plan = studyPlan({ domains: domainMastery(cards, BANK, NOW), due: 7, daysLeft: 1, limits: LIMITS });
    expect(plan.unseen).toBe(25 + 13);
    expect(plan.paceNeeded).toBe(38);
    expect(plan.newByDomain.map((x) => [x.domain, x.count])).toEqual([
      ['cost', 25],
      ['performance', 13],
    ]);
    expect(plan).toMatchObject({ due: 7, reviewsToday: 7, newToday: 38, newPerDay: 10 });
  });

  it('with nothing known, ties go to the larger exam weight', () => {
    const plan = studyPlan({ domains: domainMastery([], BANK, NOW), due: 0, daysLeft: 50, limits: LIMITS });
    expect(plan.newByDomain).toEqual([{ domain: 'secure', name: 'Design Secure Architectures', count: 2 }]);
  });

  it.each([1, 3, 7, 30, 99, 100, 101, 365])(
    'with %d days left, answering the plan every day sees the whole bank before the exam',
    (days) => {
      const seen = new Map<string, CardRecord>();
      for (let day = 0; day < days; day += 1) {
        const now = new Date(NOW.getTime() + day * 86_400_000);
        const domains = domainMastery([...seen.values()], BANK, now);
        const plan = studyPlan({ domains, due: 0, daysLeft: days - day, limits: LIMITS });
        for (const { domain, count } of plan.newByDomain) {
          const fresh = BANK.filter((q) => q.domain === domain && !seen.has(q.id)).slice(0, count);
          expect(fresh).toHaveLength(count);
          for (const q of fresh) seen.set(q.id, card(q.id, { reps: 1, correct: 1 }));
        }
      }
      expect(seen.size).toBe(BANK.length);
      const examDay = studyPlan({
        domains: domainMastery([...seen.values()], BANK, NOW),
        due: 3,
        daysLeft: 0,
        limits: LIMITS,
      });
      expect(examDay).toMatchObject({ unseen: 0, newToday: 0, paceNeeded: 0, due: 3 });
    },
  );

  it('on the exam day, reviews only; without a date, the daily allowance of new cards', () => {
    const domains = domainMastery([], BANK, NOW);
    expect(studyPlan({ domains, due: 4, daysLeft: 0, limits: LIMITS })).toMatchObject({
      newToday: 0,
      paceNeeded: 0,
      reviewsToday: 4,
    });
    expect(studyPlan({ domains, due: 250, daysLeft: null, limits: LIMITS })).toMatchObject({
      newToday: 10,
      paceNeeded: null,
      due: 250,
      reviewsToday: 100,
    });
  });
});
