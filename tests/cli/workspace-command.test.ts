/**
 * `saa workspace` (runWorkspace) on the embedded database in a temporary DATA_DIR: shows a
 * workspace's daily-quiz defaults (QUIZ_SCHEDULE / QUIZ_TIMEZONE until it has its own), sets the
 * schedule and the time zone, refuses a bad value with the reason and changes nothing, and
 * `default` goes back to the install-wide value.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkspace } from '../../src/cli/workspace-command.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { seedEmbeddedDataDir } from '../helpers/pglite-template.ts';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('saa workspace', () => {
  let dataDir: string;
  let config: Config;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'saa-workspace-cli-'));
    await seedEmbeddedDataDir(dataDir);
    config = loadConfig(
      { DATA_DIR: dataDir, QUIZ_SCHEDULE: '0 9 * * 1-5', QUIZ_TIMEZONE: 'UTC' },
      { purpose: 'cli' },
    );
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function saa(...args: string[]) {
    const out = new Sink();
    const err = new Sink();
    const code = await runWorkspace(args, config, { out, err });
    return { code, out: out.text, err: err.text };
  }

  it.each([
    [
      ['--team', 'TW'],
      'Workspace TW: new daily quizzes at 09:00 UTC, Mon–Fri (schedule: QUIZ_SCHEDULE, time zone: QUIZ_TIMEZONE).',
    ],
    [
      ['--team', 'TW', '--timezone', 'Asia/Tokyo'],
      "Workspace TW: new daily quizzes at 09:00 Asia/Tokyo, Mon–Fri (schedule: QUIZ_SCHEDULE, time zone: this workspace's).",
    ],
    [
      ['--team', 'TW', '--schedule', '30 8 * * 1-4'],
      "Workspace TW: new daily quizzes at 08:30 Asia/Tokyo, Mon–Thu (schedule: this workspace's, time zone: this workspace's).",
    ],
    [
      ['--team', 'TW'],
      "Workspace TW: new daily quizzes at 08:30 Asia/Tokyo, Mon–Thu (schedule: this workspace's, time zone: this workspace's).",
    ],
    [
      ['--team', 'TW', '--timezone', 'default'],
      "Workspace TW: new daily quizzes at 08:30 UTC, Mon–Thu (schedule: this workspace's, time zone: QUIZ_TIMEZONE).",
    ],
    [
      ['--team', 'TOTHER'],
      'Workspace TOTHER: new daily quizzes at 09:00 UTC, Mon–Fri (schedule: QUIZ_SCHEDULE, time zone: QUIZ_TIMEZONE).',
    ],
  ])('saa workspace %j', async (args, line) => {
    const r = await saa(...args);
    expect({ code: r.code, err: r.err, first: r.out.split('\n')[0] }).toEqual({
      code: 0,
      err: '',
      first: line,
    });
  });

  it('sets, shows and clears the workspace’s notes folder, refusing one without notes', async () => {
    const notes = join(dataDir, 'team-notes');
    const empty = join(dataDir, 'empty-notes');
    await mkdir(notes);
    await mkdir(empty);
    await writeFile(join(notes, 'vpc.md'), '# VPC\n- a subnet lives in one Availability Zone\n');
    expect((await saa('--team', 'TN')).out).toContain('Workspace TN: answers from ');
    expect((await saa('--team', 'TN')).out).toContain('(NOTES_DIR)');
    const set = await saa('--team', 'TN', '--notes', notes);
    expect(set.code).toBe(0);
    expect(set.out).toContain(`Workspace TN: answers from ${notes} (this workspace's).`);
    expect((await saa('--team', 'TN')).out).toContain(`answers from ${notes} (this workspace's)`);
    const refused = await saa('--team', 'TN', '--notes', empty);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `notes: ${empty} holds no notes (Markdown, Zim, Org or text files)\nNothing changed.\n`,
    );
    expect((await saa('--team', 'TN')).out).toContain(`answers from ${notes} (this workspace's)`);
    // The quiz defaults are kept when the notes change, and the other way round.
    await saa('--team', 'TN', '--timezone', 'Asia/Tokyo');
    expect((await saa('--team', 'TN')).out).toContain(`answers from ${notes}`);
    const cleared = await saa('--team', 'TN', '--notes', 'default');
    expect(cleared.out).toContain('(NOTES_DIR)');
    expect(cleared.out).toContain('Asia/Tokyo');
  });

  it('refuses a bad schedule or zone with the reason, and changes nothing', async () => {
    const refused = await saa('--team', 'TW', '--schedule', '99 99 * * *', '--timezone', 'Mars/Base');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /^schedule: .*99 99.*\ntime zone: "Mars\/Base" is not an IANA time zone.*\nNothing changed\.\n$/,
    );
    expect((await saa('--team', 'TW')).out).toContain('08:30 UTC, Mon–Thu');
  });

  it('needs --team', async () => {
    expect(await saa()).toMatchObject({ code: 2, err: expect.stringContaining('--team is required') });
  });
});
