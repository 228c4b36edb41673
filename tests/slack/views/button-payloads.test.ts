/**
 * Button values: each payload's encoder writes named fields, its decoder reads them and the
 * one-letter form (or bare user id) that messages posted before still carry, and both refuse
 * what our buttons never carry, without coercion.
 */

import { describe, expect, it } from 'vitest';
import {
  decodeRating,
  decodeShare,
  encodeRating,
  encodeShare,
} from '../../../src/slack/views/answer-value.ts';
import {
  decodeDailyOption,
  decodeDailySubmit,
  decodeForget,
  decodePracticeOption,
  decodePracticeSubmit,
  decodeQuizMe,
  decodeReport,
  decodeReviewEasy,
  decodeReviewOption,
  decodeReviewSubmit,
  encodeDailyOption,
  encodeDailySubmit,
  encodeForget,
  encodePracticeOption,
  encodePracticeSubmit,
  encodeQuizMe,
  encodeReport,
  encodeReviewEasy,
  encodeReviewOption,
  encodeReviewSubmit,
  MAX_BUTTON_VALUE_CHARS,
} from '../../../src/slack/views/button-payloads.ts';

type Codec = [
  name: string,
  encode: (p: never) => string,
  decode: (v: string | undefined) => unknown,
  payload: object,
  named: string,
  legacy: string,
];

const CODECS: Codec[] = [
  [
    'daily option',
    encodeDailyOption,
    decodeDailyOption,
    { quizId: 7, choice: 'B' },
    '{"quizId":7,"choice":"B"}',
    '{"q":7,"c":"B"}',
  ],
  ['daily submit', encodeDailySubmit, decodeDailySubmit, { quizId: 7 }, '{"quizId":7}', '{"q":7}'],
  [
    'practice option with the card count',
    encodePracticeOption,
    decodePracticeOption,
    { questionId: 'ebs-iops', choice: 'A', cardReps: 3 },
    '{"questionId":"ebs-iops","choice":"A","cardReps":3}',
    '{"id":"ebs-iops","c":"A","r":3}',
  ],
  [
    'practice option without one',
    encodePracticeOption,
    decodePracticeOption,
    { questionId: 'ebs-iops', choice: 'A' },
    '{"questionId":"ebs-iops","choice":"A"}',
    '{"id":"ebs-iops","c":"A"}',
  ],
  [
    'practice submit',
    encodePracticeSubmit,
    decodePracticeSubmit,
    { questionId: 'ebs-iops', cardReps: 0 },
    '{"questionId":"ebs-iops","cardReps":0}',
    '{"id":"ebs-iops","r":0}',
  ],
  [
    'review option',
    encodeReviewOption,
    decodeReviewOption,
    { questionId: 'sqs-fifo', choice: 'C', cardReps: 2 },
    '{"questionId":"sqs-fifo","choice":"C","cardReps":2}',
    '{"id":"sqs-fifo","c":"C","r":2}',
  ],
  [
    'review submit',
    encodeReviewSubmit,
    decodeReviewSubmit,
    { questionId: 'sqs-fifo', cardReps: 2 },
    '{"questionId":"sqs-fifo","cardReps":2}',
    '{"id":"sqs-fifo","r":2}',
  ],
  [
    'review easy',
    encodeReviewEasy,
    decodeReviewEasy,
    { questionId: 'sqs-fifo', cardReps: 3 },
    '{"questionId":"sqs-fifo","cardReps":3}',
    '{"id":"sqs-fifo","r":3}',
  ],
  ['report', encodeReport, decodeReport, { questionId: 'dax' }, '{"questionId":"dax"}', '{"id":"dax"}'],
  [
    'quiz me',
    encodeQuizMe,
    decodeQuizMe,
    { file: 'dax.md', heading: 'DynamoDB > DAX' },
    '{"file":"dax.md","heading":"DynamoDB > DAX"}',
    '{"f":"dax.md","h":"DynamoDB > DAX"}',
  ],
  ['delete my data', encodeForget, decodeForget, { userId: 'U123' }, '{"userId":"U123"}', 'U123'],
];

