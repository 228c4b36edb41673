import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/knowledge/note-types.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

const SOURCE = readFileSync(resolve(import.meta.dirname, '../fixtures/notes/zim/section-19.txt'), 'utf8');
const SOURCE_LINES = SOURCE.split('\n');
const note = parseNote('zim/section-19.txt', SOURCE);
const allText = [...note.passages.map((p) => p.text), ...note.sections.flatMap((s) => s.headingPath)].join(
  '\n',
);
const passageWith = (fragment: string) => note.passages.find((p) => p.text.includes(fragment));

describe('parseNote on a Zim wiki page', () => {
  it('is detected as zim although the file is named .txt', () => {
    expect(note.format).toBe('zim');
  });

  it('reads heading levels the Zim way: more = signs is a higher level', () => {
    expect(note.sections.map((s) => [s.headingPath, s.line])).toEqual([
      [['Section 19'], 5],
      [['Section 19', 'Lambda'], 8],
      [['Section 19', 'Lambda', 'Limits'], 17],
      [['Section 19', 'DynamoDB'], 23],
    ]);
    expect(passageWith('Serverless NoSQL')?.headingPath).toEqual(['Section 19', 'DynamoDB']);
  });

  it.each([
    ['header block', 'Content-Type'],
    ['header block', 'zim 0.6'],
    ['header block', '2022-09-13'],
    ['"Created …" line under the title', 'Created mardi'],
    ['{{image}}', 'diagram.png'],
    ['{{image}}', '{{'],
    ['link URL', 'docs.aws.amazon.com'],
  ])('produces no text for the %s (%s)', (_name, absent) => {
    expect(allText).not.toContain(absent);
  });

  it('keeps tab-nested bullets with their parent, flattened with ": " and "; "', () => {
    const list = passageWith('Pricing');
    expect(list?.headingPath).toEqual(['Section 19', 'Lambda']);
    expect(list?.items.map((i) => [i.depth, i.text])).toEqual([
      [0, 'Virtual functions - no servers to manage'],
      [0, 'Limited by time - 15mn max'],
      [0, 'Pricing :'],
      [1, 'Pay per request and compute time'],
      [1, 'Free tier of 1,000,000 requests'],
    ]);
    // A parent already ending in ":" is not given a second one.
    expect(list?.text).toBe(
      'Virtual functions - no servers to manage; Limited by time - 15mn max; ' +
        'Pricing : Pay per request and compute time; Free tier of 1,000,000 requests',
    );
  });

  it.each([
    ['**bold**', 'Limited by time - 15mn max', '**'],
    ['//italic//', 'Memory : 128 MB - 10GB', '//'],
    ["''verbatim''", 'Runtime API: bootstrap', "''"],
    ['[[link|label]] keeps its label', 'Quotas: Lambda quotas page', '[['],
  ])('removes inline markup: %s', (_name, kept, gone) => {
    expect(passageWith(kept)).toBeDefined();
    expect(allText).not.toContain(gone);
  });

  it.each([
    ['Virtual functions - no servers to manage', 10],
    ['Pricing :', 12],
    ['Free tier of 1,000,000 requests', 14],
    ['Memory : 128 MB - 10GB', 19],
    ['Serverless NoSQL database, replicated across 3 AZs.', 25],
  ])('gives 1-based line numbers: "%s" is on line %i', (text, line) => {
    const item = note.passages.flatMap((p) => p.items).find((i) => i.text === text);
    expect(item?.line).toBe(line);
    expect(SOURCE_LINES[line - 1]).toContain(text.slice(0, 8));
  });

  it('splits a long tab-nested group under MAX_PASSAGE_CHARS, keeping the parent bullet', () => {
    const facts = Array.from(
      { length: 12 },
      (_, i) => `\t* Fact ${i + 1}: DynamoDB Streams records keep item-level changes for 24 hours`,
    );
    const page = ['Content-Type: text/x-zim-wiki', '', '===== Streams =====', '* DynamoDB Streams', ...facts];
    const parsed = parseNote('streams.txt', page.join('\n'));
    expect(parsed.passages.length).toBeGreaterThan(1);
    for (const p of parsed.passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text.startsWith('DynamoDB Streams: Fact ')).toBe(true);
      expect(p.headingPath).toEqual(['Streams']);
    }
    const quoted = parsed.passages.flatMap((p) => p.items.filter((i) => i.depth === 1));
    expect(quoted.map((i) => i.line)).toEqual(facts.map((_, i) => i + 5));
  });
});
