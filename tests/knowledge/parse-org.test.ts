import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/knowledge/note-types.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/notes/org', name), 'utf8');

const SOURCE = fixture('serverless.org');
const SOURCE_LINES = SOURCE.split('\n');
const note = parseNote('org/serverless.org', SOURCE);
const allText = [...note.passages.map((p) => p.text), ...note.sections.flatMap((s) => s.headingPath)].join(
  '\n',
);
const passageWith = (fragment: string) => note.passages.find((p) => p.text.includes(fragment));

describe('parseNote on an Org outline', () => {
  it('is detected as org', () => {
    expect(note.format).toBe('org');
  });

  it('uses #+TITLE as the top heading and star counts as levels (tags and TODO dropped)', () => {
    expect(note.sections.map((s) => [s.headingPath, s.line])).toEqual([
      [['Serverless notes'], 1],
      [['Serverless notes', 'Lambda'], 4],
      [['Serverless notes', 'Lambda', 'Limits'], 5],
      [['Serverless notes', 'Lambda', 'Pricing'], 10],
      [['Serverless notes', 'DynamoDB'], 15],
      [['Serverless notes', 'DynamoDB', 'Capacity modes'], 19],
    ]);
  });

  it('keeps a list with its indented sub-items in one passage', () => {
    const list = passageWith('Timeout');
    expect(list?.kind).toBe('list');
    expect(list?.headingPath).toEqual(['Serverless notes', 'Lambda', 'Limits']);
    expect(list?.items.map((i) => [i.depth, i.text])).toEqual([
      [0, 'Timeout: 15 minutes'],
      [0, 'Memory'],
      [1, '128 MB to 10 GB'],
      [1, 'CPU scales with memory'],
    ]);
    expect(list?.text).toBe('Timeout: 15 minutes; Memory: 128 MB to 10 GB; CPU scales with memory');
  });

  it('spells table rows against the header', () => {
    const table = note.passages.find((p) => p.kind === 'table');
    expect(table?.headingPath).toEqual(['Serverless notes', 'DynamoDB', 'Capacity modes']);
    expect(table?.items.map((i) => [i.text, i.line])).toEqual([
      ['Mode: Provisioned; Billing: per hour', 21],
      ['Mode: On-demand; Billing: per request', 22],
    ]);
  });

  // Bug (src/knowledge/line-token.ts, tableCells): Org's own separator row `|-----+-----|` is not
  // recognized (only `|---|---|` is), so it becomes a row: "Mode: -------------+-------------; Billing: ".
  it('drops the Org |---+---| separator row', () => {
    const parsed = parseNote('org/table-separator.org', fixture('table-separator.org'));
    expect(parsed.format).toBe('org');
    expect(parsed.passages.map((p) => p.text)).toEqual([
      'Mode: Provisioned; Billing: per hour; Mode: On-demand; Billing: per request',
    ]);
  });

  it.each([
    ['#+AUTHOR keyword', 'AUTHOR'],
    ['#+BEGIN_SRC block body', 'def handler'],
    ['#+BEGIN_SRC markers', 'BEGIN_SRC'],
    ['property drawer', '6f1c2d'],
    ['property drawer', ':PROPERTIES:'],
    ['heading tag', ':exam:'],
    ['TODO keyword', 'TODO'],
    ['link URL', 'aws.amazon.com'],
  ])('produces no text for the %s (%s)', (_name, absent) => {
    expect(allText).not.toContain(absent);
  });

  it.each([
    ['*bold*', 'CPU scales with memory', '*memory*'],
    ['=verbatim=', 'per GB-second', '=GB-second='],
    ['[[link][label]] keeps its label', 'see the pricing page.', '[['],
  ])('removes inline markup: %s', (_name, kept, gone) => {
    expect(passageWith(kept)).toBeDefined();
    expect(allText).not.toContain(gone);
  });

  it.each([
    ['Timeout: 15 minutes', 6],
    ['128 MB to 10 GB', 8],
    ['CPU scales with memory', 9],
    ['Pay per request and per GB-second, see the pricing page.', 11],
  ])('gives 1-based line numbers: "%s" is on line %i', (text, line) => {
    const item = note.passages.flatMap((p) => p.items).find((i) => i.text === text);
    expect(item?.line).toBe(line);
    expect(SOURCE_LINES[line - 1]).toContain(text.slice(0, 6));
  });

  it('splits a long list under MAX_PASSAGE_CHARS, keeping the parent item in every piece', () => {
    const items = Array.from(
      { length: 10 },
      (_, i) => `  - Step ${i + 1}: a Step Functions state can wait, branch, retry or run work in parallel`,
    );
    const parsed = parseNote('sfn.org', ['** Step Functions', '- Workflow features', ...items].join('\n'));
    expect(parsed.format).toBe('org');
    expect(parsed.passages.length).toBeGreaterThan(1);
    for (const p of parsed.passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text.startsWith('Workflow features: Step ')).toBe(true);
    }
    expect(parsed.passages.flatMap((p) => p.items.filter((i) => i.depth === 1)).length).toBe(10);
  });
});
