import { describe, expect, it } from 'vitest';
import { ACCURACY_FLOOR, MIN_TEAM_ANSWERS, teamDomainWeights } from '../../src/quiz/team-domain-weights.ts';
import { makeQuestion } from './quiz-fixtures.ts';

const bank = [
  makeQuestion('s1', { domain: 'secure' }),
  makeQuestion('r1', { domain: 'resilient' }),
  makeQuestion('p1', { domain: 'performance' }),
  makeQuestion('c1', { domain: 'cost' }),
  makeQuestion('u1'),
];

describe('teamDomainWeights', () => {
  it('is null (plain pick) below the minimum number of answers', () => {
    expect(
      teamDomainWeights(bank, [{ questionId: 'c1', answered: MIN_TEAM_ANSWERS - 1, correct: 0 }]),
    ).toBeNull();
  });

  it('weighs exam weight × (1 − smoothed accuracy + floor): missed domains up, unanswered at 0.5', () => {
    const w = teamDomainWeights(bank, [
      { questionId: 'c1', answered: 18, correct: 0 },
      { questionId: 's1', answered: 18, correct: 18 },
      { questionId: 'gone', answered: 100, correct: 0 }, // no longer in the bank: ignored
    ]);
    expect(w?.get('cost')).toBeCloseTo(0.2 * (1 - 1 / 20 + ACCURACY_FLOOR));
    expect(w?.get('secure')).toBeCloseTo(0.3 * (1 - 19 / 20 + ACCURACY_FLOOR));
    expect(w?.get('resilient')).toBeCloseTo(0.26 * (0.5 + ACCURACY_FLOOR));
    expect(w?.get('untagged')).toBeCloseTo(0.25 * (0.5 + ACCURACY_FLOOR));
    for (const value of w?.values() ?? []) expect(value).toBeGreaterThan(0);
  });
});
