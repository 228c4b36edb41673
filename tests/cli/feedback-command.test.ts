/**
 * `saa feedback` against the embedded database in a temporary data folder: the summary with each
 * 👎, the JSON export filtered by `--since`, and `--eval-items` giving each 👎 question once as an
 * eval line waiting for its facts.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFeedback } from '../../src/cli/feedback-command.ts';
import { loadConfig } from '../../src/config.ts';
import { answerKey } from '../../src/feedback/ports.ts';
import { SqlFeedbackRepository } from '../../src/storage/feedback-repository.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';

let dataDir = '';

async function saa(...args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  let error = '';
  out.on('data', (c: Buffer) => {
    text += c.toString();
  });
  err.on('data', (c: Buffer) => {
    error += c.toString();
  });
  const code = await runFeedback(args, loadConfig({ DATA_DIR: dataDir }, { purpose: 'cli' }), { out, err });
  return { code, text, error };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saa-feedback-cli-'));
  await seedEmbeddedDataDir(dataDir);
  const db = await openDatabase({ dataDir });
  await migrate(db);
  const repo = new SqlFeedbackRepository(db);
  const rate = (userId: string, rating: 'up' | 'down', question: string, day: string) =>
    repo.rate(
      {
        teamId: 'T1',
        userId,
        answerKey: answerKey(question, `answer to ${question}`),
        question,
        answer: `answer to ${question}`,
        sources: [],
        mode: 'extractive',
        rating,
      },
      new Date(`${day}T12:00:00Z`),
    );
  await rate('U1', 'up', 'dax vs elasticache', '2026-11-20');
  await rate('U2', 'down', 'sqs vs sns', '2026-11-25');
  await rate('U3', 'down', 'sqs vs sns', '2026-11-26');
  await repo.explain(
    { teamId: 'T1', userId: 'U2', answerKey: answerKey('sqs vs sns', 'answer to sqs vs sns') },
    'wrong',
    'says nothing about push vs pull',
    new Date('2026-11-25T12:05:00Z'),
  );
  await db.close();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('saa feedback', () => {
  it('sums up the ratings and lists each 👎 with its reason', async () => {
    const { code, text } = await saa();
    expect(code).toBe(0);
    expect(text).toContain('3 ratings: 👍 1, 👎 2 (wrong 1, not_in_notes 0, too_long 0, no reason 1)');
    expect(text).toContain('T1/U2 [extractive] wrong: says nothing about push vs pull');
    expect(text).toContain('Q: sqs vs sns');
  }, 30_000);

  it('exports JSON since a date', async () => {
    const { text } = await saa('--json', '--since', '2026-11-26');
    const rows = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.user_id, r.rating])).toEqual([['U3', 'down']]);
  }, 30_000);

  it('gives each 👎 question once as an eval item without facts, and refuses a bad date', async () => {
    const { text } = await saa('--eval-items');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ q: 'sqs vs sns', all: [], style: 'feedback' });
    expect((await saa('--since', 'last week')).code).toBe(2);
  }, 30_000);
});
