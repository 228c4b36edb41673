/** Answer blocks for model-phrased answers and the "Quiz me on this" button; the quiz-me hint. */

import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-types.ts';
import { quizMeHint } from '../../src/slack/listeners/actions/quiz-me.ts';
import {
  answerBlocks,
  decodeQuizMe,
  decodeShare,
  encodeQuizMe,
  QUIZ_ME_ACTION,
  SHARE_ACTION,
  sharedAnswerBlocks,
} from '../../src/slack/views/answer-blocks.ts';
import { makeQuestion } from '../quiz/quiz-fixtures.ts';

const sources = [
  { file: 'dynamodb-advanced.md', heading: 'DynamoDB advanced features > DAX', line: 5 },
  { file: 'dynamodb-advanced.md', heading: 'DynamoDB advanced features > DAX vs ElastiCache', line: 18 },
];
const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'what is dax',
  text: 'DAX is a cache [1]; ElastiCache for computed results [2].',
  sources,
  mode: 'llm',
  found: true,
  ...over,
});

type Block = { type: string; elements?: Array<{ action_id?: string; value?: string; text?: unknown }> };
const actionIds = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).map((e) => e.action_id);
const context = (blocks: Block[]) =>
  blocks.find((b) => b.type === 'context')?.elements?.map((e) => e.text as string)[0];

describe('answerBlocks', () => {
  it.each([
    [
      'llm',
      '📄 [1] dynamodb-advanced.md › DynamoDB advanced features › DAX (line 5)\n[2] dynamodb-advanced.md',
    ],
    [
      'extractive',
      '📄 dynamodb-advanced.md › DynamoDB advanced features › DAX (line 5)\ndynamodb-advanced.md',
    ],
  ] as const)('numbers the sources of an %s answer only when it cites numbers', (mode, start) => {
    const blocks = answerBlocks(answer({ mode }), {}) as Block[];
    expect(context(blocks)?.startsWith(start)).toBe(true);
  });

  it.each([
    ['with the quiz', { quizMe: true }, answer(), [SHARE_ACTION, QUIZ_ME_ACTION]],
    ['without the quiz', {}, answer(), [SHARE_ACTION]],
    ['for an answer that found nothing', { quizMe: true }, answer({ found: false, sources: [] }), []],
  ])('buttons %s', (_name, options, a, ids) => {
    expect(actionIds(answerBlocks(a, options) as Block[])).toEqual(ids);
  });

  it('carries the top source in the quiz-me button', () => {
    const blocks = answerBlocks(answer(), { quizMe: true }) as Block[];
    const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === QUIZ_ME_ACTION)?.value;
    expect(decodeQuizMe(value)).toEqual({ f: sources[0]?.file, h: sources[0]?.heading });
  });

  it('keeps the numbering when a model-phrased answer is shared', () => {
    const blocks = answerBlocks(answer(), {}) as Block[];
    const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION)?.value;
    const share = decodeShare(value);
    expect(share?.m).toBe('llm');
    expect(JSON.stringify(sharedAnswerBlocks(share ?? { q: '', t: '', s: [] }, 'ana'))).toContain('[2] ');
  });
});

describe('decodeQuizMe', () => {
  it.each([['not json'], ['{"f":1}'], ['']])('refuses %j', (value) => {
    expect(decodeQuizMe(value)).toBeNull();
  });

  it('round-trips', () => {
    expect(decodeQuizMe(encodeQuizMe(sources[0] as (typeof sources)[0]))?.f).toBe('dynamodb-advanced.md');
  });
});

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
  ])('%s', (_name, f, h, hint) => {
    expect(quizMeHint(bank, { f, h })).toBe(hint);
  });
});
