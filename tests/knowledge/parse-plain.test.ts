import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/knowledge/note-types.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

const SOURCE = readFileSync(resolve(import.meta.dirname, '../fixtures/notes/plain/lambda.txt'), 'utf8');
const SOURCE_LINES = SOURCE.split('\n');
const note = parseNote('plain/lambda.txt', SOURCE);
const passageWith = (fragment: string) => note.passages.find((p) => p.text.includes(fragment));

describe('parseNote on plain text', () => {
  it('is detected as plain', () => {
    expect(note.format).toBe('plain');
  });

  it('takes ALL-CAPS lines and --- underlined lines as headings', () => {
    expect(note.sections.map((s) => [s.headingPath, s.line])).toEqual([
      [['LAMBDA LIMITS'], 1],
      [['LAMBDA LIMITS', 'DynamoDB capacity'], 8],
    ]);
    expect(note.passages.some((p) => p.text.includes('-----'))).toBe(false);
  });

  it('makes a short label line followed by bullets part of the heading path', () => {
    const list = passageWith('15 min max');
    expect(list?.headingPath).toEqual(['LAMBDA LIMITS', 'limits']);
    expect(note.passages.some((p) => p.text === 'limits')).toBe(false);
  });

  it('keeps nested bullets together, flattened with ": " and "; "', () => {
    const list = passageWith('15 min max');
    expect(list?.items.map((i) => [i.depth, i.text, i.line])).toEqual([
      [0, '15 min max', 4],
      [0, '10 GB memory', 5],
      [1, 'CPU grows with memory', 6],
    ]);
    expect(list?.text).toBe('15 min max; 10 GB memory: CPU grows with memory');
  });

  it('keeps a prose paragraph as one item on its first line', () => {
    const para = passageWith('Provisioned mode is the default.');
    expect(para?.kind).toBe('paragraph');
    expect(para?.headingPath).toEqual(['LAMBDA LIMITS', 'DynamoDB capacity']);
    expect(para?.items).toHaveLength(1);
    expect(para?.line).toBe(10);
    expect(SOURCE_LINES[9]).toContain('Provisioned mode is the default.');
  });

  it('keeps short consecutive lines as one item per line', () => {
    const para = passageWith('Short line one');
    expect(para?.items.map((i) => [i.text, i.line])).toEqual([
      ['Short line one', 12],
      ['Short line two', 13],
    ]);
    expect(para?.text).toBe('Short line one; Short line two');
  });

  it('leaves Markdown-looking characters alone (plain text has no inline markup)', () => {
    const parsed = parseNote('x.txt', 'Use 2*3 = 6 GB, not `code` or **bold**.\n');
    expect(parsed.format).toBe('plain');
    expect(parsed.passages.map((p) => p.text)).toEqual(['Use 2*3 = 6 GB, not `code` or **bold**.']);
  });

  it('splits a long paragraph at sentence ends under MAX_PASSAGE_CHARS, under the same heading', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `Sentence ${i + 1} says that DynamoDB on-demand mode bills per request.`,
    );
    const parsed = parseNote('x.txt', `CAPACITY\n${sentences.join(' ')}\n`);
    expect(parsed.passages.length).toBeGreaterThan(1);
    for (const p of parsed.passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.headingPath).toEqual(['CAPACITY']);
      expect(p.text).toMatch(/^Sentence \d+ says/);
      expect(p.text).toMatch(/request\.$/);
    }
    expect(parsed.passages.map((p) => p.text).join(' ')).toBe(sentences.join(' '));
  });

  it('splits a long bullet group, repeating the parent bullet in every piece', () => {
    const children = Array.from(
      { length: 10 },
      (_, i) => `    - fact ${i + 1}: Lambda concurrency is shared by every function in the Region`,
    );
    const parsed = parseNote('x.txt', ['- Concurrency', ...children].join('\n'));
    expect(parsed.passages.length).toBeGreaterThan(1);
    for (const p of parsed.passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text.startsWith('Concurrency: fact ')).toBe(true);
    }
  });
});
