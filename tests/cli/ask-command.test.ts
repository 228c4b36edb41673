/**
 * `saa ask` as a person or a script runs it: `--help`, `--json` with plain text answers (no Slack
 * escaping), `--passages` with what a model would be given, and its usage errors.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASK_USAGE, runAsk } from '../../src/cli/ask-command.ts';
import { loadConfig } from '../../src/config.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-ask-'));
  await mkdir(join(dir, 'notes'));
  await writeFile(
    join(dir, 'notes', 'notes.md'),
    [
      '# Lambda',
      '- maximum execution time: 15 minutes (900 seconds)',
      '- memory from 128 MB to 10,240 MB & more CPU with it',
      '# S3',
      '- objects from 0 bytes up to 5 TB; use <multipart upload> above 100 MB',
      '- eleven 9s of durability',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ask(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c: Buffer) => {
    chunks.out += c.toString('utf8');
  });
  err.on('data', (c: Buffer) => {
    chunks.err += c.toString('utf8');
  });
  const config = loadConfig({ NOTES_DIR: join(dir, 'notes'), DATA_DIR: join(dir, 'data') });
  const code = await runAsk(args, config, { stdin: Readable.from([]), out, err });
  return { code, ...chunks };
}

describe('saa ask', () => {
  it('prints usage and exits 0 on --help', async () => {
    const { code, out } = await ask(['--help']);
    expect(code).toBe(0);
    expect(out).toContain(ASK_USAGE);
    expect(out).toContain('--passages');
  });

  it('prints the text a person reads in "answer": no Slack escaping of & < >', async () => {
    const { code, out } = await ask(['how big can an s3 object be', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { answer: string; passages?: unknown };
    expect(json.answer).toContain('0 bytes up to 5 TB; use <multipart upload> above 100 MB');
    expect(json.answer).not.toMatch(/&amp;|&lt;|&gt;/);
    expect(json.passages).toBeUndefined();
  });

  it('adds the passages a model would be given with --passages, best first, -k of them', async () => {
    type WithPassages = { passages: Array<{ file: string; heading: string; line: number; text: string }> };
    const both = JSON.parse((await ask(['lambda memory vs s3 object size', '--json', '--passages'])).out);
    expect((both as WithPassages).passages.map((p) => p.heading)).toEqual(['Lambda', 'S3']);
    const json = JSON.parse(
      (await ask(['lambda memory', '--json', '--passages', '-k', '1'])).out,
    ) as WithPassages;
    expect(json.passages).toHaveLength(1);
    expect(json.passages[0]).toEqual({
      file: 'notes.md',
      heading: 'Lambda',
      line: 2,
      text: 'maximum execution time: 15 minutes (900 seconds); memory from 128 MB to 10,240 MB & more CPU with it',
    });
  });

  it.each([
    [['-k', '0', 'lambda'], /-k must be a whole number from 1 to 20/],
    [['--frobnicate'], /Unknown option/],
  ])('rejects %j with a usage error (exit 2)', async (args, message) => {
    const { code, err } = await ask(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain(ASK_USAGE);
  });
});
