/**
 * The only part of src/knowledge that touches the disk: walks a notes folder recursively and
 * parses every readable text file into one corpus.
 *
 * Skipped with a warning naming the file (loading goes on): files over {@link MAX_NOTE_BYTES},
 * binary files (a NUL byte in the first 8 KiB, or not valid UTF-8), unreadable files, files with
 * nothing to quote (empty, or only markup). Hidden files and folders (`.git`, `.obsidian`),
 * `node_modules` and symbolic-link loops are not visited. A passage that repeats an earlier one
 * word for word (a lab file copying the main notes) is not indexed twice: the first is kept.
 * A missing or empty folder is an error the caller reports (the bot has nothing to answer from).
 */

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Corpus, Passage, Section } from './note-types.ts';
import { parseNote } from './parse-note.ts';
import { walkFiles } from './walk-files.ts';

/** Larger files are skipped: notes are small, and a 5 MB file is an export or a dump (bytes). */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/**
 * Version of the way notes become passages, part of {@link Corpus.version}: bump it when a parser
 * change gives unchanged notes other passages, so the indexes and passage vectors cached under
 * the old version are rebuilt, never misread. 2: practice questions lose their wrong options.
 */
const PARSER_VERSION = 2;

const IMAGE_OR_ARCHIVE = /\.(png|jpe?g|gif|webp|svg|ico|pdf|zip|gz|tgz|7z|mp[34]|mov|docx?|xlsx?|pptx?)$/i;

/** Decodes bytes as UTF-8, or explains why this is not a text note. */
export function decodeNote(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.subarray(0, 8192).includes(0)) return { reason: 'binary file (NUL byte)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/**
 * Loads every note under `dir` into a corpus with passage ids 0..n-1.
 * @throws Error when `dir` does not exist or is not a folder (message names the folder).
 */
export async function loadNotes(dir: string): Promise<Corpus> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new Error(`Notes folder not found: ${dir} (set NOTES_DIR to a folder of notes)`);
  const paths = await walkFiles(dir, { followLinks: true });
  const hash = createHash('sha256').update(`parser ${PARSER_VERSION}\0`);
  const warnings: string[] = [];
  const passages: Passage[] = [];
  const sections: Section[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  for (const full of paths) {
    const file = relative(dir, full).split(sep).join('/');
    if (IMAGE_OR_ARCHIVE.test(file)) continue;
    try {
      const size = (await stat(full)).size;
      if (size > MAX_NOTE_BYTES) {
        warnings.push(
          `${file}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is over the 5 MB limit for a note`,
        );
        continue;
      }
      const decoded = decodeNote(await readFile(full));
      if ('reason' in decoded) {
        warnings.push(`${file}: skipped, ${decoded.reason}`);
        continue;
      }
      hash.update(file).update('\0').update(decoded.text).update('\0');
      const parsed = parseNote(file, decoded.text);
      if (parsed.passages.length === 0) {
        warnings.push(
          `${file}: nothing to index (${decoded.text.trim() ? 'no text outside markup' : 'empty file'})`,
        );
        continue;
      }
      files.push(file);
      sections.push(...parsed.sections);
      for (const draft of parsed.passages) {
        const key = draft.text.toLowerCase().replace(/\W+/g, ' ').trim();
        if (seen.has(key)) continue;
        seen.add(key);
        passages.push({ id: passages.length, ...draft });
      }
    } catch (err) {
      warnings.push(`${file}: skipped, could not read (${(err as Error).message})`);
    }
  }
  return { passages, sections, files, warnings, version: hash.digest('hex') };
}
