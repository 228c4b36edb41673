import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceLine } from '../../src/answer/source-line.ts';
import { fileTopic } from '../../src/knowledge/file-topic.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

/** The shapes real notes come in (../shared/eval/README.md), each as a small fixture. */
describe('real note shapes', () => {
  const passages = (file: string, source: string) => parseNote(file, source).passages;

  it('a bare line followed by bullets names that list, and only that list', () => {
    const got = passages(
      'lambda.md',
      '# Lambda\n\nLimits\n- 15 minutes max\n- 10 GB memory\n\nLambda bills per millisecond of run time.\n',
    );
    expect(got.map((p) => [p.headingPath, p.text])).toEqual([
      [['Lambda', 'Limits'], '15 minutes max; 10 GB memory'],
      [['Lambda'], 'Lambda bills per millisecond of run time.'],
    ]);
  });

  it('reads tab-indented bullets as nested ones', () => {
    const [p] = passages(
      'sqs.md',
      '# SQS\n- queue types\n\t- standard\n\t\t- at-least-once delivery\n\t- FIFO\n',
    );
    expect(p?.items.map((i) => [i.depth, i.text])).toEqual([
      [0, 'queue types'],
      [1, 'standard'],
      [2, 'at-least-once delivery'],
      [1, 'FIFO'],
    ]);
  });

  it('spells out a wide padded table with a group-label row against its real column labels', () => {
    const table = [
      '# EBS',
      '|                  |                     | SSD                  | HDD            |',
      '|------------------|---------------------|----------------------|----------------|',
      '| Volume Type      | Provisioned (io1)   | General Purpose (gp2) | Cold (sc1)    |',
      '| Max IOPS/Volume  | 64,000              | 16,000               | 250            |',
      '| Price            | $0.125/GB-month     | $0.10/GB-month       | $0.025/GB-month |',
      '|                  | $0.065/IOPS         |                      |                |',
    ].join('\n');
    const texts = passages('ebs.md', table).flatMap((p) => p.items.map((i) => i.text));
    expect(texts).toContain(
      'Max IOPS/Volume: Provisioned (io1) 64,000; General Purpose (gp2) 16,000; Cold (sc1) 250',
    );
    expect(texts).toContain(
      'Price: Provisioned (io1) $0.125/GB-month + $0.065/IOPS; General Purpose (gp2) $0.10/GB-month; Cold (sc1) $0.025/GB-month',
    );
    expect(texts.join(' ')).not.toMatch(/SSD|HDD/);
  });

  it('reads an FAQ Q:/A: block as a question heading over its answer', () => {
    const got = passages('s3.md', '# S3\n\nQ: Can I turn versioning off?\nA: No, you can only suspend it.\n');
    expect(got.map((p) => [p.headingPath, p.text])).toEqual([
      [['S3', 'Can I turn versioning off?'], 'No, you can only suspend it.'],
    ]);
  });

  it('turns a raw HTML list into nested bullets and decodes entities (never "&amp;nbsp;")', () => {
    const html =
      '### CloudFront\n\n<ul><li>object removal&nbsp;from cache\n<ul><li>by default 24&nbsp;hrs &amp; <strong>TTL</strong></li>\n<li>invalidation has a cost</li></ul></li>\n<li>supports GET &lt;and&gt; HEAD</li></ul>\n';
    const items = passages('tips.md', html).flatMap((p) => p.items.map((i) => [i.depth, i.text]));
    expect(items).toEqual([
      [0, 'object removal from cache'],
      [1, 'by default 24 hrs & TTL'],
      [1, 'invalidation has a cost'],
      [0, 'supports GET <and> HEAD'],
    ]);
    expect(JSON.stringify(passages('tips.md', html))).not.toMatch(/&amp;|&nbsp;|<li>/);
  });

  it('keeps a line of inline ``` code as text instead of opening a fence that swallows the file', () => {
    const got = passages(
      'ec2.md',
      '# Metadata\n ```http://169.254.169.254/latest/meta-data```\n\n## After\n- still indexed\n',
    );
    expect(got.map((p) => p.text)).toEqual(['169.254.169.254/latest/meta-data', 'still indexed']);
  });

  it('makes a heading that states a fact, with nothing under it, a passage of its own', () => {
    const got = passages(
      'ddb.md',
      '## DynamoDB\n#### Amazon DMS can migrate Mongo data into DynamoDB\n#### Capacity\n- on-demand\n',
    );
    expect(got.map((p) => [p.headingPath, p.text])).toEqual([
      [['DynamoDB'], 'Amazon DMS can migrate Mongo data into DynamoDB'],
      [['DynamoDB', 'Capacity'], 'on-demand'],
    ]);
  });

  it('indexes a file without any heading, under its file name as topic', () => {
    const got = passages('storage/glacier-retrieval.txt', 'Expedited: 1-5 minutes\nStandard: 3-5 hours\n');
    expect(got).toHaveLength(1);
    expect(got[0]?.headingPath).toEqual([]);
    expect(got[0]?.topic).toEqual(['storage', 'glacier retrieval']);
  });

  it('drops terminal escape sequences, control characters and bidi overrides from notes', () => {
    const [p] = passages('x.md', '# T\n- \u001b[31mred\u001b[0m gp2\u0007 and \u202Eio1\n');
    expect(p?.text).toBe('red gp2 and io1');
  });

  it.each([
    ['Course/Storage/EBS/README.md', ['Course', 'Storage', 'EBS']],
    ['compute/lambda/index.md', ['compute', 'lambda']],
    ['serverless/lambda-limits.md', ['serverless', 'lambda limits']],
    ['000_2e6a690e5cf7ed57.txt', []],
  ])('takes the topic of %j from its path', (file, topic) => {
    expect(fileTopic(file)).toEqual(topic);
  });

  it('cites a README.md by its folder', () => {
    expect(sourceLine({ file: 'Course/Storage/EBS/README.md', heading: 'EBS > Volume types', line: 8 })).toBe(
      'Course › Storage › EBS (README.md) › EBS › Volume types (line 8)',
    );
    expect(sourceLine({ file: 'lambda.md', heading: 'Lambda', line: 1 })).toBe('lambda.md › Lambda (line 1)');
  });
});

