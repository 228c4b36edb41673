import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { isDuplicate } from '../../src/answer/select-pieces.ts';
import type { SearchIndex } from '../../src/retrieval/search-index.ts';
import { noteIndex } from '../helpers/note-index.ts';

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

/** An index over one Markdown note. */
function indexOf(markdown: string): SearchIndex {
  return noteIndex('ec2.md', markdown);
}

/** A long bullet (over SENTENCE_SPLIT_CHARS, so quoted by the sentence) ending with `tail`. */
const hibernation = (tail: string) =>
  [
    '# EC2',
    '## Hibernation',
    `- Enable hibernation at launch: you cannot enable it later on an existing instance, running or stopped. The root volume must be encrypted and large enough to hold the memory, and the instance type must support it, as the prerequisites page lists in detail. ${tail}`,
    '- An instance cannot stay hibernated for more than 60 days',
  ].join('\n');

describe('sentences quoted from a long line', () => {
  it('quote a sentence that opens with a pronoun after the one it refers to ("It" is the feature)', () => {
    const index = indexOf(
      hibernation(
        'Purchasing options: the feature works for On-Demand and Reserved Instances. It is not available for Spot Instances.',
      ),
    );
    expect(composeAnswer('can you hibernate a spot instance', index).text).toContain(
      'Purchasing options: the feature works for On-Demand and Reserved Instances. It is not available for Spot Instances.',
    );
  });

  it('keep the order of the note, whatever their scores', () => {
    const index = indexOf(
      hibernation(
        'Purchasing options: hibernation works for On-Demand and Reserved Instances. It is not available for Spot Instances.',
      ),
    );
    const text = composeAnswer('can you hibernate a spot instance', index).text;
    expect(text).toContain('Enable hibernation at launch');
    expect(text).toContain('It is not available for Spot Instances.');
    expect(text.indexOf('Enable hibernation at launch')).toBeLessThan(text.indexOf('It is not available'));
  });
});
