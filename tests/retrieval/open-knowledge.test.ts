/**
 * The index cache is a convenience: a cache folder that cannot be written does not stop the bot
 * (a read-only root file system, a file where the folder should be), and a cache file of the
 * wrong shape is rebuilt rather than trusted.
 */

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT } from '../../src/retrieval/build-index.ts';
import { indexCachePath, openKnowledge } from '../../src/retrieval/open-knowledge.ts';

let dir = '';
const logs: string[] = [];
const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saa-cache-'));
  await mkdir(join(dir, 'notes'));
  await writeFile(join(dir, 'notes', 'lambda.md'), '# Lambda\n- maximum execution time: 15 minutes\n');
  logs.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openKnowledge and its index cache', () => {
  it('works with the cache disabled when its folder cannot be created, saying so once', async () => {
    await writeFile(join(dir, 'data'), 'a file where the data folder should be');
    const knowledge = await openKnowledge(join(dir, 'notes'), join(dir, 'data', 'index-cache'), { log });
    expect(knowledge.fromCache).toBe(false);
    expect(knowledge.index.search('lambda timeout').length).toBeGreaterThan(0);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^index cache disabled: cannot use .*index-cache \(ENOTDIR/);
  });

  it('rebuilds, with a warning, a cache file that is valid JSON but not an index', async () => {
    const cache = join(dir, 'cache');
    const first = await openKnowledge(join(dir, 'notes'), cache, { log });
    const path = indexCachePath(cache, first.corpus.version);
    expect(JSON.parse(await readFile(path, 'utf8')).format).toBe(INDEX_FORMAT);
    await writeFile(path, JSON.stringify({ format: 1, lunr: {}, hello: 'world' }));
    const second = await openKnowledge(join(dir, 'notes'), cache, { log });
    expect(second.fromCache).toBe(false);
    expect(second.index.search('lambda').length).toBeGreaterThan(0);
    expect(logs.some((l) => l.includes('is unusable') && l.includes('rebuilding'))).toBe(true);
    // … and the rebuilt file is good again.
    const third = await openKnowledge(join(dir, 'notes'), cache, { log });
    expect(third.fromCache).toBe(true);
    expect((await readdir(cache)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
