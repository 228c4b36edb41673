/**
 * The one directory walker: every file under a folder, recursively, for the notes loader
 * (`load-notes.ts`) and the question bank loader (`quiz/load-question-bank.ts`).
 *
 * Order: depth first, each folder's entries in name order (`localeCompare`), so a corpus and its
 * version hash do not depend on the order the file system lists entries in. Hidden files and
 * folders (`.git`, `.obsidian`) and `node_modules` are never visited. Symbolic links to folders
 * are followed only when asked, each real folder once (a link loop ends). A folder that cannot
 * be read throws (`readdir`'s error); what to do about the files is the caller's.
 */

import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** How {@link walkFiles} walks. */
export interface WalkOptions {
  /** Descend into symbolic links to folders too (the notes loader does); default false. */
  followLinks?: boolean;
  /** Which entries that are not folders to return (e.g. only `*.yaml` regular files); default all. */
  include?: (entry: Dirent) => boolean;
}

function hidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Paths (each `join(dir, …)`) of the entries under `dir` that are not folders, in walk order.
 * @throws the file system's error when `dir` or a folder under it cannot be read.
 */
export async function walkFiles(dir: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  await walk(dir, options, out, new Set());
  return out;
}

async function walk(dir: string, options: WalkOptions, out: string[], seen: Set<string>): Promise<void> {
  const real = await stat(dir);
  const key = `${real.dev}:${real.ino}`;
  if (seen.has(key)) return;
  seen.add(key);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (hidden(entry.name)) continue;
    const full = join(dir, entry.name);
    if (
      entry.isDirectory() ||
      (options.followLinks && entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isDirectory())
    ) {
      await walk(full, options, out, seen);
    } else if (options.include?.(entry) ?? true) out.push(full);
  }
}
