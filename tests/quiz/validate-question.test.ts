import { describe, expect, it } from 'vitest';
import { noteHeadings } from '../../src/quiz/note-headings.ts';
import { type EntryContext, validateQuestion } from '../../src/quiz/validate-question.ts';
import { rawEntry } from './quiz-fixtures.ts';

const NOTES = noteHeadings([
  { file: 'lambda.md', headingPath: ['AWS Lambda'] },
  { file: 'lambda.md', headingPath: ['AWS Lambda', 'Limits: execution'] },
  { file: 'lambda.md', headingPath: ['AWS Lambda', 'Limits: deployment'] },
]);
const CTX: EntryContext = { file: 'lambda.yaml', topic: 'AWS Lambda', index: 2, notes: NOTES };
const FIELDS =
  'id, domain, task, services, difficulty, question, options, answer, explanation, why_wrong, key_facts, source';
const P = 'lambda.yaml: lambda-max-duration: ';
const NOT_KEBAB = 'is not kebab-case (lowercase letters and digits joined by single hyphens)';

/** A rule and the problems an entry breaking it gets: `set`/`unset` edit the valid entry by dotted path. */
interface Case {
  rule: string;
  set?: Record<string, unknown>;
  unset?: string[];
  /** Replaces the whole entry. */
  raw?: unknown;
  ctx?: Partial<EntryContext>;
  problems: string[];
}

