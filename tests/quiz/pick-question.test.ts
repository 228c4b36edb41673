import { describe, expect, it } from 'vitest';
import { pickPracticeQuestion, pickQuestion, RECENT_GUARD } from '../../src/quiz/pick-question.ts';
import type { Question } from '../../src/quiz/question.ts';
import { makeBank, makeQuestion } from './quiz-fixtures.ts';

/** Runs the daily pick for `days` days in one channel, starting after `history`; returns the ids asked. */
function simulate(
  bank: readonly Question[],
  channel: string,
  days: number,
  history: string[] = [],
): string[] {
  const used = [...history];
  for (let day = 0; day < days; day++) {
    const q = pickQuestion(bank, used, `T1:${channel}:day-${history.length + day}`);
    if (!q) throw new Error('no question picked');
    used.push(q.id);
  }
  return used.slice(history.length);
}

describe('pickQuestion', () => {
  const bank = makeBank(20);
  const ids = bank.map((q) => q.id);

  it.each([1, 2, 3, 20])('asks every question of a %i-question bank once before repeating any', (size) => {
    const small = makeBank(size);
    const firstCycle = simulate(small, 'C1', size);
    expect([...firstCycle].sort()).toEqual(small.map((q) => q.id));
  });

  it('starts a new full cycle once the bank is exhausted, never repeating within RECENT_GUARD days', () => {
    const first = simulate(bank, 'C1', 20);
    const second = simulate(bank, 'C1', 20, first);
    expect([...second].sort()).toEqual(ids);
    const days = [...first, ...second];
    const tooSoon = days.filter((id, day) => days.slice(Math.max(0, day - RECENT_GUARD), day).includes(id));
    expect(tooSoon).toEqual([]);
  });

  it('never asks the same question two days in a row, even across cycles of a tiny bank', () => {
    const two = makeBank(2);
    const asked = simulate(two, 'C1', 12);
    expect(asked.filter((id, i) => id === asked[i - 1])).toEqual([]);
  });

  it('covers the real-sized bank over two cycles (144 questions, 288 days)', () => {
    const big = makeBank(144);
    const days = simulate(big, 'C9', 288);
    expect(new Set(days.slice(0, 144)).size).toBe(144);
    expect(new Set(days.slice(144)).size).toBe(144);
  });

  it('is deterministic for a seed', () => {
    const used = ['q-03', 'q-11'];
    const picks = Array.from({ length: 5 }, () => pickQuestion(bank, used, 'T1:C1:2025-01-02')?.id);
    expect(new Set(picks).size).toBe(1);
    expect(simulate(bank, 'C1', 20)).toEqual(simulate(bank, 'C1', 20));
  });

  it('gives different channels different orders', () => {
    const orders = ['C1', 'C2', 'C3'].map((channel) => simulate(bank, channel, 20).join(','));
    expect(new Set(orders).size).toBe(3);
  });

  it('ignores ids no longer in the bank and asks questions added mid-cycle', () => {
    const history = ['retired-1', ...ids.slice(0, 19), 'retired-2'];
    expect(pickQuestion(bank, history, 'T1:C1:d')?.id).toBe('q-19');
    const grown = [...bank, makeQuestion('new-one')];
    const rest = simulate(grown, 'C1', 2, history);
    expect([...rest].sort()).toEqual(['new-one', 'q-19']);
  });

  it('returns undefined for an empty bank', () => {
    expect(pickQuestion([], [], 'T1:C1:d')).toBeUndefined();
  });
});

describe('pickPracticeQuestion', () => {
  const bank = [
    makeQuestion('lam-1', {
      topic: 'AWS Lambda',
      source: { file: 'lambda.md', heading: 'AWS Lambda > Pricing' },
    }),
    makeQuestion('lam-2', {
      topic: 'AWS Lambda',
      source: { file: 'lambda.md', heading: 'AWS Lambda > Concurrency' },
    }),
    makeQuestion('net-1', {
      topic: 'Lambda networking and databases',
      source: { file: 'lambda-networking.md', heading: 'Lambda networking and databases > RDS Proxy' },
    }),
    makeQuestion('ddb-1', {
      topic: 'Amazon DynamoDB',
      source: { file: 'dynamodb.md', heading: 'Amazon DynamoDB > Transactions' },
    }),
    makeQuestion('dax-1', {
      topic: 'DynamoDB advanced features',
      source: {
        file: 'dynamodb-advanced.md',
        heading: 'DynamoDB advanced features > DAX (DynamoDB Accelerator)',
      },
    }),
  ];

  it.each([
    { asked: 'lambda.md', matchedBy: 'source-file', from: ['lam-1', 'lam-2'] },
    { asked: 'lambda', matchedBy: 'source-file', from: ['lam-1', 'lam-2'] },
    { asked: 'Lambda networking', matchedBy: 'source-file', from: ['net-1'] },
    { asked: 'DYNAMODB', matchedBy: 'source-file', from: ['ddb-1'] },
    { asked: 'Amazon DynamoDB', matchedBy: 'topic', from: ['ddb-1'] },
    { asked: 'advanced features', matchedBy: 'topic', from: ['dax-1'] },
    { asked: 'Kinesis', matchedBy: 'any', from: ['lam-1', 'lam-2', 'net-1', 'ddb-1', 'dax-1'] },
    { asked: undefined, matchedBy: 'any', from: ['lam-1', 'lam-2', 'net-1', 'ddb-1', 'dax-1'] },
  ])('"$asked" → $matchedBy', ({ asked, matchedBy, from }) => {
    for (const seed of ['u1:1', 'u1:2', 'u2:1']) {
      const pick = pickPracticeQuestion(bank, { topicOrSourceFile: asked, recentIds: [], seed });
      expect(pick?.matchedBy).toBe(matchedBy);
      expect(from).toContain(pick?.question.id);
    }
  });

  it("avoids the person's recent questions while others match", () => {
    for (const seed of ['s1', 's2', 's3', 's4']) {
      const pick = pickPracticeQuestion(bank, { topicOrSourceFile: 'lambda.md', recentIds: ['lam-2'], seed });
      expect(pick?.question.id).toBe('lam-1');
    }
  });

  it('repeats the least recently seen match when every match was recent', () => {
    const recentIds = ['lam-2', 'ddb-1', 'lam-1', 'lam-2'];
    const pick = pickPracticeQuestion(bank, { topicOrSourceFile: 'lambda', recentIds, seed: 's' });
    expect(pick).toEqual({ question: bank[0], matchedBy: 'source-file' });
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const ids = (seed: string) => pickPracticeQuestion(bank, { recentIds: [], seed })?.question.id;
    expect(ids('fixed')).toBe(ids('fixed'));
    const seen = new Set(Array.from({ length: 40 }, (_, i) => ids(`seed-${i}`)));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('returns undefined for an empty bank', () => {
    expect(pickPracticeQuestion([], { recentIds: [], seed: 's' })).toBeUndefined();
  });
});
