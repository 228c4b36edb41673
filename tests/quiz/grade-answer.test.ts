import { describe, expect, it } from 'vitest';
import { DAILY_CORRECT_POINTS, gradeAnswer } from '../../src/quiz/grade-answer.ts';
import { makeQuestion } from './quiz-fixtures.ts';

const question = makeQuestion('q-1');
const source = { file: 'lambda.md', heading: 'AWS Lambda > Limits: execution' };

describe('gradeAnswer', () => {
  it.each([
    { name: 'right, daily', choice: 'B', mode: 'daily', correct: true, points: DAILY_CORRECT_POINTS },
    { name: 'right, any case and spaces', choice: ' b ', mode: 'daily', correct: true, points: 10 },
    { name: 'right, practice', choice: 'B', mode: 'practice', correct: true, points: 0 },
    { name: 'wrong, daily', choice: 'A', mode: 'daily', correct: false, points: 0 },
    { name: 'wrong, practice', choice: 'C', mode: 'practice', correct: false, points: 0 },
  ] as const)('$name', ({ choice, mode, correct, points }) => {
    const result = gradeAnswer(question, choice, mode);
    expect(result).toMatchObject({ ok: true, answer: 'B', correct, points });
  });

  it('defaults to the daily mode', () => {
    expect(gradeAnswer(question, 'B')).toMatchObject({ ok: true, points: 10 });
  });

  it('gives a right answer the verdict, explanation and source, without why-wrong text', () => {
    expect(gradeAnswer(question, 'B')).toEqual({
      ok: true,
      choice: 'B',
      answer: 'B',
      correct: true,
      points: 10,
      feedback: { verdict: 'Correct: B. second', explanation: 'Because the second one is right.', source },
    });
  });

  it('tells a wrong answer why the chosen option is wrong', () => {
    expect(gradeAnswer(question, 'c')).toEqual({
      ok: true,
      choice: 'C',
      answer: 'B',
      correct: false,
      points: 0,
      feedback: {
        verdict: 'Not quite: you chose C; the answer is B. second',
        explanation: 'Because the second one is right.',
        whyYourChoiceIsWrong: 'The third is wrong.',
        source,
      },
    });
  });

  it.each([
    ['a letter past the options', 'D', '"D" is not one of the options of q-1 (choose A, B, C)'],
    ['not a letter', 'second', '"second" is not one of the options of q-1 (choose A, B, C)'],
    ['empty', '', '"" is not one of the options of q-1 (choose A, B, C)'],
  ])('returns an error result for %s', (_, choice, error) => {
    expect(gradeAnswer(question, choice)).toEqual({ ok: false, error });
  });
});