const cases: Case[] = [
  { rule: 'id missing', unset: ['id'], problems: ['lambda.yaml: entry 3: id is missing'] },
  { rule: 'id empty', set: { id: ' ' }, problems: ['lambda.yaml: entry 3: id is empty'] },
  {
    rule: 'id not kebab-case',
    set: { id: 'Lambda_Max' },
    problems: [`lambda.yaml: Lambda_Max: id "Lambda_Max" ${NOT_KEBAB}`],
  },
  {
    rule: 'id with a double hyphen',
    set: { id: 'a--b' },
    problems: [`lambda.yaml: a--b: id "a--b" ${NOT_KEBAB}`],
  },
  {
    rule: 'id already used',
    ctx: { takenIds: new Map([['lambda-max-duration', 'other.yaml']]) },
    problems: [`${P}id "lambda-max-duration" is already used in other.yaml`],
  },
  {
    rule: 'difficulty not allowed',
    set: { difficulty: 'trivial' },
    problems: [`${P}difficulty "trivial" must be easy, medium or hard`],
  },
  { rule: 'difficulty missing', unset: ['difficulty'], problems: [`${P}difficulty is missing`] },
  { rule: 'question blank', set: { question: '  \n' }, problems: [`${P}question is empty`] },
  { rule: 'question not text', set: { question: { a: 'b' } }, problems: [`${P}question must be text`] },
  {
    rule: 'two options',
    set: { options: { A: 'a', B: 'b' }, why_wrong: { A: 'no' } },
    problems: [`${P}options has 2; a question needs 3 to 5`],
  },
  {
    rule: 'six options',
    set: { 'options.E': 'e', 'options.F': 'f' },
    problems: [`${P}options has 6; a question needs 3 to 5`],
  },
  { rule: 'five options', set: { 'options.E': 'e', 'why_wrong.E': 'no' }, problems: [] },
  {
    rule: 'options out of order',
    set: { options: { A: 'a', C: 'c', D: 'd', B: 'b' } },
    problems: [`${P}options must be keyed A, B, C, D in order (found A, C, D, B)`],
  },
  {
    rule: 'option keys not capital letters',
    set: { options: { a: 'a', b: 'b', c: 'c' } },
    problems: [`${P}options must be keyed A, B, C in order (found a, b, c)`],
  },
  { rule: 'option text empty', set: { 'options.C': '' }, problems: [`${P}option C is empty`] },
  { rule: 'option text not text', set: { 'options.C': ['x'] }, problems: [`${P}option C must be text`] },
  {
    rule: 'option text over 300 characters',
    set: { 'options.C': 'x'.repeat(301) },
    problems: [`${P}option C is 301 characters; the limit is 300`],
  },
  { rule: 'option text of exactly 300 characters', set: { 'options.C': 'x'.repeat(300) }, problems: [] },
  {
    rule: 'options a list',
    set: { options: ['a', 'b', 'c'] },
    problems: [`${P}options must map letters to text (A: …, B: …, C: …)`],
  },
  { rule: 'options missing', unset: ['options'], problems: [`${P}options is missing`] },
  {
    rule: 'answer not an option',
    set: { answer: 'E' },
    problems: [`${P}answer "E" is not one of the options A–D`],
  },
  {
    rule: 'answer in lower case',
    set: { answer: 'b' },
    problems: [`${P}answer "b" is not one of the options A–D`],
  },
  { rule: 'answer missing', unset: ['answer'], problems: [`${P}answer is missing`] },
  { rule: 'explanation empty', set: { explanation: '' }, problems: [`${P}explanation is empty`] },
  {
    rule: 'why_wrong lacks a wrong option',
    unset: ['why_wrong.C'],
    problems: [`${P}why_wrong has no entry for wrong option C`],
  },
  {
    rule: 'why_wrong for the answer',
    set: { 'why_wrong.B': 'but it is right' },
    problems: [`${P}why_wrong has an entry for B, which is the answer`],
  },
  {
    rule: 'why_wrong for a missing option',
    set: { 'why_wrong.E': 'there is no E' },
    problems: [`${P}why_wrong has an entry for "E", which is not one of the options A–D`],
  },
  { rule: 'why_wrong entry empty', set: { 'why_wrong.C': ' ' }, problems: [`${P}why_wrong C is empty`] },
  { rule: 'why_wrong missing', unset: ['why_wrong'], problems: [`${P}why_wrong is missing`] },
  { rule: 'source missing', unset: ['source'], problems: [`${P}source is missing (needs file and heading)`] },
  { rule: 'source.heading missing', unset: ['source.heading'], problems: [`${P}source.heading is missing`] },
  { rule: 'source.file empty', set: { 'source.file': '' }, problems: [`${P}source.file is empty`] },
  {
    rule: 'source with an unknown field',
    set: { 'source.line': '12' },
    problems: [`${P}source has unknown field "line" (fields: file, heading)`],
  },
  {
    rule: 'source file not in the notes',
    set: { 'source.file': 'lamda.md' },
    problems: [`${P}source file "lamda.md" is not in the notes`],
  },
  {
    rule: 'source heading not in the notes',
    set: { 'source.heading': 'AWS Lambda > Limits' },
    problems: [`${P}source heading "AWS Lambda > Limits" is not a heading in lambda.md`],
  },
  {
    rule: 'source heading without its parents',
    set: { 'source.heading': 'Limits: execution' },
    problems: [
      `${P}source heading "Limits: execution" is not a heading in lambda.md (did you mean "AWS Lambda > Limits: execution"?)`,
    ],
  },
  {
    rule: 'source not checked without notes',
    set: { 'source.file': 'lamda.md' },
    ctx: { notes: undefined },
    problems: [],
  },
  {
    rule: 'unknown field',
    set: { hint: 'think about time' },
    problems: [`${P}unknown field "hint" (fields: ${FIELDS})`],
  },
  {
    rule: 'entry not a mapping',
    raw: 'just a line',
    problems: [`lambda.yaml: entry 3: entry must be a mapping with fields ${FIELDS}`],
  },
  {
    rule: 'multiple response with four options',
    set: { answer: ['B', 'C'] },
    unset: ['why_wrong.C'],
    problems: [`${P}a multiple-response question has 5 options (found 4)`],
  },
  {
    rule: 'multiple response with three right options',
    set: { 'options.E': 'e', answer: ['A', 'B', 'C'] },
    unset: ['why_wrong.A', 'why_wrong.C'],
    problems: [
      `${P}answer lists A, B, C; a multiple-response question has 2 different letters`,
      `${P}why_wrong has no entry for wrong option E`,
    ],
  },
  {
    rule: 'multiple response with the same letter twice',
    set: { 'options.E': 'e', answer: ['B', 'B'], 'why_wrong.E': 'no' },
    problems: [`${P}answer lists B, B; a multiple-response question has 2 different letters`],
  },
  {
    rule: 'domain not one of the four',
    set: { domain: 'security' },
    problems: [`${P}domain "security" must be one of secure, resilient, performance, cost`],
  },
  {
    rule: 'task not in the exam guide',
    set: { task: '5.1' },
    problems: [`${P}task "5.1" is not an SAA-C03 task statement (1.1 to 4.4)`],
  },
  {
    rule: 'task of another domain',
    set: { domain: 'cost', task: '1.2' },
    problems: [`${P}task 1.2 belongs to domain secure, not cost`],
  },
  {
    rule: "the file's domain disagrees with the entry's task",
    set: { task: '4.1' },
    ctx: { defaults: { domain: 'secure' } },
    problems: [`${P}task 4.1 belongs to domain cost, not secure`],
  },
  { rule: 'services empty', set: { services: [] }, problems: [`${P}services is an empty list`] },
  {
    rule: 'key_facts not a list',
    set: { key_facts: '15 minutes' },
    problems: [`${P}key_facts must be a list (["up to 15 minutes"])`],
  },
  {
    rule: 'several problems at once, all reported',
    set: { difficulty: 'hardest', answer: 'F', 'source.file': 'lamda.md' },
    unset: ['explanation'],
    problems: [
      `${P}difficulty "hardest" must be easy, medium or hard`,
      `${P}explanation is missing`,
      `${P}answer "F" is not one of the options A–D`,
      `${P}source file "lamda.md" is not in the notes`,
    ],
  },
];

