import { describe, expect, it } from 'vitest';
import { citationProblems, keyFactSupport, normalizePhrase } from '../../src/quiz/citation-check.ts';
import type { Question } from '../../src/quiz/question.ts';

const SECTION = [
  'A single invocation can run for at most 15 minutes (900 seconds).',
  'Memory: 128 MB to 10,240 MB; CPU grows with memory.',
  'The */tmp* directory holds up to 10 GB.',
].join('\n');

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'q',
    topic: 'AWS Lambda',
    difficulty: 'easy',
    question: 'A nightly job needs 40 minutes of compute. Why is AWS Lambda alone a poor fit?',
    options: [
      { key: 'A', text: 'Lambda functions cannot be scheduled' },
      { key: 'B', text: 'One invocation runs for at most 15 minutes' },
      { key: 'C', text: 'Lambda cannot write to Amazon S3' },
      { key: 'D', text: 'Lambda memory stops at 512 MB' },
    ],
    correctKeys: ['B'],
    explanation: '…',
    whyWrong: {},
    source: { file: 'lambda.md', heading: 'AWS Lambda > Limits' },
    bankFile: 'lambda.yaml',
    services: ['AWS Lambda'],
    keyFacts: ['at most 15 minutes'],
    ...overrides,
  };
}

describe('citationProblems', () => {
  it('accepts a question whose key fact is in the section and only the right option states it', () => {
    expect(citationProblems(question(), SECTION)).toEqual([]);
  });

  it('ignores case, spacing, curly quotes, dashes and Markdown emphasis when finding a key fact', () => {
    expect(normalizePhrase('The  *“/tmp”*  directory — 10 GB')).toBe('the "/tmp" directory - 10 gb');
    expect(
      citationProblems(question({ keyFacts: ['AT MOST  15 minutes', 'the /tmp directory'] }), SECTION),
    ).toEqual([]);
  });

  it('reports a key fact the cited section does not contain', () => {
    expect(citationProblems(question({ keyFacts: ['at most 30 minutes'] }), SECTION)).toContain(
      'key fact "at most 30 minutes" is not in the cited section',
    );
  });

  it('reports a question without key facts', () => {
    expect(citationProblems(question({ keyFacts: [] }), SECTION)).toEqual(['names no key facts']);
  });

  it('reports a wrong option that matches the key fact as well as the answer', () => {
    const q = question({
      options: [
        { key: 'A', text: 'It stops after at most 15 minutes of waiting in a queue' },
        { key: 'B', text: 'One invocation runs for at most 15 minutes' },
        { key: 'C', text: 'Lambda cannot write to Amazon S3' },
        { key: 'D', text: 'Lambda memory stops at 512 MB' },
      ],
    });
    expect(citationProblems(q, SECTION)).toEqual([
      "wrong option A matches the key facts as well as the answer (100 % vs 100 % of a fact's terms)",
    ]);
  });

  it('reports a right option that states none of the key facts', () => {
    const q = question({ keyFacts: ['128 MB to 10,240 MB'] });
    expect(citationProblems(q, SECTION)).toContain('right option B states none of the key facts');
  });

  it('needs each right option of a multiple-response question to state a key fact', () => {
    const q = question({
      question: 'Which TWO limits apply to one AWS Lambda invocation? (Select TWO.)',
      options: [
        { key: 'A', text: 'It runs for at most 15 minutes' },
        { key: 'B', text: 'It has 2 GB of /tmp' },
        { key: 'C', text: 'Its /tmp directory holds up to 10 GB' },
        { key: 'D', text: 'It runs in one Availability Zone only' },
        { key: 'E', text: 'It needs a NAT gateway' },
      ],
      correctKeys: ['A', 'C'],
      keyFacts: ['at most 15 minutes', 'holds up to 10 GB'],
    });
    expect(citationProblems(q, SECTION)).toEqual([]);
    expect(keyFactSupport(q).get('B')).toBeLessThan(keyFactSupport(q).get('C') ?? 0);
  });
});
