/**
 * Builders for quiz tests: a valid raw YAML entry (the example of knowledge/QUESTIONS-FORMAT.md,
 * as the failsafe YAML parse yields it) and validated questions with chosen ids.
 */

import type { Question } from '../../src/quiz/question.ts';

/** A fresh valid raw entry; tests mutate their own copy. */
export function rawEntry(): Record<string, unknown> {
  return {
    id: 'lambda-max-duration',
    difficulty: 'easy',
    question:
      'A nightly report job needs about 40 minutes of compute per run. Why is Lambda alone a poor fit?',
    options: {
      A: 'Lambda functions cannot be scheduled',
      B: 'A single Lambda invocation can run for at most 15 minutes',
      C: 'Lambda cannot write to S3',
      D: 'Lambda has no free tier',
    },
    answer: 'B',
    explanation: 'One invocation of a Lambda function stops after 900 seconds (15 minutes).',
    why_wrong: {
      A: 'EventBridge schedules can invoke Lambda on a cron or rate.',
      C: 'Lambda can write to S3 through the SDK with an execution role.',
      D: 'Lambda has a free tier of 1M requests and 400,000 GB-seconds a month.',
    },
    source: { file: 'lambda.md', heading: 'AWS Lambda > Limits: execution' },
  };
}

/** A valid question with the given id; the rest from `overrides` or defaults. */
export function makeQuestion(id: string, overrides: Partial<Question> = {}): Question {
  return {
    id,
    topic: 'AWS Lambda',
    difficulty: 'easy',
    question: `Question ${id}?`,
    options: [
      { key: 'A', text: 'first' },
      { key: 'B', text: 'second' },
      { key: 'C', text: 'third' },
    ],
    correctKeys: ['B'],
    services: [],
    keyFacts: [],
    explanation: 'Because the second one is right.',
    whyWrong: { A: 'The first is wrong.', C: 'The third is wrong.' },
    source: { file: 'lambda.md', heading: 'AWS Lambda > Limits: execution' },
    bankFile: 'lambda.yaml',
    ...overrides,
  };
}

/** `n` questions with ids q-00, q-01, … */
export function makeBank(n: number): Question[] {
  return Array.from({ length: n }, (_, i) => makeQuestion(`q-${String(i).padStart(2, '0')}`));
}
