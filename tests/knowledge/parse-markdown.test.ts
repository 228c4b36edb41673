import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/knowledge/note-types.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/notes/markdown', name), 'utf8');

const SOURCE = fixture('lambda.md');
const SOURCE_LINES = SOURCE.split('\n');
const note = parseNote('markdown/lambda.md', SOURCE);
const allText = [...note.passages.map((p) => p.text), ...note.sections.flatMap((s) => s.headingPath)].join(
  '\n',
);
const passageWith = (fragment: string) => note.passages.find((p) => p.text.includes(fragment));

describe('parseNote on Markdown', () => {
  it('is detected as markdown and records the file on every passage', () => {
    expect(note.format).toBe('markdown');
    expect(new Set(note.passages.map((p) => p.file))).toEqual(new Set(['markdown/lambda.md']));
  });

  it('builds heading paths from # levels, going back up on a shallower heading', () => {
    expect(note.sections.map((s) => [s.headingPath, s.line])).toEqual([
      [['AWS Lambda'], 1],
      [['AWS Lambda', 'Limits'], 5],
      [['AWS Lambda', 'Limits', 'Pricing'], 21],
      [['AWS Lambda', 'Capacity modes'], 28],
    ]);
    expect(passageWith('without servers')?.headingPath).toEqual(['AWS Lambda']);
  });

  it('keeps a bullet list with its sub-bullets in one passage, flattened with ": " and "; "', () => {
    const list = passageWith('Timeout');
    expect(list?.kind).toBe('list');
    expect(list?.headingPath).toEqual(['AWS Lambda', 'Limits']);
    expect(list?.items.map((i) => [i.depth, i.text])).toEqual([
      [0, 'Memory: 128 MB to 10 GB'],
      [0, 'Timeout'],
      [1, '900 seconds (15 minutes)'],
      [1, 'hard limit, cannot be raised'],
      [0, 'Quotas: see the Lambda quotas page'],
    ]);
    expect(list?.text).toBe(
      'Memory: 128 MB to 10 GB; Timeout: 900 seconds (15 minutes); hard limit, cannot be raised; ' +
        'Quotas: see the Lambda quotas page',
    );
  });

  it.each([
    ['header row with names', 'Item: Requests; Price: $0.20 per 1M; Item: Duration; Price: per GB-second'],
    ['empty first header cell (row labels)', 'Billing: Provisioned per hour; On-demand per request'],
  ])('spells table rows against the header: %s', (_name, expected) => {
    const table = note.passages.find((p) => p.kind === 'table' && p.text === expected);
    expect(table, `no table passage reads "${expected}"`).toBeDefined();
    expect(allText).not.toMatch(/\|---|-{3}\|/);
  });

  it.each([
    ['code fence body', 'aws lambda invoke'],
    ['# comment inside a fence', 'invoke from the CLI'],
    ['image alt text', 'architecture diagram'],
    ['image path', 'architecture.png'],
    ['<img> tag', 'console.png'],
    ['raw html', '<img'],
    ['link URL', 'docs.aws.amazon.com'],
  ])('produces no text for the %s', (_name, absent) => {
    expect(allText).not.toContain(absent);
  });

  it.each([
    ['bold', 'without servers you manage', '**'],
    ['inline code', '900 seconds (15 minutes)', '`'],
    ['link keeps its label', 'see the Lambda quotas page', ']('],
  ])('removes inline markup: %s', (_name, kept, gone) => {
    expect(passageWith(kept)).toBeDefined();
    expect(allText).not.toContain(gone);
  });

  it.each([
    ['Lambda runs code without servers you manage.', 3, 'Lambda runs code'],
    ['Memory: 128 MB to 10 GB', 7, '- Memory'],
    ['Timeout', 8, '- Timeout'],
    ['900 seconds (15 minutes)', 9, '`900 seconds`'],
    ['Quotas: see the Lambda quotas page', 11, '- Quotas'],
    ['Item: Duration; Price: per GB-second', 26, '| Duration |'],
    ['Docker images over 10 GB: use ECS', 35, '- Docker images'],
  ])('gives 1-based line numbers: "%s" is on line %i', (text, line, raw) => {
    const item = note.passages.flatMap((p) => p.items).find((i) => i.text === text);
    expect(item?.line).toBe(line);
    expect(SOURCE_LINES[line - 1]).toContain(raw);
  });

  it('starts each passage on the line of its first item', () => {
    for (const p of note.passages) expect(p.line).toBe(p.items[0]?.line);
  });

  it('makes a short label line followed by bullets part of the heading path', () => {
    const tips = passageWith('use ECS');
    expect(tips?.headingPath).toEqual(['AWS Lambda', 'Capacity modes', 'exam tips']);
    expect(tips?.text).toBe('Docker images over 10 GB: use ECS; Runs over 15 minutes: use Step Functions');
    expect(note.passages.some((p) => p.text === 'exam tips')).toBe(false);
  });

  it('reads a heading inside a list item ("* ### Compliance Mode - …") as the item\'s words, without "###"', () => {
    const parsed = parseNote(
      'object-lock.md',
      '## S3 Object Lock\n* Two retention modes\n  * ### Governance Mode - most users cannot delete\n  * ### Compliance Mode ## - nobody can, root included\n',
    );
    expect(parsed.passages[0]?.items.map((i) => [i.depth, i.text])).toEqual([
      [0, 'Two retention modes'],
      [1, 'Governance Mode - most users cannot delete'],
      [1, 'Compliance Mode ## - nobody can, root included'],
    ]);
  });

  it("cuts a long line into chunks of sentences, each later chunk under the line's first sentence", () => {
    const lead = 'API Gateway throttles requests at several levels, for the account and per method.';
    const middle = Array.from(
      { length: 6 },
      (_, i) => `Setting ${i + 1} of the usage plan caps the steady rate and the burst of one client key.`,
    );
    const last = 'Any request over the limit gets a 429 Too Many Requests response.';
    const line = [lead, ...middle, last].join(' ');
    expect(line.length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    const parsed = parseNote('api.md', `## Throttling\n- ${line}\n`);
    expect(parsed.passages.length).toBeGreaterThan(1);
    const withLast = parsed.passages.find((p) => p.text.includes('429'));
    expect(withLast?.items.map((i) => [i.depth, i.text.slice(0, 30)])).toEqual([
      [0, lead.slice(0, 30)],
      [1, expect.stringMatching(/^Setting \d|^Any request/)],
    ]);
    for (const p of parsed.passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    // Every sentence is quoted once as the passages' own words; the first sentence once more per later chunk.
    const own = parsed.passages.map((p) => p.items.at(-1)?.text).join(' ');
    expect(own).toBe(line);
  });

  it('keeps a chunk of a long line within MAX_PASSAGE_CHARS with its parent bullets, or quotes it without the first sentence', () => {
    const lead = `API Gateway throttles requests at several levels, ${'for the account, per stage and per method, '.repeat(4)}as set.`;
    const long = `Any request over the limit gets a 429 response, ${'and the client should wait and retry with backoff, '.repeat(5)}as the docs say.`;
    const middle = Array.from(
      { length: 4 },
      (_, i) => `Usage plan setting ${i + 1} caps the rate of one client key.`,
    );
    const parsed = parseNote(
      'api.md',
      `## API Gateway\n- Throttling and quotas\n  - ${[lead, ...middle, long].join(' ')}\n`,
    );
    for (const p of parsed.passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(parsed.passages.every((p) => p.text.startsWith('Throttling and quotas: '))).toBe(true);
    const withLong = parsed.passages.find((p) => p.text.includes('429'));
    expect(withLong?.items.map((i) => i.text)).toEqual(['Throttling and quotas', long]);
    const own = parsed.passages.map((p) => p.items.at(-1)?.text).join(' ');
    expect(own).toBe([lead, ...middle, long].join(' '));
  });

  it('reads a file with a BOM and CRLF line ends exactly like the LF original', () => {
    const crlf = parseNote('markdown/lambda.md', `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`);
    expect(crlf).toEqual(note);
  });
});

describe('parseNote on a long Markdown bullet group', () => {
  const long = parseNote('markdown/long-group.md', fixture('long-group.md'));
  const children = fixture('long-group.md')
    .split('\n')
    .filter((l) => l.startsWith('    - '))
    .map((l) => l.slice(6));

  it('splits it into passages under MAX_PASSAGE_CHARS', () => {
    expect(children.join('; ').length).toBeGreaterThan(MAX_PASSAGE_CHARS);
    expect(long.passages.length).toBeGreaterThan(1);
    for (const p of long.passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
  });

  it('keeps the parent bullet as context in every piece, and every child once, in order', () => {
    for (const p of long.passages) {
      expect(p.text.startsWith('DynamoDB Streams: ')).toBe(true);
      expect(p.items[0]).toMatchObject({ text: 'DynamoDB Streams', depth: 0, line: 5 });
      expect(p.headingPath).toEqual(['DynamoDB', 'Advanced features']);
    }
    const quoted = long.passages.flatMap((p) => p.items.slice(1).map((i) => i.text));
    expect(quoted).toEqual(children);
  });
});
