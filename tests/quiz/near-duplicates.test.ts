import { describe, expect, it } from 'vitest';
import { nearDuplicates } from '../../src/quiz/near-duplicates.ts';
import { makeQuestion } from './quiz-fixtures.ts';

const option = (text: string) => [
  { key: 'A' as const, text: 'something else' },
  { key: 'B' as const, text },
  { key: 'C' as const, text: 'a third thing' },
];

describe('nearDuplicates', () => {
  it('finds a reworded copy: same stem words and the same right option', () => {
    const a = makeQuestion('a', {
      question: 'How long can one AWS Lambda invocation run at most?',
      options: option('15 minutes'),
    });
    const b = makeQuestion('b', {
      question: 'At most, how long can a single AWS Lambda invocation run?',
      options: option('15 minutes'),
    });
    const [pair] = nearDuplicates([a, b]);
    expect(pair).toMatchObject({ a: 'a', b: 'b' });
    expect(pair?.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('lets the same fact be asked from another angle', () => {
    const a = makeQuestion('a', {
      question: 'How long can one AWS Lambda invocation run at most?',
      options: option('15 minutes'),
      keyFacts: ['at most 15 minutes'],
    });
    const b = makeQuestion('b', {
      question:
        'A nightly report needs 40 minutes of compute. Which service should run it instead of Lambda?',
      options: option('AWS Batch on Fargate'),
      keyFacts: ['at most 15 minutes'],
    });
    expect(nearDuplicates([a, b])).toEqual([]);
  });

  it('flags two questions on the same key fact asked in much the same words', () => {
    const a = makeQuestion('a', {
      question: 'Which DynamoDB feature caches reads with microsecond latency?',
      options: option('DynamoDB Accelerator (DAX)'),
      keyFacts: ['microsecond latency'],
    });
    const b = makeQuestion('b', {
      question: 'A game needs microsecond latency for DynamoDB reads. Which feature gives it?',
      options: option('DAX, the in-memory cache'),
      keyFacts: ['Microsecond  latency'],
    });
    expect(nearDuplicates([a, b])).toEqual([
      expect.objectContaining({ a: 'a', b: 'b', sharedFact: 'microsecond latency' }),
    ]);
  });

  it('checks drafts against the existing bank too', () => {
    const bank = makeQuestion('bank', {
      question: 'What is the maximum SQS message size?',
      options: option('256 KB'),
    });
    const draft = makeQuestion('draft', {
      question: 'What is the SQS maximum message size?',
      options: option('256 KB'),
    });
    expect(nearDuplicates([draft], [bank]).map((d) => [d.a, d.b])).toEqual([['draft', 'bank']]);
  });
});
