/** The practice hint for "Quiz me on this": a cited file, else the nearest bank topic, else none. */

import { describe, expect, it } from 'vitest';
import { quizMeHint } from '../../src/quiz/quiz-me-hint.ts';
import { makeQuestion } from './quiz-fixtures.ts';

describe('quizMeHint', () => {
  const bank = [
    makeQuestion('l', { topic: 'AWS Lambda', source: { file: 'lambda.md', heading: 'AWS Lambda > Limits' } }),
    makeQuestion('e', {
      topic: 'CloudFront Functions and Lambda@Edge',
      source: { file: 'edge-functions.md', heading: 'Edge functions' },
    }),
    makeQuestion('d', {
      topic: 'DynamoDB advanced features',
      source: { file: 'dynamodb-advanced.md', heading: 'DynamoDB advanced features > DAX' },
    }),
    makeQuestion('g', {
      topic: 'Amazon DynamoDB',
      source: { file: 'dynamodb.md', heading: 'Amazon DynamoDB' },
    }),
  ];

  it.each([
    ['the file, when a question cites it', 'dynamodb.md', 'Amazon DynamoDB > Keys', 'dynamodb.md'],
    [
      'the topic sharing most words',
      '003_x.txt',
      'DynamoDB advanced features > DAX',
      'DynamoDB advanced features',
    ],
    ['on a tie, the topic most of whose words match', 'notes.txt', 'Lambda > Limits', 'AWS Lambda'],
    ['the file name counts as words', 'amazon-dynamodb.org', 'Keys', 'Amazon DynamoDB'],
    ['nothing, when no topic is near', 'notes.txt', 'Kubernetes > Ingress', undefined],
  ])('%s', (_name, file, heading, hint) => {
    expect(quizMeHint(bank, { file, heading })).toBe(hint);
  });
});