/** The mapping holding a dotted path's last key, and that key. */
function parentOf(entry: Record<string, unknown>, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce((obj, key) => obj[key] as Record<string, unknown>, entry);
  return [parent, last];
}

function edited({ set = {}, unset = [] }: Case): Record<string, unknown> {
  const entry = rawEntry();
  for (const [path, value] of Object.entries(set)) {
    const [parent, key] = parentOf(entry, path);
    parent[key] = value;
  }
  for (const path of unset) {
    const [parent, key] = parentOf(entry, path);
    delete parent[key];
  }
  return entry;
}

describe('validateQuestion', () => {
  it.each(cases)('$rule', (c) => {
    const result = validateQuestion(c.raw ?? edited(c), { ...CTX, ...c.ctx });
    expect(result.ok ? [] : result.problems).toEqual(c.problems);
  });

  it('turns a valid entry into a Question: trimmed text, options in order, topic and bank file from context', () => {
    const entry = edited({ rule: '', set: { 'options.D': '  Lambda has no free tier ' }, problems: [] });
    entry.question = `${entry.question}\n`;
    expect(validateQuestion(entry, CTX)).toEqual({
      ok: true,
      question: {
        id: 'lambda-max-duration',
        topic: 'AWS Lambda',
        difficulty: 'easy',
        question:
          'A nightly report job needs about 40 minutes of compute per run. Why is Lambda alone a poor fit?',
        options: [
          { key: 'A', text: 'Lambda functions cannot be scheduled' },
          { key: 'B', text: 'A single Lambda invocation can run for at most 15 minutes' },
          { key: 'C', text: 'Lambda cannot write to S3' },
          { key: 'D', text: 'Lambda has no free tier' },
        ],
        correctKeys: ['B'],
        explanation: 'One invocation of a Lambda function stops after 900 seconds (15 minutes).',
        whyWrong: {
          A: 'EventBridge schedules can invoke Lambda on a cron or rate.',
          C: 'Lambda can write to S3 through the SDK with an execution role.',
          D: 'Lambda has a free tier of 1M requests and 400,000 GB-seconds a month.',
        },
        source: { file: 'lambda.md', heading: 'AWS Lambda > Limits: execution' },
        bankFile: 'lambda.yaml',
        services: [],
        keyFacts: [],
      },
    });
  });

  it("keeps the exam tags: its own domain and task, or the file's, with services and key facts", () => {
    const tagged = {
      ...edited({ rule: '', problems: [] }),
      services: ['AWS Lambda'],
      key_facts: ['15 minutes'],
    };
    const own = validateQuestion({ ...tagged, task: '3.1' }, { ...CTX, defaults: { domain: 'performance' } });
    expect(own).toMatchObject({
      ok: true,
      question: { domain: 'performance', task: '3.1', services: ['AWS Lambda'], keyFacts: ['15 minutes'] },
    });
    const fromFile = validateQuestion(tagged, { ...CTX, defaults: { task: '2.1' } });
    expect(fromFile).toMatchObject({ ok: true, question: { domain: 'resilient', task: '2.1' } });
  });

  it('a multiple-response entry: answer lists two letters of five options', () => {
    const entry = edited({
      rule: '',
      set: { 'options.E': 'Lambda scales out by running invocations in parallel', answer: ['E', 'B'] },
      problems: [],
    });
    expect(validateQuestion(entry, CTX)).toMatchObject({ ok: true, question: { correctKeys: ['B', 'E'] } });
  });
});
