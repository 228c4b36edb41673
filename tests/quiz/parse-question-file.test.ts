import { describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/quiz/parse-question-file.ts';

describe('parseQuestionFile', () => {
  it.each([
    ['empty file', '', ['x.yaml: file is empty (file skipped)']],
    ['only a comment', '# nothing yet\n', ['x.yaml: file is empty (file skipped)']],
    [
      'top level a list',
      '- a\n- b\n',
      ['x.yaml: top level must be a mapping with topic and questions (file skipped)'],
    ],
    [
      'top level text',
      'hello\n',
      ['x.yaml: top level must be a mapping with topic and questions (file skipped)'],
    ],
    ['topic missing', 'questions: []\n', ['x.yaml: topic is missing (file skipped)']],
    ['topic empty', 'topic: ""\nquestions: []\n', ['x.yaml: topic is not a non-empty text (file skipped)']],
    ['questions missing', 'topic: T\n', ['x.yaml: questions is missing (file skipped)']],
    [
      'questions a mapping',
      'topic: T\nquestions:\n  a: b\n',
      ['x.yaml: questions is not a list (file skipped)'],
    ],
  ])('%s', (_, text, problems) => {
    expect(parseQuestionFile('x.yaml', text)).toEqual({ topic: '', defaults: {}, entries: [], problems });
  });

  it.each([
    ['a bad indent', 'topic: T\nquestions:\n  - id: a\n   bad: [\n', 4],
    ['a duplicate option key', 'topic: T\nquestions:\n  - options:\n      A: x\n      A: y\n', 5],
    ['a list item beside mapping keys', 'topic: T\n- a\nquestions: []\n', 2],
  ])('reports a syntax error with file and line: %s', (_, text, line) => {
    const parsed = parseQuestionFile('x.yaml', text);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(
      new RegExp(`^x\\.yaml:${line}: YAML syntax error: \\S.* \\(file skipped\\)$`),
    );
  });

  it('reads every scalar as written text (failsafe schema) and keeps entries in order', () => {
    const text =
      '\uFEFFtopic: " T "\nquestions:\n  - id: b\n    options:\n      A: 15\n      B: yes\n  - id: a\n';
    expect(parseQuestionFile('x.yaml', text)).toEqual({
      topic: 'T',
      defaults: {},
      entries: [{ id: 'b', options: { A: '15', B: 'yes' } }, { id: 'a' }],
      problems: [],
    });
  });

  it('reports an unknown top-level field but keeps the entries', () => {
    const parsed = parseQuestionFile('x.yaml', 'topic: T\ntopics: U\nquestions:\n  - id: a\n');
    expect(parsed).toEqual({
      topic: 'T',
      defaults: {},
      entries: [{ id: 'a' }],
      problems: ['x.yaml: unknown top-level field "topics" (fields: topic, domain, task, questions)'],
    });
  });

  it("reads the file's domain and task as defaults for its entries", () => {
    const parsed = parseQuestionFile('x.yaml', 'topic: T\ndomain: secure\ntask: " 1.2 "\nquestions: []\n');
    expect(parsed).toEqual({
      topic: 'T',
      defaults: { domain: 'secure', task: '1.2' },
      entries: [],
      problems: [],
    });
  });
});