describe('button payloads', () => {
  it.each(CODECS)('%s: encoded with named fields', (_, encode, _decode, payload, named) => {
    expect(encode(payload as never)).toBe(named);
  });

  it.each(CODECS)('%s: decoded from the named form', (_, _encode, decode, payload, named) => {
    expect(decode(named)).toEqual(payload);
  });

  it.each(CODECS)(
    '%s: decoded from what older messages carry',
    (_, _encode, decode, payload, _named, legacy) => {
      expect(decode(legacy)).toEqual(payload);
    },
  );

  it.each(CODECS.filter(([name]) => name !== 'delete my data'))(
    '%s: nothing that is not ours',
    (_, _encode, decode) => {
      for (const value of [undefined, '', 'not json', '{}', '[]', 'null', '7'])
        expect(decode(value)).toBeNull();
    },
  );

  it.each<[string, (v: string) => unknown, string]>([
    ['a quiz id as a string (named)', decodeDailyOption, '{"quizId":"7","choice":"B"}'],
    ['a quiz id as a string (old)', decodeDailyOption, '{"q":"7","c":"B"}'],
    ['true for a quiz id', decodeDailyOption, '{"q":true,"c":"B"}'],
    ['a fractional quiz id', decodeDailySubmit, '{"quizId":1.5}'],
    ['a negative quiz id', decodeDailySubmit, '{"q":-1}'],
    ['an option that is no letter A–E', decodeDailyOption, '{"quizId":7,"choice":"ZZ"}'],
    ['half named, half old', decodeDailyOption, '{"quizId":7,"c":"B"}'],
    ['a review without its card count', decodeReviewOption, '{"questionId":"x","choice":"A"}'],
    ['an empty question id', decodeReport, '{"questionId":""}'],
    ['a heading too long', decodeQuizMe, JSON.stringify({ file: 'a.md', heading: 'h'.repeat(501) })],
    ['a user id that is no string', decodeForget, '{"userId":5}'],
    ['an object that is no user id', decodeForget, '{"u":"U123"}'],
    ['a value longer than Slack sends', decodeForget, 'U'.repeat(MAX_BUTTON_VALUE_CHARS + 1)],
  ])('refuses %s', (_, decode, value) => {
    expect(decode(value)).toBeNull();
  });

  it('clips the quiz-me source to fit', () => {
    const value = encodeQuizMe({ file: 'f'.repeat(600), heading: 'h'.repeat(600) });
    expect(decodeQuizMe(value)).toEqual({ file: 'f'.repeat(500), heading: 'h'.repeat(500) });
  });
});

describe('answer values (share, 👍/👎)', () => {
  const answer = {
    question: 'what is dax',
    text: 'DAX is a cache for DynamoDB.',
    sources: [{ file: 'dax.md', heading: 'DynamoDB > DAX', line: 3 }],
    mode: 'llm' as const,
  };

  it('keep the one-letter keys on the wire (2,000 chars), named once decoded', () => {
    const share = encodeShare(answer);
    expect(JSON.parse(share)).toEqual({ q: answer.question, t: answer.text, s: answer.sources, m: 'llm' });
    expect(decodeShare(share)).toEqual(answer);
    expect(decodeRating(encodeRating(answer, 'down'))).toEqual({ answer, rating: 'down' });
    expect(decodeShare(encodeShare({ ...answer, mode: 'extractive' }))?.mode).toBe('extractive');
  });

  it('fit a long answer in a button value', () => {
    const long = { ...answer, text: 'x'.repeat(3000), sources: Array(20).fill(answer.sources[0]) };
    for (const value of [encodeShare(long), encodeRating(long, 'up')])
      expect(value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE_CHARS);
    expect(decodeRating(encodeRating(long, 'up'))?.rating).toBe('up');
  });

  it.each([
    ['text that is no string', '{"q":"x","t":5,"s":[]}', false],
    ['sources without headings', '{"q":"x","t":"y","s":[{"file":"a.md"}]}', false],
    ['a rating that is neither (still a share)', '{"q":"x","t":"y","s":[],"r":"meh"}', true],
  ])('refuse %s', (_, value, share) => {
    expect(decodeRating(value)).toBeNull();
    expect(decodeShare(value) !== null).toBe(share);
  });
});
