import { describe, expect, it } from 'vitest';
import { isDuplicate } from '../../src/answer/select-pieces.ts';

describe('isDuplicate', () => {
  it.each<[string, string, boolean]>([
    ['Lambda can run for up to 15 minutes', 'Lambda runs for up to 15 minutes', true],
    ['SQS keeps messages for up to 14 days', 'Retention up to 14 days in SQS', true],
    // Vocabulary tokens (NACL, security group) do not dilute what a line adds: "stateless, opposite".
    [
      'NACL are always evaluated before security groups',
      'NACL are stateless (opposite of Security Groups)',
      false,
    ],
    ['SNS pushes to subscribers', 'SQS consumers poll for messages', false],
  ])('%j then %j: duplicate %s', (a, b, duplicate) => {
    expect(isDuplicate(a, b)).toBe(duplicate);
  });
});
