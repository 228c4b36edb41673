import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WalkOptions, walkFiles } from '../../src/knowledge/walk-files.ts';

describe('walkFiles', () => {
  let dir = '';
  let outside = '';
  const put = async (path: string) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), 'x');
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saa-walk-'));
    outside = await mkdtemp(join(tmpdir(), 'saa-walk-outside-'));
    await writeFile(join(outside, 'linked.yaml'), 'x');
    for (const path of ['b.md', 'A.yaml', 'sub/c.yml', 'sub/deeper/d.md', '.hidden.yaml', '.git/config']) {
      await put(path);
    }
    await put('node_modules/pkg/e.yaml');
    await symlink(outside, join(dir, 'linked-folder'));
    await symlink(join(dir, 'b.md'), join(dir, 'z-link.md'));
    await symlink(dir, join(dir, 'sub', 'loop'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  const yaml: WalkOptions['include'] = (e) => e.isFile() && /\.ya?ml$/i.test(e.name);
  const CASES: Array<[string, WalkOptions, string[]]> = [
    [
      'everything not hidden, in name order, links listed not followed',
      {},
      ['A.yaml', 'b.md', 'linked-folder', 'sub/c.yml', 'sub/deeper/d.md', 'sub/loop', 'z-link.md'],
    ],
    [
      'links to folders followed once each (a loop ends)',
      { followLinks: true },
      ['A.yaml', 'b.md', 'linked-folder/linked.yaml', 'sub/c.yml', 'sub/deeper/d.md', 'z-link.md'],
    ],
    [
      'only what include keeps (the question bank: regular *.yaml / *.yml files)',
      { include: yaml },
      ['A.yaml', 'sub/c.yml'],
    ],
  ];
  it.each(CASES)('%s', async (_, options, files) => {
    const found = await walkFiles(dir, options);
    expect(found.map((f) => relative(dir, f).split('\\').join('/'))).toEqual(files);
  });

  it('throws when the folder cannot be read', async () => {
    await expect(walkFiles(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
