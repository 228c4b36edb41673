import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose-answer.ts';
import { loadNotes } from '../../src/knowledge/load-notes.ts';
import { buildIndex } from '../../src/retrieval/build-index.ts';
import { SearchIndex } from '../../src/retrieval/search-index.ts';

const NOTES = {
  'storage/ebs.md': [
    '# EBS',
    '|                  |                     | SSD                  | HDD             |',
    '|------------------|---------------------|----------------------|-----------------|',
    '| Volume Type      | Provisioned (io1)   | General Purpose (gp2) | Cold (sc1)     |',
    '| Max IOPS/Volume  | 64,000              | 16,000               | 250             |',
    '| Volume Size      | 4 GB - 16 TB        | 1 GB - 16 TB         | 500 GB - 16 TB  |',
    '',
    '## Snapshots',
    '- EBS snapshots are stored in S3 and are incremental',
  ].join('\n'),
  'messaging/sqs.md': [
    '# SQS',
    '- SQS is a pull-based message queue: consumers poll for messages',
    '- retention up to 14 days',
  ].join('\n'),
  'messaging/sns.md': [
    '# SNS',
    '- SNS is push-based pub/sub: it pushes to subscribers',
    '- up to 10 million subscriptions per topic',
  ].join('\n'),
  'security/encryption.md': [
    '# S3 encryption',
    '- SSE-S3: keys managed by S3',
    '- SSE-KMS: keys in AWS KMS, with an audit trail',
    '- SSE-C: customer-provided keys, sent with each request',
  ].join('\n'),
};

let dir = '';
let index: SearchIndex;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-compare-'));
  for (const [file, text] of Object.entries(NOTES)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), `${text}\n`);
  }
  const corpus = await loadNotes(dir);
  index = new SearchIndex(buildIndex(corpus.passages), corpus.passages);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('comparison answers', () => {
  it('quotes the table row both sides share, cut to their columns', () => {
    const answer = composeAnswer('gp2 vs io1 - max iops on each', index);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('Max IOPS/Volume: Provisioned (io1) 64,000; General Purpose (gp2) 16,000');
    expect(answer.text).not.toContain('Cold (sc1) 250');
  });

  it('gives each side a line of its own', () => {
    const answer = composeAnswer('sqs vs sns', index);
    expect(answer.text).toMatch(/pull-based/);
    expect(answer.text).toMatch(/push-based/);
    expect(answer.sources.map((s) => s.file).sort()).toEqual(['messaging/sns.md', 'messaging/sqs.md']);
  });

  it('answers a three-way comparison with its trailing question, each side present', () => {
    const answer = composeAnswer('sse-s3 vs sse-kms vs sse-c, who holds the keys', index);
    expect(answer.text).toMatch(/SSE-S3: keys managed by S3/);
    expect(answer.text).toMatch(/SSE-KMS/);
    expect(answer.text).toMatch(/customer-provided keys/);
  });

  it('says it cannot find a side the notes lack, instead of quoting the other side alone', () => {
    const answer = composeAnswer('sqs vs amazon mq', index);
    expect(answer.found).toBe(false);
    expect(answer.text).toMatch(/^I couldn't find that in the notes/);
  });
});