describe('real folder shapes (loadNotes)', () => {
  let dir = '';
  const put = async (path: string, content: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saa-shapes-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('skips an empty file with a warning naming it, and indexes the rest', async () => {
    await put('Storage/S3 Glacier/README.md', '');
    await put('Storage/S3/README.md', '# S3\n- objects from 0 bytes to 5 TB\n');
    const corpus = await loadNotes(dir);
    expect(corpus.warnings).toEqual(['Storage/S3 Glacier/README.md: nothing to index (empty file)']);
    expect(corpus.passages.map((p) => [p.file, p.topic, p.text])).toEqual([
      ['Storage/S3/README.md', ['Storage', 'S3'], 'objects from 0 bytes to 5 TB'],
    ]);
  });

  it('indexes a passage that near-duplicate files repeat word for word once', async () => {
    await put('main.md', '# EFS\n- EFS is based on NFS v4 (port 2049)\n- scales to petabytes\n');
    await put('labs/efs-lab.md', '# EFS lab\n- EFS is based on NFS v4 (port 2049)\n- scales to petabytes\n');
    await put(
      'labs/other.md',
      '# EFS lab 2\n- EFS is based on NFS v4 (port 2049).\n- mount it from two AZs\n',
    );
    const corpus = await loadNotes(dir);
    const texts = corpus.passages.map((p) => p.text);
    expect(texts.filter((t) => t.startsWith('EFS is based on NFS v4 (port 2049); scales'))).toHaveLength(1);
    expect(texts.some((t) => t.includes('mount it from two AZs'))).toBe(true);
    expect(corpus.passages.map((p) => p.id)).toEqual(corpus.passages.map((_, i) => i));
  });
});
