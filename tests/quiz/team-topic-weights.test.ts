/**
 * The daily pick leans toward the topic a team keeps missing (issue 12, item 5), and a topic it
 * always gets right still comes up; with no topic weights the topics come up evenly.
 */

import { describe, expect, it } from 'vitest';
import { pickQuestion } from '../../src/quiz/pick-question.ts';
import { teamTopicWeights } from '../../src/quiz/team-topic-weights.ts';
import { makeQuestion } from './quiz-fixtures.ts';

const bank = [
  ...Array.from({ length: 10 }, (_, i) =>
    makeQuestion(`nat-${i}`, { topic: 'NAT gateways', domain: 'cost' }),
  ),
  ...Array.from({ length: 10 }, (_, i) =>
    makeQuestion(`ri-${i}`, { topic: 'Reserved Instances', domain: 'cost' }),
  ),
];
const results = bank.map((q) => ({
  questionId: q.id,
  answered: 2,
  correct: q.topic === 'NAT gateways' ? 0 : 2,
}));

function share(topics: ReturnType<typeof teamTopicWeights> | null): number {
  let nat = 0;
  for (let day = 0; day < 400; day++) {
    if (pickQuestion(bank, [], `T1:C1:day-${day}`, null, topics)?.topic === 'NAT gateways') nat++;
  }
  return nat / 400;
}

describe('topic weights in the daily pick', () => {
  it('weighs a missed topic up and keeps a floor for a mastered one', () => {
    const weights = teamTopicWeights(bank, results);
    expect(weights.get('NAT gateways')).toBeCloseTo(1 - 1 / 22 + 0.2, 6);
    expect(weights.get('Reserved Instances')).toBeCloseTo(1 - 21 / 22 + 0.2, 6);
  });

  it('picks the missed topic far more often than its half of the bank, the other still comes up', () => {
    const missed = share(teamTopicWeights(bank, results));
    expect(missed).toBeGreaterThan(0.7);
    expect(missed).toBeLessThan(0.95);
    expect(share(null)).toBeGreaterThan(0.35);
    expect(share(null)).toBeLessThan(0.65);
  });

  it('stays one question per channel and day', () => {
    const topics = teamTopicWeights(bank, results);
    expect(pickQuestion(bank, [], 'T1:C1:2026-12-07', null, topics)?.id).toBe(
      pickQuestion(bank, [], 'T1:C1:2026-12-07', null, topics)?.id,
    );
  });
});
