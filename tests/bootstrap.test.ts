/** Opening the services: with a team's own notes, which quiz questions they cover is searched once. */

import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { useTempDirs } from './helpers/temp-dirs.ts';

const tempDir = useTempDirs();

const ROOT = resolve(import.meta.dirname, '..');
const COVERED = /^Your notes hold the key facts of \d+ of \d+ quiz questions/;

const opened: Services[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** Services over the Markdown fixture notes (a team's own folder), with the info lines they log. */
async function open(options?: Parameters<typeof openServices>[3]) {
  const info: string[] = [];
  const log = { info: (m: string) => info.push(m), warn: () => {}, error: () => {} };
  const config = loadConfig({
    NOTES_DIR: join(ROOT, 'tests/fixtures/notes/markdown'),
    QUESTIONS_DIR: join(ROOT, 'knowledge/questions'),
    DATA_DIR: tempDir('saa-test-bootstrap-'),
  });
  const services = await openServices(config, log, undefined, options);
  opened.push(services);
  return { services, info };
}

describe('openServices over a team’s own notes', () => {
  it('searches the notes for the quiz questions they cover, unless told not to (saa leaderboard)', async () => {
    const [searching, skipping] = await Promise.all([open(), open({ notesCoverage: false })]);
    await expect.poll(() => searching.info.some((m) => COVERED.test(m)), { timeout: 60_000 }).toBe(true);
    // Both searches would run side by side in this process: one more turn for the second.
    await new Promise((r) => setTimeout(r, 500));
    expect(skipping.info.filter((m) => COVERED.test(m))).toEqual([]);
    expect(skipping.services.bank.length).toBe(searching.services.bank.length);
  });
});
