import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/quiz/build-question-bank.ts';
import { loadQuestionBank } from '../../src/quiz/load-question-bank.ts';

const SECTIONS = [
  { file: 'notes.md', headingPath: ['Notes'] },
  { file: 'notes.md', headingPath: ['Notes', 'Alpha'] },
  { file: 'notes.md', headingPath: ['Notes', 'Beta'] },
];

/** One bank entry in YAML, indented for a `questions:` list. */
function entry(id: string, { answer = 'B', heading = 'Notes > Alpha' } = {}): string {
  return `  - id: ${id}
    difficulty: medium
    question: >-
      Which option is the second one
      for ${id}?
    options:
      A: first
      B: second
      C: third
      D: fourth
    answer: ${answer}
    explanation: The second one is the second one.
    why_wrong:
      A: It is the first.
      C: It is the third.
      D: It is the fourth.
    source:
      file: notes.md
      heading: "${heading}"
`;
}

const bankFile = (topic: string, ...entries: string[]): string =>
  `topic: ${topic}\nquestions:\n${entries.join('\n')}`;

const FILES: Record<string, string> = {
  'good.yaml': bankFile('Good topic', entry('good-b'), entry('good-a')),
  'broken.yaml': `topic: Broken\nquestions:\n  - id: broken-a\n   difficulty: [\n`,
  'mixed.yaml': bankFile('Mixed', entry('mixed-a'), entry('mixed-bad', { answer: 'E' }), entry('mixed-c')),
  'z-dup.yaml': bankFile('Duplicates', entry('good-a'), entry('z-unique')),
  'sources.yaml': bankFile(
    'Sources',
    entry('src-ok', { heading: 'Notes > Beta' }),
    entry('src-missing', { heading: 'Notes > Gamma' }),
  ),
  'sub/extra.yml': bankFile('Nested', entry('nested-a')),
  '.draft.yaml': bankFile('Hidden', entry('hidden-a')),
  'README.md': '# not a bank file\n',
};

describe('loadQuestionBank on a folder', () => {
  let dir: string;
  let bank: QuestionBank;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'quiz-bank-'));
    await mkdir(join(dir, 'sub'));
    for (const [file, text] of Object.entries(FILES)) await writeFile(join(dir, file), text);
    bank = await loadQuestionBank(dir, SECTIONS);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the good questions of every file, sorted by id, skipping hidden files', () => {
    expect(bank.questions.map((q) => q.id)).toEqual([
      'good-a',
      'good-b',
      'mixed-a',
      'mixed-c',
      'nested-a',
      'src-ok',
      'z-unique',
    ]);
  });

  it('keeps topic and bank file of each question', () => {
    const where = Object.fromEntries(bank.questions.map((q) => [q.id, `${q.bankFile} | ${q.topic}`]));
    expect(where).toMatchObject({
      'good-a': 'good.yaml | Good topic',
      'nested-a': 'sub/extra.yml | Nested',
      'z-unique': 'z-dup.yaml | Duplicates',
    });
  });

  it('reports each problem once, in file order, naming file, id and what is wrong', () => {
    expect(bank.problems).toHaveLength(4);
    expect(bank.problems[0]).toMatch(/^broken\.yaml:4: YAML syntax error: \S.* \(file skipped\)$/);
    expect(bank.problems.slice(1)).toEqual([
      'mixed.yaml: mixed-bad: answer "E" is not one of the options A–D',
      'sources.yaml: src-missing: source heading "Notes > Gamma" is not a heading in notes.md',
      'z-dup.yaml: good-a: id "good-a" is already used in good.yaml',
    ]);
  });

  it('gives the same bank when loaded again', async () => {
    expect(await loadQuestionBank(dir, SECTIONS)).toEqual(bank);
  });
});

describe('loadQuestionBank without a usable folder', () => {
  it('reports a missing folder instead of throwing', async () => {
    const missing = join(tmpdir(), 'quiz-bank-does-not-exist-7f3a');
    expect(await loadQuestionBank(missing, SECTIONS)).toEqual({
      questions: [],
      problems: [`Questions folder not found: ${missing} (no daily quiz without a bank)`],
    });
  });

  it('reports a folder without bank files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quiz-bank-empty-'));
    try {
      await writeFile(join(dir, 'notes.txt'), 'not yaml');
      expect(await loadQuestionBank(dir, SECTIONS)).toEqual({
        questions: [],
        problems: [`${dir}: no *.yaml or *.yml question files`],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
