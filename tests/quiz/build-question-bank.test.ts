import { describe, expect, it } from 'vitest';
import { buildQuestionBank } from '../../src/quiz/build-question-bank.ts';

const entry = (id: string, answer = 'A'): string => `  - id: ${id}
    difficulty: easy
    question: Q ${id}?
    options: { A: a, B: b, C: c }
    answer: ${answer}
    explanation: Because.
    why_wrong: { B: no, C: no }
    source: { file: n.md, heading: "N > S" }
`;
const file = (...entries: string[]): string => `topic: T\nquestions:\n${entries.join('')}`;

describe('buildQuestionBank', () => {
  it('reports a repeated id inside one file on the later entry', () => {
    const bank = buildQuestionBank([{ file: 'a.yaml', text: file(entry('x'), entry('x')) }]);
    expect(bank.questions.map((q) => q.id)).toEqual(['x']);
    expect(bank.problems).toEqual(['a.yaml: x: id "x" is already used in a.yaml']);
  });

  it('still reserves the id of an entry skipped for another reason', () => {
    const bank = buildQuestionBank([
      { file: 'a.yaml', text: file(entry('x', 'Z')) },
      { file: 'b.yaml', text: file(entry('x')) },
    ]);
    expect(bank.questions).toEqual([]);
    expect(bank.problems).toEqual([
      'a.yaml: x: answer "Z" is not one of the options A–C',
      'b.yaml: x: id "x" is already used in a.yaml',
    ]);
  });

  it('checks sources only against the sections it is given', () => {
    const files = [{ file: 'a.yaml', text: file(entry('x')) }];
    expect(buildQuestionBank(files, [{ file: 'n.md', headingPath: ['N', 'S'] }]).problems).toEqual([]);
    expect(buildQuestionBank(files, [{ file: 'n.md', headingPath: ['N'] }]).problems).toEqual([
      'a.yaml: x: source heading "N > S" is not a heading in n.md',
    ]);
  });
});
