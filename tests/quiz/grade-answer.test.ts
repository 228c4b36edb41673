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
    expect(result).toMatchObject({ ok: true, correctKeys: ['B'], correct, points });
  });

  it('defaults to the daily mode', () => {
    expect(gradeAnswer(question, 'B')).toMatchObject({ ok: true, points: 10 });
  });

  it('gives a right answer the verdict, explanation and source, without why-wrong text', () => {
    expect(gradeAnswer(question, 'B')).toEqual({
      ok: true,
      choice: 'B',
      correctKeys: ['B'],
      correct: true,
      points: 10,
      feedback: { verdict: 'Correct: B. second', explanation: 'Because the second one is right.', source },
    });
  });

  it('tells a wrong answer why the chosen option is wrong', () => {
    expect(gradeAnswer(question, 'c')).toEqual({
      ok: true,
      choice: 'C',
      correctKeys: ['B'],
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

  describe('a multiple-response question (choose two of five)', () => {
    const two = makeQuestion('q-2', {
      options: ['one', 'two', 'three', 'four', 'five'].map((text, i) => ({
        key: (['A', 'B', 'C', 'D', 'E'] as const)[i] ?? 'A',
        text,
      })),
      correctKeys: ['A', 'D'],
      whyWrong: { B: 'B is wrong.', C: 'C is wrong.', E: 'E is wrong.' },
    });

    it.each(['A,D', 'd a', ' a ; d '])('is right only with exactly both right options: %j', (choice) => {
      expect(gradeAnswer(two, choice)).toMatchObject({ ok: true, choice: 'A,D', correct: true, points: 10 });
    });

    it('gives no partial credit: one right and one wrong option is wrong, and says why the wrong one is', () => {
      expect(gradeAnswer(two, 'A,C')).toMatchObject({
        ok: true,
        choice: 'A,C',
        correct: false,
        points: 0,
        feedback: {
          verdict: 'Not quite: you chose A, C; the answer is A. one; D. four',
          whyYourChoiceIsWrong: 'C is wrong.',
        },
      });
    });

    it.each([
      ['one letter', 'A', '"A" is not 2 of the options of q-2 (choose 2 of A, B, C, D, E)'],
      ['three letters', 'A,B,D', '"A,B,D" is not 2 of the options of q-2 (choose 2 of A, B, C, D, E)'],
      ['the same letter twice', 'A,A', '"A,A" is not 2 of the options of q-2 (choose 2 of A, B, C, D, E)'],
    ])('returns an error result for %s', (_, choice, error) => {
      expect(gradeAnswer(two, choice)).toEqual({ ok: false, error });
    });
  });
});
