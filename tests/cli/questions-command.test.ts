/**
 * `saa questions check` on a small notes folder and bank: a clean bank exits 0 with the domain
 * table; a key fact missing from its section, a supported distractor and a near-duplicate each
 * get a line naming the question, and exit 1.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuestions } from '../../src/cli/questions-command.ts';
import { loadConfig } from '../../src/config.ts';

let dir = '';

const NOTES = [
  '# Amazon SQS',
  '## Message retention',
  '- Messages are kept for 4 days by default, up to 14 days.',
  '',
].join('\n');

function entry(id: string, over: { question?: string; key?: string; a?: string } = {}): string {
  return [
    `  - id: ${id}`,
    '    task: "2.1"',
    '    services: [Amazon SQS]',
    '    difficulty: easy',
    `    question: ${over.question ?? 'How long does Amazon SQS keep a message at most?'}`,
    '    options:',
    `      A: ${over.a ?? '1 day'}`,
    '      B: Up to 14 days',
    '      C: 30 days',
    '      D: Forever',
    '    answer: B',
    '    explanation: SQS keeps messages for up to 14 days.',
    '    why_wrong: {A: too short, C: too long, D: never}',
    `    key_facts: ["${over.key ?? 'up to 14 days'}"]`,
    '    source: {file: sqs.md, heading: "Amazon SQS > Message retention"}',
  ].join('\n');
}

async function check(bank: string, extra: string[] = []) {
  const questions = await mkdtemp(join(dir, 'q-'));
  await writeFile(join(questions, 'sqs.yaml'), `topic: Amazon SQS\nquestions:\n${bank}\n`);
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const config = loadConfig({}, { purpose: 'cli' });
  const code = await runQuestions(
    ['check', '--notes', join(dir, 'notes'), '--questions', questions, ...extra],
    config,
    { out, err },
  );
  return { code, text };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-questions-'));
  await mkdir(join(dir, 'notes'));
  await writeFile(join(dir, 'notes', 'sqs.md'), NOTES);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saa questions check', () => {
  it('passes a clean bank and prints the domain table', async () => {
    const { code, text } = await check(entry('sqs-retention'));
    expect(text).toContain('1 questions (0 multiple response), 0 problems');
    expect(text).toContain('| Design Resilient Architectures | 1 | 100.0 % | 26 % |');
    expect(code).toBe(0);
  });

  it('names the question whose key fact is not in the cited section, and exits 1', async () => {
    const { code, text } = await check(entry('sqs-retention', { key: 'up to 21 days' }));
    expect(text).toContain(
      'sqs-retention: key fact "up to 21 days" is not in the cited section (sqs.md › Amazon SQS > Message retention)',
    );
    expect(code).toBe(1);
  });

  it('names a distractor as well supported as the answer', async () => {
    const { text } = await check(entry('sqs-retention', { a: 'Up to 14 days after a restart' }));
    expect(text).toMatch(/sqs-retention: wrong option A matches the key facts as well as the answer/);
  });

  it('names near-duplicates', async () => {
    const { text } = await check(
      [
        entry('sqs-a'),
        entry('sqs-b', { question: 'At most, how long does Amazon SQS keep a message?' }),
      ].join('\n'),
    );
    expect(text).toMatch(/sqs-a: near-duplicate of sqs-b \(\d+ % the same words, both on "up to 14 days"\)/);
  });

  it('with --strict, also checks the domain mix against the exam weights', async () => {
    const { code, text } = await check(entry('sqs-retention'), ['--strict']);
    expect(text).toContain(
      'bank: resilient is 100.0 % of the questions; the exam weight is 26 % (± 3 points)',
    );
    expect(text).toContain('bank: secure is 0.0 % of the questions; the exam weight is 30 % (± 3 points)');
    expect(code).toBe(1);
  });
});
