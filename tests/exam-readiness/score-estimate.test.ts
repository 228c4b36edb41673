/**
 * Mastery per domain and the score estimate on hand-built cards: more right answers and fresher
 * cards give a higher estimate; few answers give "not enough answers yet", and just past the
 * minimum a wide interval that narrows with more answers; the interval always holds the estimate.
 */

import { describe, expect, it } from 'vitest';
import { cardKnowledge, domainMastery, retrievability } from '../../src/exam-readiness/domain-mastery.ts';
import {
  MIN_ANSWERS,
  PASS_SCORE,
  type ScoreEstimate,
  scaledScore,
  scoreEstimate,
} from '../../src/exam-readiness/score-estimate.ts';
import { card, cardsOnEach, domainBank, NOW } from './readiness-fixtures.ts';

const BANK = domainBank(20);
const estimate = (
  cards: Parameters<typeof domainMastery>[0],
): Extract<ScoreEstimate, { status: 'estimate' }> => {
  const e = scoreEstimate(domainMastery(cards, BANK, NOW));
  if (e.status !== 'estimate') throw new Error(`no estimate: ${JSON.stringify(e)}`);
  return e;
};

describe('domain mastery', () => {
  it('follows the FSRS forgetting curve: 1 just answered, 0.9 after one stability, lower later', () => {
    expect(retrievability(card('q', { reps: 1, correct: 1, stability: 10 }).fsrs, NOW)).toBeCloseTo(1, 5);
    expect(
      retrievability(card('q', { reps: 1, correct: 1, stability: 10, daysAgo: 10 }).fsrs, NOW),
    ).toBeCloseTo(0.9, 2);
    expect(
      retrievability(card('q', { reps: 1, correct: 1, stability: 10, daysAgo: 60 }).fsrs, NOW),
    ).toBeLessThan(0.85);
  });

  it.each([
    ['one right answer', 1, 1, 0.75],
    ['one wrong answer', 1, 0, 0.25],
    ['three right of three', 3, 3, 0.875],
  ])('a fresh card after %s knows %d/%d smoothed', (_name, reps, correct, expected) => {
    expect(cardKnowledge(card('q', { reps, correct }), NOW)).toBeCloseTo(expected, 5);
  });

  it('per domain: questions, seen, accuracy and mastery over the whole domain', () => {
    const cards = [
      card('secure-0', { reps: 2, correct: 2 }),
      card('secure-1', { reps: 2, correct: 0 }),
      card('cost-0', { reps: 1, correct: 1, stability: 10, daysAgo: 10 }),
      card('not-in-bank', { reps: 5, correct: 5 }),
    ];
    const [secure, resilient, , cost] = domainMastery(cards, BANK, NOW);
    expect(secure).toMatchObject({
      domain: 'secure',
      weight: 0.3,
      questions: 20,
      seen: 2,
      answers: 4,
      correct: 2,
    });
    expect(secure?.accuracy).toBe(0.5);
    expect(secure?.mastery).toBeCloseTo((2.5 / 3 + 0.5 / 3) / 20, 5);
    expect(resilient).toMatchObject({ seen: 0, answers: 0, accuracy: null, recall: null, mastery: 0 });
    expect(cost?.recall).toBeCloseTo(0.9, 2);
  });
});

describe('score estimate', () => {
  it(`says "not enough answers" under ${MIN_ANSWERS} answers`, () => {
    const few = cardsOnEach(BANK, 2, { reps: 3, correct: 3 }); // 24 answers
    expect(scoreEstimate(domainMastery(few, BANK, NOW))).toEqual({
      status: 'not-enough',
      answers: 24,
      needed: MIN_ANSWERS,
    });
  });

  it('more right answers give a higher estimate', () => {
    const worse = estimate(cardsOnEach(BANK, 10, { reps: 2, correct: 1 }));
    const better = estimate(cardsOnEach(BANK, 10, { reps: 2, correct: 2 }));
    expect(better.score).toBeGreaterThan(worse.score);
    expect(better.share).toBeGreaterThan(worse.share);
  });

  it('fresher cards give a higher estimate', () => {
    const stale = estimate(cardsOnEach(BANK, 10, { reps: 2, correct: 2, stability: 5, daysAgo: 60 }));
    const fresh = estimate(cardsOnEach(BANK, 10, { reps: 2, correct: 2, stability: 5, daysAgo: 1 }));
    expect(fresh.score).toBeGreaterThan(stale.score);
  });

  it('covering more of the bank gives a higher estimate', () => {
    const some = estimate(cardsOnEach(BANK, 5, { reps: 3, correct: 3 }));
    const all = estimate(cardsOnEach(BANK, 20, { reps: 3, correct: 3 }));
    expect(all.score).toBeGreaterThan(some.score);
  });

  it('the interval is wide with few answers, narrows with more, and always holds the estimate', () => {
    const few = estimate(cardsOnEach(BANK, 8, { reps: 1, correct: 1 })); // 32 answers
    const many = estimate(cardsOnEach(BANK, 20, { reps: 10, correct: 8 })); // 800 answers
    expect(few.high - few.low).toBeGreaterThan(150);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(many.high - many.low).toBeLessThan(80);
    for (const e of [few, many]) {
      expect(e.low).toBeLessThanOrEqual(e.score);
      expect(e.score).toBeLessThanOrEqual(e.high);
      expect(e.shareLow).toBeLessThanOrEqual(e.share);
      expect(e.share).toBeLessThanOrEqual(e.shareHigh);
      expect(e.low).toBeGreaterThanOrEqual(100);
      expect(e.high).toBeLessThanOrEqual(1000);
    }
  });

  it('a learner who knows the whole bank, freshly, is estimated to pass; one who guesses is not', () => {
    expect(estimate(cardsOnEach(BANK, 20, { reps: 3, correct: 3, daysAgo: 1 })).score).toBeGreaterThan(
      PASS_SCORE,
    );
    expect(estimate(cardsOnEach(BANK, 20, { reps: 2, correct: 0 })).score).toBeLessThan(PASS_SCORE);
  });

  it.each([
    [0, 100],
    [0.36, 410],
    [0.72, 720],
    [0.86, 860],
    [1, 1000],
    [1.2, 1000],
  ])('maps share %d right to scaled score %d', (share, score) => {
    expect(scaledScore(share)).toBe(score);
  });
});
