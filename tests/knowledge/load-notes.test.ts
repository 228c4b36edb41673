import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadNotes, MAX_NOTE_BYTES } from '../../src/knowledge/load-notes.ts';
import type { NoteFormat } from '../../src/knowledge/note-types.ts';
import { parseNote } from '../../src/knowledge/parse-note.ts';

const SHARED_NOTES = resolve(import.meta.dirname, '../../../shared/notes');

describe('loadNotes on a temporary folder', () => {
  let dir = '';
  const put = async (path: string, content: string | Buffer) => {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saa-notes-'));
    await put('lambda.md', '# Lambda\n- max execution time: 15 minutes\n');
    await put('databases/dynamodb/dax.txt', '== DAX ==\n* Default 5mn TTL for cache\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads notes in nested folders, naming files relative to the folder with /', async () => {
    const corpus = await loadNotes(dir);
    expect(corpus.files).toEqual(['databases/dynamodb/dax.txt', 'lambda.md']);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.passages.map((p) => [p.file, p.text])).toEqual([
      ['databases/dynamodb/dax.txt', 'Default 5mn TTL for cache'],
      ['lambda.md', 'max execution time: 15 minutes'],
    ]);
    expect(corpus.passages.map((p) => p.id)).toEqual([0, 1]);
    expect(corpus.sections.map((s) => s.headingPath)).toEqual([['DAX'], ['Lambda']]);
  });

  it.each([
    ['a binary file (NUL bytes)', 'export.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])],
    [
      'invalid UTF-8 (a Latin-1 file)',
      'latin1-notes.txt',
      Buffer.from('# Caf\xe9 notes\n- cold start\n', 'latin1'),
    ],
  ])('skips %s with a warning naming the file, and goes on', async (_name, file, bytes) => {
    await put(file, bytes);
    const corpus = await loadNotes(dir);
    expect(corpus.files).toEqual(['databases/dynamodb/dax.txt', 'lambda.md']);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]).toContain(file);
    expect(corpus.passages.some((p) => p.file === file)).toBe(false);
  });

  it('skips a file over 5 MB with a warning naming it', async () => {
    await put('dump.txt', '# Dump\n');
    await truncate(join(dir, 'dump.txt'), MAX_NOTE_BYTES + 1); // sparse: no 5 MB written
    const corpus = await loadNotes(dir);
    expect(corpus.files).not.toContain('dump.txt');
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]).toMatch(/^dump\.txt: .*5 MB/);
  });

  it('reads a file of exactly 5 MB (the limit is inclusive)', async () => {
    await put('big.txt', 'Lambda notes\n');
    await truncate(join(dir, 'big.txt'), MAX_NOTE_BYTES);
    const corpus = await loadNotes(dir);
    // Past the size check, the sparse file's zeros are what get it skipped.
    expect(corpus.warnings).toEqual([expect.stringMatching(/^big\.txt: .*binary/)]);
  });

  it('does not visit hidden folders, hidden files or node_modules', async () => {
    await put('.git/HEAD', 'ref: refs/heads/main\n');
    await put('.git/notes/secret.md', '# Secret\n- do not index\n');
    await put('.obsidian/workspace.md', '# Workspace\n');
    await put('.draft.md', '# Draft\n');
    await put('node_modules/pkg/README.md', '# Package\n');
    const corpus = await loadNotes(dir);
    expect(corpus.files).toEqual(['databases/dynamodb/dax.txt', 'lambda.md']);
    expect(corpus.warnings).toEqual([]);
  });

  it('skips images silently and survives a symbolic-link loop', async () => {
    await put('diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    await symlink(dir, join(dir, 'databases', 'loop'));
    const corpus = await loadNotes(dir);
    expect(corpus.files).toEqual(['databases/dynamodb/dax.txt', 'lambda.md']);
    expect(corpus.warnings).toEqual([]);
  });

  it('throws an error naming a missing folder', async () => {
    const missing = join(dir, 'no-such-notes');
    await expect(loadNotes(missing)).rejects.toThrow(missing);
  });

  it('throws when given a file instead of a folder', async () => {
    await expect(loadNotes(join(dir, 'lambda.md'))).rejects.toThrow('lambda.md');
  });

  it('keeps the same version while nothing changes and a new one when a note changes', async () => {
    const first = await loadNotes(dir);
    expect(first.version).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadNotes(dir)).version).toBe(first.version);

    await writeFile(join(dir, 'lambda.md'), '# Lambda\n- max execution time: 900 seconds\n');
    const edited = await loadNotes(dir);
    expect(edited.version).not.toBe(first.version);

    await put('new.md', '# New\n');
    expect((await loadNotes(dir)).version).not.toBe(edited.version);
  });

  it('changes the version when a note is renamed, even with the same content', async () => {
    const before = await loadNotes(dir);
    const content = await readFile(join(dir, 'lambda.md'));
    await rm(join(dir, 'lambda.md'));
    await put('aws-lambda.md', content);
    expect((await loadNotes(dir)).version).not.toBe(before.version);
  });
});

const EXPECTED_FORMATS: Array<[string, NoteFormat]> = [
  ['000_', 'markdown'],
  ['001_', 'markdown'],
  ['002_', 'org'],
  ['003_', 'zim'],
  ['004_', 'markdown'],
];

describe.skipIf(!existsSync(SHARED_NOTES))(
  'loadNotes on the real notes (skipped: ../shared/notes absent)',
  () => {
    const load = () => loadNotes(SHARED_NOTES);

    it('loads all 5 files with no warnings', async () => {
      const corpus = await load();
      expect(corpus.files).toHaveLength(5);
      expect(corpus.warnings).toEqual([]);
    });

    it.each(EXPECTED_FORMATS)('detects %s* as %s', async (prefix, format) => {
      const corpus = await load();
      const file = corpus.files.find((f) => f.startsWith(prefix));
      expect(file, `no file starting with ${prefix}`).toBeDefined();
      const source = await readFile(join(SHARED_NOTES, file ?? ''), 'utf8');
      expect(parseNote(file ?? '', source).format).toBe(format);
    });

    it('yields more than 100 passages, none longer than about 520 chars', async () => {
      const corpus = await load();
      expect(corpus.passages.length).toBeGreaterThan(100);
      const long = corpus.passages.filter((p) => p.text.length > 520);
      expect(long.map((p) => `${p.file}:${p.line}`)).toEqual([]);
    });

    it('puts every passage under a heading, except a preamble before a file’s first heading', async () => {
      const corpus = await load();
      for (const p of corpus.passages.filter((x) => x.headingPath.length === 0)) {
        const firstHeading = Math.min(...corpus.sections.filter((s) => s.file === p.file).map((s) => s.line));
        expect(p.line, `${p.file}:${p.line} "${p.text.slice(0, 40)}"`).toBeLessThan(firstHeading);
      }
    });

    it('gives every passage a line that exists in its file', async () => {
      const corpus = await load();
      for (const file of corpus.files) {
        const lineCount = (await readFile(join(SHARED_NOTES, file), 'utf8')).split('\n').length;
        for (const p of corpus.passages.filter((x) => x.file === file)) {
          for (const item of p.items) expect(item.line).toBeGreaterThanOrEqual(1);
          for (const item of p.items) expect(item.line).toBeLessThanOrEqual(lineCount);
        }
      }
    });
  },
);
