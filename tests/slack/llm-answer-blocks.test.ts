/** Answer blocks for model-phrased answers and the "Quiz me on this" button. */

import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer-types.ts';
import {
  answerBlocks,
  QUIZ_ME_ACTION,
  SHARE_ACTION,
  sharedAnswerBlocks,
} from '../../src/slack/views/answer-blocks.ts';
import { decodeShare } from '../../src/slack/views/answer-value.ts';
import { decodeQuizMe, encodeQuizMe } from '../../src/slack/views/button-payloads.ts';

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
    expect(decodeQuizMe(value)).toEqual({ file: sources[0]?.file, heading: sources[0]?.heading });
  });

  it('keeps the numbering when a model-phrased answer is shared', () => {
    const blocks = answerBlocks(answer(), {}) as Block[];
    const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION)?.value;
    const share = decodeShare(value);
    expect(share?.mode).toBe('llm');
    expect(
      JSON.stringify(
        sharedAnswerBlocks(share ?? { question: '', text: '', sources: [], mode: 'extractive' }, 'ana'),
      ),
    ).toContain('[2] ');
  });
});

describe('decodeQuizMe', () => {
  it.each([['not json'], ['{"f":1}'], ['']])('refuses %j', (value) => {
    expect(decodeQuizMe(value)).toBeNull();
  });

  it('round-trips', () => {
    expect(decodeQuizMe(encodeQuizMe(sources[0] as (typeof sources)[0]))?.file).toBe('dynamodb-advanced.md');
  });
});
