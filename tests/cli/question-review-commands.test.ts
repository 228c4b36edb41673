/**
 * `saa questions draft | list | approve | reject | reported` against the embedded database in a
 * temporary data folder: drafts are stored as `draft` and listed; approve and reject change
 * their status; a bundled question reported by two people is listed as suspended and under
 * `reported` until approved; unknown ids and bad flags are refused with a message.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedQuestion } from '../../src/cli/question-review-commands.ts';
import { runQuestions } from '../../src/cli/questions-command.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { SqlQuestionReviewRepository } from '../../src/storage/question-review-repository.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';
import { writeDraftingNotes } from '../question-drafting/drafting-notes.ts';

let dataDir = '';
let notesDir = '';

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
  const config = loadConfig({ DATA_DIR: dataDir }, { purpose: 'cli' });
  const code = await runQuestions(args, config, { out, err });
  return { code, text, error };
}

async function listed(status?: string): Promise<ListedQuestion[]> {
  const { code, text } = await saa('list', '--json', ...(status ? ['--status', status] : []));
  expect(code).toBe(0);
  return JSON.parse(text) as ListedQuestion[];
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saa-review-cli-'));
  await seedEmbeddedDataDir(dataDir);
  notesDir = await writeDraftingNotes();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(notesDir, { recursive: true, force: true });
});

describe('saa questions review commands', () => {
  it('drafts from the notes, stores drafts unasked, and approves or rejects them', async () => {
    const drafted = await saa('draft', '--notes', notesDir, '--count', '3', '--extractive');
    expect(drafted.code).toBe(0);
    expect(drafted.text).toContain('Stored 3 drafts (status draft, not asked yet).');
    expect(drafted.text).toMatch(/^\* [A-D]\) /m);

    const drafts = await listed('draft');
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      expect(d).toMatchObject({ origin: 'team', status: 'draft' });
      expect(['secure', 'resilient', 'performance', 'cost']).toContain(d.domain);
      expect(d.source.file).toMatch(/\.md$/);
    }
    const [keep, drop] = drafts.map((d) => d.id);
    expect((await saa('approve', String(keep))).text).toContain(`${keep}: approved (joins the rotation)`);
    expect((await saa('reject', String(drop))).text).toContain(`${drop}: rejected`);
    expect((await listed('approved')).filter((q) => q.origin === 'team').map((q) => q.id)).toEqual([keep]);
    expect((await listed('rejected')).map((q) => q.id)).toEqual([drop]);
    expect(await listed('draft')).toHaveLength(1);
  }, 60_000);

  it('lists a bundled question reported by two people as suspended until it is approved', async () => {
    const bundled = (await listed()).filter((q) => q.origin === 'bundled');
    expect(bundled.length).toBeGreaterThanOrEqual(400);
    const id = String(bundled[0]?.id);
    const db = await openDatabase({ dataDir });
    const reviews = new SqlQuestionReviewRepository(db);
    for (const userId of ['U1', 'U2'])
      await reviews.report({
        teamId: 'T1',
        questionId: id,
        userId,
        reason: 'outdated',
        comment: 'price changed',
        reportedAt: new Date(),
      });
    await db.close();

    expect((await listed('suspended')).map((q) => q.id)).toEqual([id]);
    const reported = await saa('reported');
    expect(reported.text).toContain(`${id}: 2 reports (out of rotation until reviewed`);
    expect(reported.text).toContain('T1/U2 outdated: price changed');

    expect((await saa('approve', id)).text).toContain('its reports are closed and it is back in rotation');
    expect(await listed('suspended')).toEqual([]);
    expect((await saa('reported')).text).toBe('No open reports.\n');
  }, 60_000);

  it('refuses unknown ids, a bundled reject and bad flags, saying why', async () => {
    const unknown = await saa('approve', 'no-such-question');
    expect(unknown.code).toBe(1);
    expect(unknown.error).toContain('no-such-question: no such question');
    const bundledId = String((await listed('approved')).find((q) => q.origin === 'bundled')?.id);
    const reject = await saa('reject', bundledId);
    expect(reject.code).toBe(1);
    expect(reject.error).toContain('a bundled question cannot be rejected here');
    expect((await saa('draft', '--count', '0')).code).toBe(2);
    expect((await saa('list', '--status', 'pending')).code).toBe(2);
  }, 60_000);
});
